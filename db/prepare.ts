import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { DatabaseHandle, Executor } from './client';
import { districts, postalPlaces, sectors } from './schema';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const REFERENCE = path.join(process.cwd(), 'db', 'reference');
// Arbitrary constant shared by all app instances: only one of them migrates at a time.
const MIGRATION_LOCK = 4_711_2026;

/**
 * Brings a database to the current schema and loads the reference data. Safe to run on
 * every start and from several instances at once.
 */
export async function prepareDatabase(handle: DatabaseHandle, url = process.env.DATABASE_URL) {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS });
    await loadReferenceData(handle.db);
    return;
  }
  if (!url) throw new Error('prepareDatabase: a PostgreSQL handle needs its URL');
  // One connection, so the session-level advisory lock covers the whole migration.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const lockedDb = drizzlePostgres(client);
    await migratePostgres(lockedDb, { migrationsFolder: MIGRATIONS });
    await loadReferenceData(lockedDb as unknown as Executor);
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(REFERENCE, file), 'utf8'), { columns: true, bom: true });
}

async function loadReferenceData(db: Executor) {
  const [existing] = await db.select({ n: count() }).from(districts);
  if (existing && existing.n > 0) return;
  const districtRows = readCsv('thueringen_kreise.csv').map((r) => ({
    key: r.kreis_schluessel!,
    name: r.name!,
    kind: r.typ!,
    seat: r.kreisstadt!,
    population: Number(r.einwohner_2019),
    latitude: Number(r.centroid_lat),
    longitude: Number(r.centroid_lon),
  }));
  const placeRows = readCsv('thueringen_plz_orte_geonames.csv').map((r) => ({
    postalCode: r.plz!,
    place: r.ort!,
    districtKey: r.kreis_schluessel!,
    latitude: Number(r.lat),
    longitude: Number(r.lon),
  }));
  const sectorRows = readCsv('wz2008_komplett.csv').map((r) => ({
    code: r.code!,
    level: Number(r.ebene),
    section: r.abschnitt!,
    parentCode: r.parent_code || null,
    title: r.titel_de!,
  }));
  await db.transaction(async (tx) => {
    await tx.insert(districts).values(districtRows);
    await insertInChunks(tx, postalPlaces, placeRows);
    await insertInChunks(tx, sectors, sectorRows);
  });
}

async function insertInChunks<T extends PgTable>(tx: Executor, table: T, rows: T['$inferInsert'][]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(table).values(rows.slice(i, i + 500));
  }
}
