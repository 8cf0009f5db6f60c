/**
 * The map's outlines against the reference data: every one of the 357 municipalities is drawn (a
 * shape or a dot), each in the county its number says, the counties' maps hold exactly their
 * municipalities, and the path data stay small enough for the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { MAP_MAX_HEIGHT, MAP_WIDTH } from './geometry';
import { mapCounties, mapOutlines, mapView } from './outlines';

const municipalities: { kommunenummer: string; fylkesnummer: string }[] = parse(
  readFileSync(path.resolve('prisma/data/kommuner-2025.csv'), 'utf8'),
  { columns: true, skip_empty_lines: true },
);

describe('map outlines', () => {
  const country = mapOutlines()!;

  it('draws all 357 municipalities of the reference data, each once, in its county', () => {
    expect(municipalities).toHaveLength(357);
    expect(country.municipalities.map((outline) => outline.number)).toEqual(
      municipalities.map((row) => row.kommunenummer).sort(),
    );
    const county = new Map(municipalities.map((row) => [row.kommunenummer, row.fylkesnummer]));
    for (const outline of country.municipalities) expect(outline.countyNumber).toBe(county.get(outline.number));
  });

  it('gives every municipality something to see and to click: a shape, or a dot when it is too small', () => {
    for (const outline of country.municipalities) {
      expect(outline.d || outline.marker, outline.number).toBeTruthy();
      if (outline.d) expect(outline.d).toMatch(/^M-?\d+,-?\d+l[-\d, ]+z(M-?\d+,-?\d+l[-\d, ]+z)*$/);
    }
    // The smallest island municipalities get a dot.
    const dotted = new Set(country.municipalities.filter((outline) => outline.marker).map((outline) => outline.number));
    for (const island of ['1151', '1835']) expect(dotted.has(island), island).toBe(true);
    // Oslo and the large ones are shapes of their own.
    for (const large of ['0301', '5601', '4601']) expect(dotted.has(large), large).toBe(false);
  });

  it('fits the country into the map box and draws the county borders', () => {
    expect(country.width).toBeLessThanOrEqual(MAP_WIDTH);
    expect(country.height).toBeLessThanOrEqual(MAP_MAX_HEIGHT);
    expect(country.height).toBeGreaterThan(country.width);
    expect(country.borders.length).toBeGreaterThan(0);
  });

  it('keeps the path data of the whole country within 60 000 characters (the map adds at most 150 KB to a page)', () => {
    const characters = country.municipalities.reduce((sum, outline) => sum + outline.d.length, country.borders.length);
    expect(characters).toBeLessThan(60_000);
  });

  it('draws a county with exactly its municipalities, in more detail than the country', () => {
    expect([...mapCounties().keys()]).toHaveLength(15);
    for (const [county] of mapCounties()) {
      const outlines = mapOutlines(county)!;
      expect(outlines.municipalities.map((outline) => outline.number)).toEqual(
        municipalities
          .filter((row) => row.fylkesnummer === county)
          .map((row) => row.kommunenummer)
          .sort(),
      );
    }
    const vestland = (outlines: typeof country) =>
      outlines.municipalities
        .filter((outline) => outline.countyNumber === '46')
        .reduce((sum, o) => sum + o.d.length, 0);
    expect(vestland(mapOutlines('46')!)).toBeGreaterThan(2 * vestland(country));
  });

  it('falls back to the whole country for a county that does not exist', () => {
    expect(mapOutlines('99')).toBeUndefined();
    expect(mapView('99')).toMatchObject({ county: undefined, outlines: country, place: 'Norge' });
    expect(mapView('46')).toMatchObject({ county: '46', place: 'Vestland' });
  });
});
