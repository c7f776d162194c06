/**
 * Backups round-trip: data created through the app's own code is backed up, restored into a
 * fresh database and must come back identical (every row of every table, every sequence), and
 * the restored database keeps working (the next reference number follows on).
 *
 * PostgreSQL: pg_dump --format=custom / pg_restore, as docs/reliability.md tells operators.
 * Embedded: npm run db:export / db:import (scripts/db-export.ts, scripts/db-import.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, db, type Executor, getDatabaseHandle, openDatabase } from '@/db/client';
import { prepareDatabase } from '@/db/prepare';
import { companies } from '@/db/schema';
import { messages } from '@/lib/i18n';
import { helpRequestSchema } from '@/lib/intake/schema';
import { submitHelpRequest } from '@/lib/intake/submit';
import { processOutbox } from '@/lib/outbox/worker';
import { validRequest } from '../helpers/fixtures';
import { staffUser } from '../helpers/staff-users';
import { createTestDatabase, testServerUrl } from '../helpers/test-database';

const serverUrl = testServerUrl();
const work = mkdtempSync(path.join(tmpdir(), 'lotse-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

/** Every row of every table (in a stable order) and every sequence position. */
async function contents(executor: Executor) {
  const tables = rowsOf(
    await executor.execute(sql`select table_schema, table_name from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`),
  );
  const result: Record<string, Row[]> = {};
  for (const { table_schema, table_name } of tables) {
    const name = `"${String(table_schema)}"."${String(table_name)}"`;
    result[name] = rowsOf(await executor.execute(sql.raw(`select t.* from ${name} t order by t::text`)));
  }
  const sequences = rowsOf(await executor.execute(sql`select schemaname, sequencename, last_value from pg_sequences order by 1, 2`));
  return { tables: result, sequences };
}

/** Cases with events and mails (one sent), a staff account and a company, all through lib/. */
async function createData() {
  const references: string[] = [];
  for (const organisation of ['Sicherung Eins GmbH', 'Sicherung Zwei GmbH', 'Sicherung Drei AG']) {
    const stored = await submitHelpRequest(helpRequestSchema.parse(validRequest({ organisation })));
    if (!stored.ok) throw new Error('fixture request refused');
    references.push(stored.reference);
  }
  await processOutbox(async () => {});
  await submitHelpRequest(helpRequestSchema.parse(validRequest({ organisation: 'Noch Unversandt KG' })));
  await staffUser('Berta Backup', 'admin');
  await db.insert(companies).values({ name: 'Gesichert Kunststoff GmbH', postalCode: '07743', city: 'Jena' });
  return references;
}

/** After a restore the counters go on where they stopped: no reference is handed out twice. */
async function expectStillWorking(lastReference: string) {
  const next = await submitHelpRequest(helpRequestSchema.parse(validRequest({ organisation: 'Nach Restore GmbH' })));
  expect(next).toMatchObject({ ok: true, created: true });
  const number = (reference: string) => Number(reference.split('-').at(-1));
  expect(number((next as { reference: string }).reference)).toBe(number(lastReference) + 2);
}

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.runIf(serverUrl)('PostgreSQL: pg_dump and pg_restore', () => {
  let restored: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    restored = await createTestDatabase(serverUrl);
  });
  afterAll(async () => {
    await restored.drop();
  });

  it('restores every row and sequence into a fresh database, which then keeps working', async () => {
    const references = await createData();
    const before = await contents(db);
    const dump = path.join(work, 'lotse.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, process.env.DATABASE_URL!]);
    expect(statSync(dump).size).toBeGreaterThan(10_000);

    execFileSync('pg_restore', ['--no-owner', `--dbname=${restored.url}`, dump]);
    const handle = openDatabase({ ...process.env, DATABASE_URL: restored.url });
    try {
      expect(await contents(handle.db)).toEqual(before);
      // The restored database is at the current schema: starting the app on it changes nothing.
      await prepareDatabase(handle, restored.url);
      expect(await contents(handle.db)).toEqual(before);
    } finally {
      await handle.close();
    }

    const original = process.env.DATABASE_URL;
    await closeDatabase();
    process.env.DATABASE_URL = restored.url;
    try {
      await expectStillWorking(references.at(-1)!);
    } finally {
      await closeDatabase();
      process.env.DATABASE_URL = original;
    }
  });
});

describe.runIf(!serverUrl)('embedded database: db:export and db:import', () => {
  const source = path.join(work, 'quelle');
  const target = path.join(work, 'ziel');
  const archive = path.join(work, 'lotse-sicherung.tar.gz');

  /** Points the app's database at a PGlite directory (the file's in-memory one is closed). */
  async function openDirectory(dir: string) {
    await closeDatabase();
    process.env.PGLITE_DIR = dir;
    await prepareDatabase(getDatabaseHandle());
  }
  afterAll(async () => {
    await closeDatabase();
    process.env.PGLITE_DIR = 'memory://';
  });

  it('restores every row and sequence into a fresh directory, which then keeps working', async () => {
    await openDirectory(source);
    const references = await createData();
    const before = await contents(db);
    await closeDatabase();

    const exported = run('scripts/db-export.ts', [archive], { PGLITE_DIR: source });
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining('Datenbank gesichert') });
    expect(statSync(archive).size).toBeGreaterThan(100_000);

    const imported = run('scripts/db-import.ts', [archive], { PGLITE_DIR: target });
    expect(imported.stdout).toContain(messages.backup.imported(target, 4));
    expect(imported.code).toBe(0);

    await openDirectory(target);
    expect(await contents(db)).toEqual(before);
    await expectStillWorking(references.at(-1)!);
    await closeDatabase();
  });

  it('refuses while the server holds the database, and never overwrites one unasked', async () => {
    const server = openDatabase({ ...process.env, PGLITE_DIR: source });
    try {
      const busy = run('scripts/db-export.ts', [path.join(work, 'nie.tar.gz')], { PGLITE_DIR: source });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/wird gerade vom laufenden Lotse-Server \(Prozess \d+\) benutzt/);
      expect(() => statSync(path.join(work, 'nie.tar.gz'))).toThrow();
    } finally {
      await server.close();
    }

    const refused = run('scripts/db-import.ts', [archive], { PGLITE_DIR: target });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining(messages.backup.targetNotEmpty(target)) });

    const replaced = run('scripts/db-import.ts', [archive, '--replace'], { PGLITE_DIR: target });
    expect(replaced.code).toBe(0);
    const aside = /liegt jetzt in (.*)\.$/m.exec(replaced.stdout)?.[1];
    expect(aside).toMatch(/ziel\.vor-import-/);
    expect(statSync(path.join(aside!, 'PG_VERSION')).isFile()).toBe(true);
  });

  it('explains that PostgreSQL is backed up with pg_dump', () => {
    const result = run('scripts/db-export.ts', [archive], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('pg_dump') });
  });
});
