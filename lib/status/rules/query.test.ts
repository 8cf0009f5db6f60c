import { describe, expect, it } from 'vitest';
import { pathWithQuery, queryParamsOf, searchParamsOf } from './query';

describe('a query as a URL and back', () => {
  it('leaves empty values out, repeats a name with several values, and reads them back as a list', () => {
    const search = searchParamsOf({ season: '2025', q: '', status: ['REJECTED', 'INCOMPLETE'], side: undefined });
    expect(search.toString()).toBe('season=2025&status=REJECTED&status=INCOMPLETE');
    expect(queryParamsOf(search)).toEqual({ season: '2025', status: ['REJECTED', 'INCOMPLETE'] });
  });
});

describe('pathWithQuery', () => {
  it('adds the query, encoded, to the path', () => {
    expect(pathWithQuery('/kommuner/0301/daglig', { season: '2026-daglig', asOf: undefined, q: 'Bø i Telemark' })).toBe(
      '/kommuner/0301/daglig?season=2026-daglig&q=B%C3%B8+i+Telemark',
    );
  });

  it('leaves the path bare when nothing is left of the query', () => {
    expect(pathWithQuery('/kart', { season: undefined, q: '' })).toBe('/kart');
  });
});
