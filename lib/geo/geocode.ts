import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { postalPlaces } from '../../db/schema';

export interface Location {
  districtKey: string;
  latitude: number;
  longitude: number;
}

const normalise = (s: string) =>
  s
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');

/**
 * Locates a Thuringian postal code. Where one code covers several places, the place named
 * like `city` wins; outside Thuringia there is no location (null), which is not an error.
 */
export async function geocodePostalCode(db: Executor, postalCode: string, city: string): Promise<Location | null> {
  const places = await db.select().from(postalPlaces).where(eq(postalPlaces.postalCode, postalCode));
  if (places.length === 0) return null;
  const wanted = normalise(city);
  const best =
    places.find((p) => normalise(p.place) === wanted) ??
    places.find((p) => wanted.length > 2 && normalise(p.place).includes(wanted)) ??
    places[0]!;
  return { districtKey: best.districtKey, latitude: best.latitude, longitude: best.longitude };
}
