import { describe, expect, it } from 'vitest';
import { endOfOsloDay } from '../../core/calendar';
import { extensionDateBounds, grantDateBounds } from './extension-requests';

describe('extensionDateBounds', () => {
  const deadline = endOfOsloDay('2026-01-15');

  it('before the deadline: from the day after it, up to 180 days after it', () => {
    expect(extensionDateBounds(new Date('2026-01-09T10:00:00+01:00'), deadline)).toEqual({
      earliest: '2026-01-16',
      latest: '2026-07-14',
    });
  });

  it('after the deadline: from today (Oslo), up to 180 days after today', () => {
    expect(extensionDateBounds(new Date('2026-03-01T23:30:00+01:00'), deadline)).toEqual({
      earliest: '2026-03-01',
      latest: '2026-08-28',
    });
  });

  it('on the deadline day: from tomorrow', () => {
    expect(extensionDateBounds(new Date('2026-01-15T12:00:00+01:00'), deadline).earliest).toBe('2026-01-16');
  });

  it('FHI may grant from the day after the season deadline', () => {
    expect(grantDateBounds(new Date('2026-03-01T12:00:00+01:00'), deadline)).toEqual({
      earliest: '2026-01-16',
      latest: '2026-08-28',
    });
  });
});
