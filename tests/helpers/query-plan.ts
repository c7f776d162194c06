import { sql, type SQLWrapper } from 'drizzle-orm';
import { db } from '../../db/client';

/**
 * A query's plan with sequential scans discouraged: the planner still picks a full scan when the
 * query cannot use an index (its predicate or expression does not match), so an index named in
 * the plan is one the query really can use.
 */
export async function planOf(query: SQLWrapper): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const result = await tx.execute(sql`explain ${query}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[];
    return rows.map((row) => Object.values(row)[0]).join('\n');
  });
}
