import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../db/client';
import { cases } from '../../db/schema';
import { testServerUrl } from '../helpers/test-database';

// drizzle's statements reach PostgreSQL as named statements (db/client.ts, `namedStatements`):
// one round trip each instead of a description first and the statement after, and several of
// them in one write when issued together (docs/benchmarks.md, intake throughput).
describe.skipIf(!testServerUrl())('statements on PostgreSQL (skipped on PGlite: no wire protocol)', () => {
  let handle: DatabaseHandle;

  beforeAll(() => {
    // One connection, so the session that ran the statements is the one asked about them.
    handle = openDatabase({ ...process.env, DATABASE_POOL_SIZE: '1' });
  });
  afterAll(() => handle.close());

  const preparedTexts = async () =>
    (await rowsOf<{ statement: string }>(handle.db, sql`select statement from pg_prepared_statements`)).map((row) => row.statement);

  it('names the statements drizzle runs, in and outside transactions and savepoints', async () => {
    await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, 'LS-2026-00001'));
    await handle.db.transaction(async (tx) => {
      await Promise.all([
        tx.select({ id: cases.id }).from(cases).where(eq(cases.email, 'a@example.org')),
        tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'statement-test'}, 0))`),
      ]);
      await tx.transaction((savepoint) => savepoint.select({ id: cases.id }).from(cases).where(eq(cases.city, 'Erfurt')));
    });

    const texts = await preparedTexts();
    expect(texts).toContainEqual(expect.stringContaining('where "cases"."reference" = $1'));
    expect(texts).toContainEqual(expect.stringContaining('where "cases"."email" = $1'));
    expect(texts).toContainEqual(expect.stringContaining('pg_advisory_xact_lock(hashtextextended($1, 0))'));
    expect(texts).toContainEqual(expect.stringContaining('where "cases"."city" = $1'));
  });

  const plansOf = async (fragment: string) =>
    rowsOf<{ generic_plans: string; custom_plans: string }>(
      handle.db,
      sql`select generic_plans::text, custom_plans::text from pg_prepared_statements where statement like ${`%${fragment}%`}`,
    );

  it('runs a statement on a cached generic plan after five runs with its values', async () => {
    // PostgreSQL's `auto` plans a statement with its values five times before it tries a generic
    // plan; the intake's one statement is then no longer planned per request.
    for (let run = 0; run < 7; run++) {
      await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.postalCode, '99084'));
    }
    const [plans] = await plansOf('"cases"."postal_code" = $1');
    expect(Number(plans?.generic_plans)).toBeGreaterThan(0);
  });

  it('plans a search with its values every time', async () => {
    for (let run = 0; run < 7; run++) {
      await handle.searchDb.select({ id: cases.id }).from(cases).where(eq(cases.organisation, 'Weimarer Werkstätten'));
    }
    // Unnamed: no cached statement whose plan could outlive its words.
    expect(await plansOf('"cases"."organisation" = $1')).toEqual([]);
  });

  it('answers a statement after the same text failed, and rolls a failed transaction back', async () => {
    // drizzle wraps the driver's error; PostgreSQL's code is on its cause.
    const errorCode = (query: Promise<unknown>) =>
      query.then(
        () => 'no error',
        (error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code,
      );
    const divideByZero = sql`select 1 / ${0}::int as x`;
    expect(await errorCode(handle.db.execute(divideByZero))).toBe('22012');
    expect(await errorCode(handle.db.execute(divideByZero))).toBe('22012');
    const failing = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'statement-test-2'}, 0))`);
      await tx.execute(divideByZero);
    });
    expect(await errorCode(failing)).toBe('22012');
    // The one connection is usable again (not left in the aborted transaction).
    const [row] = await rowsOf<{ x: number }>(handle.db, sql`select ${41}::int + 1 as x`);
    expect(row?.x).toBe(42);
  });
});
