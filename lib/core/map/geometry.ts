/**
 * Turns the municipalities' outlines (TopoJSON, longitude/latitude) into SVG path data for a map of
 * Norway or of one county: projected (transverse Mercator on 15° E, the meridian of UTM zone 33 that
 * Kartverket's national maps use), simplified in screen units so that every zoom keeps the same detail,
 * rounded to whole units and written as relative moves, which keeps the markup small. County borders
 * and the coast come from the same arcs as the municipalities (a mesh), so they line up exactly.
 * Pure: no I/O; outlines.ts reads the file and keeps the result.
 */
import { geoPath, geoTransverseMercator, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** The properties each municipality carries in Kartverket's outlines. */
export interface MunicipalityProperties {
  kommunenummer: string;
  kommunenavn: string;
}

export type MunicipalityTopology = Topology<{ Kommuner: GeometryCollection<MunicipalityProperties> }>;

export interface MunicipalityOutline {
  number: string;
  /** The county, from the first two digits of the number (how Norwegian municipality numbers are built). */
  countyNumber: string;
  /** SVG path data in the map's units. */
  d: string;
  /** Where to draw a dot of its own for a municipality too small to see or to click (islands such as Utsira), or null. */
  marker: { x: number; y: number } | null;
}

export interface MapOutlines {
  width: number;
  height: number;
  municipalities: MunicipalityOutline[];
  /** County borders and the coast (on a county map: the county's outline), as one path. */
  borders: string;
}

/** The box the map is fitted into, in its own units (the SVG scales to the page). */
export const MAP_WIDTH = 600;
export const MAP_MAX_HEIGHT = 750;
const MARGIN = 4;
/** A bend in a line smaller than this triangle (square units) is dropped; about a screen pixel on a desktop. */
const MIN_TRIANGLE_AREA = 1.5;
/** An island smaller than this (square units) is left out, unless it is the largest piece of its municipality. */
const MIN_RING_AREA = 3;
/** A municipality whose largest piece is smaller than this gets a dot of its own. */
const MIN_VISIBLE_AREA = 12;

export const countyOf = (municipalityNumber: string) => municipalityNumber.slice(0, 2);

/** Path data with whole-unit relative moves ("M10,20l3-2 4,5z"), built by d3-geo's path generator. */
class RelativePathContext {
  private readonly parts: string[] = [];
  private x = 0;
  private y = 0;
  private ringStart = 0;
  private points = 0;

  moveTo(x: number, y: number) {
    this.x = Math.round(x);
    this.y = Math.round(y);
    this.ringStart = this.parts.length;
    this.points = 1;
    this.parts.push(`M${this.x},${this.y}l`);
  }

  lineTo(x: number, y: number) {
    const dx = Math.round(x) - this.x;
    const dy = Math.round(y) - this.y;
    if (!dx && !dy) return;
    this.x += dx;
    this.y += dy;
    const last = this.parts[this.parts.length - 1]!;
    const separator = last.endsWith('l') || dx < 0 ? '' : ',';
    this.parts.push(`${separator}${dx}${dy < 0 ? '' : ','}${dy}`);
    this.points++;
  }

  closePath() {
    // A ring that rounds to a line or a point draws nothing: leave it out.
    if (this.points < 3) this.parts.length = this.ringStart;
    else this.parts.push('z');
  }

  arc() {}

  toString() {
    return this.parts.join('').replace(/l(?=z|M|$)/g, '');
  }
}

const number = (geometry: GeometryObject) => (geometry.properties as MunicipalityProperties).kommunenummer;

/** The indices of a polygon's or multipolygon's arcs (a negative index is its arc reversed). */
function arcsOf(geometry: GeometryObject): number[] {
  const rings =
    geometry.type === 'Polygon' ? geometry.arcs : geometry.type === 'MultiPolygon' ? geometry.arcs.flat() : [];
  return rings.flat().map((index) => (index < 0 ? ~index : index));
}

/** Shoelace area of a ring in map units. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
  }
  return Math.abs(sum / 2);
}

const identity = geoPath();

function pathOf(object: GeoPermissibleObjects): string {
  const context = new RelativePathContext();
  geoPath(null, context as never)(object);
  return context.toString();
}

/** One municipality: its pieces big enough to see (always its largest), and a dot when even that is too small. */
function outlineOf(shape: Feature<Polygon | MultiPolygon, MunicipalityProperties>): MunicipalityOutline {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  const areas = polygons.map((polygon) => ringArea(polygon[0]!));
  const largest = areas.indexOf(Math.max(...areas));
  const kept = polygons.filter((_, index) => index === largest || areas[index]! >= MIN_RING_AREA);
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: kept };
  const [x, y] = identity.centroid(geometry);
  const d = pathOf(geometry);
  return {
    number: shape.properties.kommunenummer,
    countyNumber: countyOf(shape.properties.kommunenummer),
    d,
    marker: !d || areas[largest]! < MIN_VISIBLE_AREA ? { x: Math.round(x), y: Math.round(y) } : null,
  };
}

/**
 * The map of the whole country (no county) or of one county, fitted into `MAP_WIDTH` × `MAP_MAX_HEIGHT` units.
 * Throws for a county with no municipality in the outlines.
 */
export function drawOutlines(topology: MunicipalityTopology, county?: string): MapOutlines {
  const all = topology.objects.Kommuner;
  const geometries = county
    ? all.geometries.filter((geometry) => countyOf(number(geometry)) === county)
    : all.geometries;
  if (!geometries.length) throw new Error(`No municipality in county ${county}`);
  const shown: GeometryCollection<MunicipalityProperties> = { type: 'GeometryCollection', geometries };

  // Fit the projection to the points of what is shown (as points: d3-geo reads a polygon's winding on
  // the sphere, and these rings are wound the planar way), then project every arc, so that
  // simplification weighs in map units.
  const points: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [...new Set(geometries.flatMap(arcsOf))].flatMap((index) => topology.arcs[index]!),
  };
  const projection = geoTransverseMercator()
    .rotate([-15, 0])
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [MAP_WIDTH - MARGIN, MAP_MAX_HEIGHT - MARGIN],
      ],
      points,
    );
  const [[left, top], [right, bottom]] = geoPath(projection).bounds(points);
  const [x, y] = projection.translate();
  projection.translate([x - left + MARGIN, y - top + MARGIN]);
  const projected: MunicipalityTopology = {
    ...topology,
    arcs: topology.arcs.map((arc) => arc.map((point) => projection(point as [number, number])!)),
    bbox: undefined,
  };
  const simple = simplify(presimplify(projected), MIN_TRIANGLE_AREA) as MunicipalityTopology;
  const shapes = feature(simple, shown).features as Feature<Polygon | MultiPolygon, MunicipalityProperties>[];

  // The lines that part two counties (the coast and the border with our neighbours are the edges of
  // the municipalities' fill and need no line of their own).
  const borders = mesh(simple, shown, (a, b) => countyOf(number(a)) !== countyOf(number(b)));

  return {
    width: Math.ceil(right - left + 2 * MARGIN),
    height: Math.ceil(bottom - top + 2 * MARGIN),
    municipalities: shapes.map(outlineOf).sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)),
    borders: pathOf(borders),
  };
}
