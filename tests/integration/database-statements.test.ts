import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, reusePlans, rowsOf } from '../../db/client';
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

  it('plans a named statement with its values every time, as an unnamed one', async () => {
    const [row] = await rowsOf<{ plan_cache_mode: string }>(handle.db, sql`show plan_cache_mode`);
    expect(row?.plan_cache_mode).toBe('force_custom_plan');
  });

  it('reuses a generic plan in a transaction that asks for it (the intake), and only there', async () => {
    // PostgreSQL's `auto` plans a statement with its values five times before it tries a generic plan.
    for (let run = 0; run < 7; run++) {
      await handle.db.transaction(async (tx) => {
        await reusePlans(tx);
        await tx.select({ id: cases.id }).from(cases).where(eq(cases.postalCode, '99084'));
      });
    }
    const [plans] = await rowsOf<{ generic_plans: string }>(
      handle.db,
      sql`select generic_plans::text from pg_prepared_statements where statement like ${'%"cases"."postal_code" = $1%'}`,
    );
    expect(Number(plans?.generic_plans)).toBeGreaterThan(0);
    const [row] = await rowsOf<{ plan_cache_mode: string }>(handle.db, sql`show plan_cache_mode`);
    expect(row?.plan_cache_mode).toBe('force_custom_plan');
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
