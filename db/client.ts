import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
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

/** The rows a raw statement returns, on either driver (postgres.js answers with the rows, PGlite with a result holding them). */
export async function rowsOf<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return 'rows' in result ? result.rows : result;
}

export interface DatabaseHandle {
  db: Database;
  /**
   * The same connections for searches, whose statements are planned with their values every
   * time (`openDatabase`). On PGlite the same as `db`.
   */
  searchDb: Database;
  kind: 'pglite' | 'postgres';
  /** The embedded database itself, for what drizzle does not cover (backups). */
  pglite?: PGlite;
  close: () => Promise<void>;
}

export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), '.data', 'pglite');
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

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
      connection: {
        // Lotse's statements are short and index-backed; at a million companies PostgreSQL's cost
        // model chose JIT compilation for searches, which cost more (50–500 ms) than it saved.
        jit: 'off',
      },
    });
    return {
      // Named statements (below) get PostgreSQL's plan caching: after five runs with their values
      // a statement runs on a generic plan when that costs no more. Planning the intake's one
      // statement anew each time was ≈ 0.7 ms of PostgreSQL's CPU per request.
      db: drizzlePostgres(namedStatements(client), { schema }) as unknown as Database,
      // A search's best plan depends on its words (which index, how many rows a word matches), so
      // searches stay unnamed: PostgreSQL plans an unnamed statement with its values every time.
      searchDb: drizzlePostgres(client, { schema }) as unknown as Database,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = env.PGLITE_DIR || DEFAULT_PGLITE_DIR;
  if (dir.startsWith('memory://')) return pgliteHandle(new PGlite(dir, { extensions: PGLITE_EXTENSIONS }), () => {});
  mkdirSync(dir, { recursive: true });
  const release = lockPgliteDir(dir);
  try {
    return pgliteHandle(new PGlite(dir, { extensions: PGLITE_EXTENSIONS }), release);
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * drizzle runs every statement through postgres.js's `unsafe` with `prepare: false` unless it was
 * built with `.prepare(name)` (drizzle-orm#6096). For an unnamed statement with parameters
 * postgres.js first asks PostgreSQL for the parameter types (Parse, Describe, Flush; wait;
 * Bind, Execute, Sync): two round trips and two socket writes per statement, and statements
 * issued together are not pipelined, because each waits for its description. A named statement
 * is described once per connection and then costs one round trip, and several go out in one
 * write. postgres.js caches them per connection; its `max_lifetime` (30–60 min by default)
 * bounds that cache for dynamic texts (searches with more or fewer words). Statements without
 * parameters keep the simple protocol. Applies to transactions and savepoints too.
 */
function namedStatements<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const inside = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return open(...args, (tx: postgres.TransactionSql) => inside(namedStatements(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function pgliteHandle(client: PGlite, release: () => void): DatabaseHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    searchDb: db, // PGlite plans every statement with its values
    kind: 'pglite',
    pglite: client,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

// A PGlite directory is a PostgreSQL data directory without a postmaster to guard it: a second
// process (a CLI next to the running server) opening it corrupts it. Hence a lock file beside
// it with the holder's pid and start time (the start time tells a reused pid from the holder).
// The set of directories this process holds lives on globalThis, because Next.js may load
// this module more than once per process.
const processGlobals = globalThis as unknown as { lotsePgliteLocks?: Set<string> };
processGlobals.lotsePgliteLocks ??= new Set();
const heldDirs = processGlobals.lotsePgliteLocks;

/** Where the lock of a PGlite directory lives: `<dir>.lock`, beside it. */
export function pgliteLockPath(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name in field 2 may contain spaces, so count from its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined; // no procfs (macOS) or no such process
  }
}

function isRunning(pid: number, startTime: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const current = processStartTime(pid);
  return !startTime || !current || current === startTime;
}

/** Who holds a lock file: a pid, '?' while it is being written, null when it is stale or gone. */
function lockHolder(file: string): number | '?' | null {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const [pidText, startTime] = content.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) {
    // Empty for a moment while its creator writes it; an old empty file is debris.
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    return Date.now() - modified < 5_000 ? '?' : null;
  }
  if (pid === process.pid) return null; // our own leftover (or a reused pid): ours to take
  return isRunning(pid, startTime) ? pid : null;
}

function busy(dir: string, pid: number | string): Error {
  return new Error(
    `Die eingebettete Datenbank (${dir}) wird gerade vom laufenden Lotse-Server (Prozess ${pid}) benutzt. ` +
      'Importieren Sie über /admin/import oder beenden Sie den Server zuerst.',
  );
}

/** Takes the directory's lock or throws the German refusal; returns the release function. */
export function lockPgliteDir(dir: string): () => void {
  const key = path.resolve(dir);
  const file = pgliteLockPath(dir);
  if (heldDirs.has(key)) throw busy(dir, process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid} ${processStartTime(process.pid) ?? ''}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      const holder = lockHolder(file);
      if (holder !== null) throw busy(dir, holder);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  heldDirs.add(key);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldDirs.delete(key);
    process.off('exit', release);
    try {
      if (readFileSync(file, 'utf8').split(/\s+/)[0] === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return release;
}

// Next.js bundles instrumentation and routes separately, so a module-level singleton could
// exist twice; two PGlite instances on one directory would corrupt it. globalThis is shared.
const globalForDb = globalThis as unknown as { lotseDatabase?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.lotseDatabase ??= openDatabase();
  return globalForDb.lotseDatabase;
}

function lazy(pick: (handle: DatabaseHandle) => Database): Database {
  return new Proxy({} as Database, {
    get(_target, property) {
      const real = pick(getDatabaseHandle()) as unknown as Record<PropertyKey, unknown>;
      const value = real[property];
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
}

/** The app's database, opened on first use. */
export const db = lazy((handle) => handle.db);

/** The app's database for searches (see `DatabaseHandle.searchDb`). */
export const searchDb = lazy((handle) => handle.searchDb);

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.lotseDatabase;
  globalForDb.lotseDatabase = undefined;
  await handle?.close();
}
