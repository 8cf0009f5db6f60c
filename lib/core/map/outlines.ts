/**
 * The municipalities' outlines as the map draws them, read once from the reference data
 * (prisma/data/geo, Kartverket's 2024 borders, see SOURCES.md there) and drawn once per process for
 * the country and for each county on first use. Here rather than in a capability: the annual and the
 * daily views both draw the map, and outlines, numbers and county names are public facts, not a
 * municipality's data, so reading them needs no actor (nothing here touches the database).
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { drawOutlines, type MapOutlines, type MunicipalityTopology } from './geometry';

const DATA_DIR = path.resolve('prisma/data');

let topology: MunicipalityTopology | undefined;
let counties: ReadonlyMap<string, string> | undefined;
const drawn = new Map<string, MapOutlines>();

function readTopology(): MunicipalityTopology {
  topology ??= JSON.parse(readFileSync(path.join(DATA_DIR, 'geo/kommuner-2024.topojson'), 'utf8'));
  return topology!;
}

/** The counties by number, with their names (fylker-2025.csv), in number order. */
export function mapCounties(): ReadonlyMap<string, string> {
  if (!counties) {
    const rows: { fylkesnummer: string; fylkesnavn: string }[] = parse(
      readFileSync(path.join(DATA_DIR, 'fylker-2025.csv'), 'utf8'),
      { columns: true, skip_empty_lines: true },
    );
    counties = new Map(
      rows.map((row) => [row.fylkesnummer, row.fylkesnavn] as const).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return counties;
}

/** The map of the whole country, or of one county (undefined for a county that does not exist). */
export function mapOutlines(county?: string): MapOutlines | undefined {
  if (county !== undefined && !mapCounties().has(county)) return undefined;
  const key = county ?? '';
  let outlines = drawn.get(key);
  if (!outlines) {
    outlines = drawOutlines(readTopology(), county);
    drawn.set(key, outlines);
  }
  return outlines;
}

export interface MapView {
  outlines: MapOutlines;
  /** The focused county, if any. */
  county: string | undefined;
  /** Every county by number, in number order. */
  counties: ReadonlyMap<string, string>;
  /** What the map shows: «Norge» or the focused county's name. */
  place: string;
}

/** The map focused on `county` (the table's county filter), or on the whole country when it is absent or unknown. */
export function mapView(county: string | undefined): MapView {
  const focused = county ? mapOutlines(county) : undefined;
  const counties = mapCounties();
  return {
    outlines: focused ?? mapOutlines()!,
    county: focused ? county : undefined,
    counties,
    place: (focused && counties.get(county!)) || 'Norge',
  };
}
