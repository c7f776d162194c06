import { readFileSync } from 'node:fs';
import path from 'node:path';
import polylabel from 'polylabel';

type Position = [number, number];

export interface DistrictFeature {
  type: 'Feature';
  /** `label`: [latitude, longitude] of a point well inside the district, for its name. */
  properties: { key: string; name: string; label: [number, number] };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

export interface DistrictCollection {
  type: 'FeatureCollection';
  features: DistrictFeature[];
  attribution: string;
}

let cache: DistrictCollection | undefined;

// Longitude degrees are shorter than latitude degrees at 51° N.
const LON_SCALE = Math.cos((51 * Math.PI) / 180);

function ringArea(ring: Position[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(area / 2);
}

/**
 * Where a district's name goes: the point farthest from its borders in its largest part, so
 * districts that ring a city (Weimarer Land around Weimar) are not labelled inside the city.
 */
function labelPoint(geometry: DistrictFeature['geometry']): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
  const scaled = largest.map((ring) => ring.map(([lon, lat]) => [lon * LON_SCALE, lat] as [number, number]));
  const [x, y] = polylabel(scaled, 0.001);
  return [Math.round(y * 1e5) / 1e5, Math.round((x / LON_SCALE) * 1e5) / 1e5];
}

/**
 * Thuringia's district outlines as GeoJSON for the interactive maps, trimmed to key and name
 * so pages ship only what the map draws. Bundled reference data: no tile server needed.
 */
export function districtGeoJson(): DistrictCollection {
  if (cache) return cache;
  const file = path.join(process.cwd(), 'db', 'reference', 'thueringen_kreise.geojson');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    attribution?: string;
    features: { properties: { kreis_schluessel: string; name: string }; geometry: DistrictFeature['geometry'] }[];
  };
  cache = {
    type: 'FeatureCollection',
    attribution: raw.attribution ?? '',
    features: raw.features.map((f) => ({
      type: 'Feature',
      properties: { key: f.properties.kreis_schluessel, name: f.properties.name, label: labelPoint(f.geometry) },
      geometry: f.geometry,
    })),
  };
  return cache;
}
