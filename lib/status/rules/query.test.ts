import { describe, expect, it } from 'vitest';
import { queryParamsOf, searchParamsOf } from './query';

describe('a query as a URL and back', () => {
  it('leaves empty values out, repeats a name with several values, and reads them back as a list', () => {
    const search = searchParamsOf({ season: '2025', q: '', status: ['REJECTED', 'INCOMPLETE'], side: undefined });
    expect(search.toString()).toBe('season=2025&status=REJECTED&status=INCOMPLETE');
    expect(queryParamsOf(search)).toEqual({ season: '2025', status: ['REJECTED', 'INCOMPLETE'] });
  });
});
