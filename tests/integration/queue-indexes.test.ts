import { sql, type SQLWrapper } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import type { StaffUser } from '@/lib/auth/staff';
import { queueQueries } from '@/lib/cases/queue';
import { queueFilterSchema } from '@/lib/cases/schema';
import { staffUser } from '../helpers/factories';

/**
 * The queue's conditions and sort expressions are built from the same definitions as its
 * partial and expression indexes (db/schema/cases.ts). With sequential scans off, the planner
 * still picks a full scan when a query does not match an index's predicate or expression, so
 * these plans name the indexes only while the two agree.
 */
async function planOf(query: SQLWrapper): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const result = await tx.execute(sql`explain ${query}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[];
    return rows.map((row) => Object.values(row)[0]).join('\n');
  });
}

let erika: StaffUser;
beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
});
const queries = (params: Record<string, string>) => queueQueries(erika, queueFilterSchema.parse(params));

describe('the queue queries use their indexes', () => {
  it('"mine" uses the partial index of open cases by assignee', async () => {
    expect(await planOf(queries({ view: 'mine', sort: 'created' }).rows)).toContain('cases_open_assignee_idx');
  });

  it('"overdue first" reads unanswered cases by due date and the rest by priority rank', async () => {
    const plan = await planOf(queries({ view: 'all' }).rows);
    expect(plan).toContain('cases_unanswered_due_idx');
    expect(plan).toContain('cases_priority_rank_idx');
  });

  it('the text search uses the trigram index on the search text', async () => {
    expect(await planOf(queries({ view: 'all', sort: 'created', q: 'Masken' }).counts)).toContain('cases_search_trgm_idx');
  });
});
