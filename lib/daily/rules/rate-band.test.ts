import { describe, expect, it } from 'vitest';
import { RATE_BAND_LABELS } from '../labels';
import { RATE_BANDS, rateBand } from './rate-band';

describe('rateBand', () => {
  it.each([
    [{ expected: 0, covered: 0, onTime: 0 }, 'NO_DAYS'],
    [{ expected: 20, covered: 20, onTime: 20 }, 'HIGH'],
    [{ expected: 20, covered: 19, onTime: 10 }, 'HIGH'], // 95 % exactly
    [{ expected: 100, covered: 94, onTime: 94 }, 'FAIR'],
    [{ expected: 5, covered: 4, onTime: 0 }, 'FAIR'], // 80 % exactly
    [{ expected: 100, covered: 79, onTime: 79 }, 'LOW'],
    [{ expected: 2, covered: 1, onTime: 1 }, 'LOW'], // 50 % exactly
    [{ expected: 100, covered: 49, onTime: 49 }, 'VERY_LOW'],
    [{ expected: 5, covered: 0, onTime: 0 }, 'VERY_LOW'],
  ] as const)('%o is %s', (counts, band) => {
    expect(rateBand(counts)).toBe(band);
  });

  it('has a Norwegian label for every band', () => {
    for (const band of RATE_BANDS) expect(RATE_BAND_LABELS[band]).toMatch(/\S/);
    expect(RATE_BAND_LABELS.HIGH).toBe('95\u00a0% eller mer');
  });
});
