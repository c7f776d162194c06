import { readFileSync } from 'node:fs';
import path from 'node:path';

type Ring = [number, number][];
interface Feature {
  properties: { kreis_schluessel: string; name: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

export interface DistrictOutline {
  key: string;
  name: string;
  /** SVG path in the coordinate system of `OUTLINE_VIEWBOX`. */
  d: string;
}

const WIDTH = 1000;
// Longitude degrees are shorter than latitude degrees at 51° N.
const LAT_SCALE = 1 / Math.cos((51 * Math.PI) / 180);
let cache: { outlines: DistrictOutline[]; bounds: { minLon: number; maxLat: number; scale: number; height: number } } | undefined;

function load() {
  if (cache) return cache;
  const file = path.join(process.cwd(), 'db', 'reference', 'thueringen_kreise.geojson');
  const features = (JSON.parse(readFileSync(file, 'utf8')) as { features: Feature[] }).features;
  const rings = (f: Feature): Ring[] => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat());
  const points = features.flatMap((f) => rings(f).flat());
  const minLon = Math.min(...points.map((p) => p[0]));
  const maxLon = Math.max(...points.map((p) => p[0]));
  const minLat = Math.min(...points.map((p) => p[1]));
  const maxLat = Math.max(...points.map((p) => p[1]));
  const scale = WIDTH / (maxLon - minLon);
  const bounds = { minLon, maxLat, scale, height: Math.ceil((maxLat - minLat) * LAT_SCALE * scale) };
  const outlines = features.map((f) => ({
    key: f.properties.kreis_schluessel,
    name: f.properties.name,
    d: rings(f)
      .map((ring) => `${ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${toXY(bounds, lat, lon).join(',')}`).join('')}Z`)
      .join(''),
  }));
  cache = { outlines, bounds };
  return cache;
}

function toXY(b: { minLon: number; maxLat: number; scale: number }, lat: number, lon: number): [number, number] {
  return [Math.round((lon - b.minLon) * b.scale * 10) / 10, Math.round((b.maxLat - lat) * LAT_SCALE * b.scale * 10) / 10];
}

/** Thuringia's district outlines as SVG paths: a map that needs no tile server. */
export function districtOutlines(): { outlines: DistrictOutline[]; viewBox: string } {
  const { outlines, bounds } = load();
  return { outlines, viewBox: `0 0 ${WIDTH} ${bounds.height}` };
}

export function projectToOutline(lat: number, lon: number): [number, number] {
  return toXY(load().bounds, lat, lon);
}
