import { asc, eq } from 'drizzle-orm';
import { db as appDb, type Executor } from '../../db/client';
import { postalPlaces } from '../../db/schema';

type PostalPlace = typeof postalPlaces.$inferSelect;

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
  const places = await db.select().from(postalPlaces).where(eq(postalPlaces.postalCode, postalCode)).orderBy(asc(postalPlaces.id));
  return bestPlace(places, city);
}

let placesByCode: Promise<Map<string, PostalPlace[]>> | undefined;

/**
 * `geocodePostalCode` without a query: postal places are reference data, loaded by
 * db/prepare.ts before the app serves and never changed while it runs, so each process reads
 * them once. Not inside a transaction on PGlite (its one connection would wait for itself).
 */
export async function geocodeFromReference(postalCode: string, city: string): Promise<Location | null> {
  placesByCode ??= appDb
    .select()
    .from(postalPlaces)
    .orderBy(asc(postalPlaces.id))
    .then((rows) => {
      // An empty table is a database not prepared yet: ask again next time.
      if (rows.length === 0) placesByCode = undefined;
      const byCode = new Map<string, PostalPlace[]>();
      for (const row of rows) byCode.set(row.postalCode, [...(byCode.get(row.postalCode) ?? []), row]);
      return byCode;
    })
    .catch((error: unknown) => {
      placesByCode = undefined;
      throw error;
    });
  return bestPlace((await placesByCode).get(postalCode) ?? [], city);
}

function bestPlace(places: PostalPlace[], city: string): Location | null {
  if (places.length === 0) return null;
  const wanted = normalise(city);
  const best =
    places.find((p) => normalise(p.place) === wanted) ??
    places.find((p) => wanted.length > 2 && normalise(p.place).includes(wanted)) ??
    places[0]!;
  return { districtKey: best.districtKey, latitude: best.latitude, longitude: best.longitude };
}
