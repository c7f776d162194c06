import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { commitBehind, db, rowsOf, type Unawaited } from '../../db/client';
import { rateLimits } from '../../db/schema';

// A transaction's last statement handed out unawaited, so COMMIT follows it at once (the
// intake's numbering statement): on both databases it still runs inside the transaction,
// and its failure rolls the whole transaction back with its own error.
const errorCode = (query: Promise<unknown>) =>
  query.then(
    () => 'no error',
    (error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code,
  );

const storedKeys = async (key: string) => (await db.select().from(rateLimits).where(eq(rateLimits.key, key))).length;

describe('commitBehind', () => {
  it('runs the last statement inside the transaction, then commits', async () => {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(rateLimits)
        .values({ key: 'commit-behind-ok', points: 1 })
        .returning({ xid: sql<string>`pg_current_xact_id()::text` });
      return { xid: row!.xid, last: commitBehind(rowsOf<{ xid: string }>(tx, sql`select pg_current_xact_id_if_assigned()::text as xid`)) };
    });
    const [last] = await outcome.last.answer;
    expect(last?.xid).toBe(outcome.xid);
    expect(await storedKeys('commit-behind-ok')).toBe(1);
  });

  it('rolls the transaction back when the last statement fails, and answers with its error', async () => {
    let last: Unawaited<unknown> | undefined;
    await db
      .transaction(async (tx) => {
        await tx.insert(rateLimits).values({ key: 'commit-behind-failed', points: 1 });
        last = commitBehind(tx.execute(sql`select 1 / ${0}::int as x`));
        return last;
      })
      .catch(() => 'PGlite throws at COMMIT as well');
    expect(await errorCode(last!.answer)).toBe('22012');
    expect(await storedKeys('commit-behind-failed')).toBe(0);
    // The connection is usable afterwards (not left in the failed transaction).
    expect(await storedKeys('commit-behind-ok')).toBe(1);
  });

  it('runs a lazy drizzle query once', async () => {
    const outcome = await db.transaction(async (tx) =>
      commitBehind(
        tx
          .insert(rateLimits)
          .values({ key: 'commit-behind-once', points: 1 })
          .onConflictDoUpdate({ target: rateLimits.key, set: { points: sql`${rateLimits.points} + 1` } })
          .returning({ points: rateLimits.points }),
      ),
    );
    expect(await outcome.answer).toEqual([{ points: 1 }]);
    const [row] = await db.select({ points: rateLimits.points }).from(rateLimits).where(eq(rateLimits.key, 'commit-behind-once'));
    expect(row?.points).toBe(1);
  });
});
