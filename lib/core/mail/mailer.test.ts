import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from './capture-server';
import { createMailer, type Mailer } from './mailer';

describe('the mailer through the capture server', () => {
  let dir: string;
  let server: CaptureServer;
  let mailer: Mailer;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kpr-mail-'));
    server = await startCaptureServer({ dir, log: (line) => lines.push(line) });
    mailer = createMailer(server.url, 'KPR-status <ikke-svar@kpr.example.no>');
  });
  afterAll(async () => {
    mailer.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers plain text and HTML in UTF-8, kept as an .eml file with a log line', async () => {
    const { messageId } = await mailer.send({
      to: { name: 'Åse Ødegård', address: 'ase@kommune.example.no' },
      subject: 'Påminnelse: frist for Bærum',
      text: 'Hei Åse,\nFristen går ut i dag.',
      html: '<p>Hei Åse,</p><p>Fristen går ut i dag.</p>',
    });
    expect(server.mails).toHaveLength(1);
    const [mail] = server.mails;
    expect(mail!.to).toEqual(['ase@kommune.example.no']);
    expect(mail!.from).toBe('ikke-svar@kpr.example.no');
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.subject).toBe('Påminnelse: frist for Bærum');
    expect(parsed.text).toBe('Hei Åse,\nFristen går ut i dag.');
    expect(parsed.html).toContain('<p>Fristen går ut i dag.</p>');
    expect(await readFile(mail!.file!)).toEqual(mail!.raw);
    expect(lines).toEqual([`Mail to ase@kommune.example.no captured in ${mail!.file}`]);
  });

  it('rejects with the server’s reply while the server refuses, and delivers again afterwards', async () => {
    const mail = { to: { name: 'Ola', address: 'ola@kommune.example.no' }, subject: 'S', text: 'T', html: '<p>T</p>' };
    server.refuse({ code: 451, message: 'Try again later' });
    await expect(mailer.send(mail)).rejects.toMatchObject({ responseCode: 451 });
    server.refuse(null);
    await mailer.send(mail);
    expect(server.mails.map((captured) => captured.to[0])).toEqual([
      'ase@kommune.example.no',
      'ola@kommune.example.no',
    ]);
  });
});
