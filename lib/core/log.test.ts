/**
 * The log functions mask identity numbers in whatever they print, errors and objects included,
 * and so does the console once maskConsoleOutput is installed on it.
 */
import { Console } from 'node:console';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hasNationalIdCheckDigits } from './identifiers';
import { MASKED_IDENTITY_NUMBER, findIdentityNumbers } from './identity-masking';
import { formatLogLine, maskConsoleOutput } from './log';

function validNumber(datePart: string): string {
  for (let rest = 10_000; rest < 100_000; rest++)
    if (hasNationalIdCheckDigits(`${datePart}${rest}`)) return `${datePart}${rest}`;
  throw new Error('none');
}
const FNR = validNumber('150372');
const ORDER = `${FNR.slice(0, 10)}${(Number(FNR[10]) + 1) % 10}`;

describe('formatLogLine', () => {
  it('formats like console.log and masks numbers in strings, objects and errors; keeps order numbers', () => {
    const error = new Error(`invalid input syntax for type integer: "${FNR}"`);
    const line = formatLogLine('[req] failed:', { value: FNR, order: ORDER }, error);
    expect(line).toContain('[req] failed:');
    expect(line).toContain(MASKED_IDENTITY_NUMBER);
    expect(line).toContain(ORDER);
    expect(line).toContain('invalid input syntax');
    expect(findIdentityNumbers(line)).toEqual([]);
  });
});

describe('maskConsoleOutput', () => {
  it('masks every method of a console, once, however often it is installed', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    const target = new Console({ stdout: stream, stderr: stream });
    maskConsoleOutput(target);
    maskConsoleOutput(target);
    target.log('log %s', FNR);
    target.error(new Error(`error ${FNR.slice(0, 6)} ${FNR.slice(6)}`));
    target.warn({ nested: { deep: FNR } });
    target.info(`order ${ORDER}`);
    await new Promise((resolve) => setImmediate(resolve));
    const text = chunks.join('');
    expect(text.split(MASKED_IDENTITY_NUMBER).length - 1).toBe(3);
    expect(text).toContain(`order ${ORDER}`);
    expect(findIdentityNumbers(text)).toEqual([]);
  });
});
