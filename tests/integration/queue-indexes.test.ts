import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/staff';
import { queueQueries } from '@/lib/cases/queue';
import { queueFilterSchema } from '@/lib/cases/schema';
import { staffUser } from '../helpers/factories';
import { planOf } from '../helpers/query-plan';

/*
 * The queue's conditions and sort expressions are built from the same definitions as its
 * partial and expression indexes (db/schema/cases.ts), so these plans name the indexes only
 * while the two agree.
 */

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
