import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), '.data', 'pglite');

/**
 * `DATABASE_URL` set → PostgreSQL through postgres.js; otherwise embedded PGlite in
 * `PGLITE_DIR` (default ./.data/pglite, `memory://` for a throwaway database).
 */
export function openDatabase(env: NodeJS.ProcessEnv = process.env): DatabaseHandle {
  const url = env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: Number(env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = env.PGLITE_DIR || DEFAULT_PGLITE_DIR;
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: { pg_trgm, unaccent } });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'pglite',
    close: () => client.close(),
  };
}

// Next.js bundles instrumentation and routes separately, so a module-level singleton could
// exist twice; two PGlite instances on one directory would corrupt it. globalThis is shared.
const globalForDb = globalThis as unknown as { lotseDatabase?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.lotseDatabase ??= openDatabase();
  return globalForDb.lotseDatabase;
}

/** The app's database, opened on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabaseHandle().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === 'function' ? value.bind(real) : value;
  },
});

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.lotseDatabase;
  globalForDb.lotseDatabase = undefined;
  await handle?.close();
}
