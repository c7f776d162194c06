import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { cases, introductions } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { loadQueue } from '@/lib/cases/queue';
import { queueFilterSchema } from '@/lib/cases/schema';
import { countCasesNeedingMe, countCasesNeedingMeQuery } from '@/lib/notifications/needs-me';
import { addDays, berlinDate } from '@/lib/time';
import { newCase, newCompany } from '../helpers/factories';
import { planOf } from '../helpers/query-plan';
import { staffUser } from '../helpers/staff-users';

let erika: StaffUser;
let bernd: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  bernd = await staffUser('Bernd Berater');
});

beforeEach(async () => {
  await db.execute(sql`truncate cases, case_events, outbox, reference_counters, companies cascade`);
});

async function caseOf(user: StaffUser, values: Partial<typeof cases.$inferInsert>) {
  const c = await newCase();
  await db
    .update(cases)
    .set({ assigneeId: user.id, firstRespondedAt: new Date(), ...values })
    .where(eq(cases.id, c.id));
  return c;
}

async function introductionBy(user: StaffUser, caseId: number, followUpOn: string, outcome: 'pending' | 'no_fit' = 'pending') {
  const companyId = await newCompany({ name: `Firma ${followUpOn} ${outcome}`, postalCode: '99084', city: 'Erfurt' });
  await db
    .insert(introductions)
    .values({ caseId, companyId, introducedOn: '2026-11-20', channel: 'phone', introducedById: user.id, followUpOn, outcome });
}

describe('what needs me', () => {
  it('counts my cases with unread replies, overdue first responses and follow-ups due, each case once, and the queue view shows them', async () => {
    const today = berlinDate();
    const replied = await caseOf(erika, { replyUnreadSince: new Date() });
    // Unread reply and overdue: still one case.
    const both = await caseOf(erika, {
      replyUnreadSince: new Date(),
      firstRespondedAt: null,
      firstResponseDueAt: new Date(Date.now() - 3_600_000),
    });
    const overdue = await caseOf(erika, { firstRespondedAt: null, firstResponseDueAt: new Date(Date.now() - 3_600_000) });
    await caseOf(erika, { firstRespondedAt: null, firstResponseDueAt: new Date(Date.now() + 3_600_000) });
    await caseOf(bernd, { replyUnreadSince: new Date() });
    // Follow-ups count for whoever made the introduction, whoever the case belongs to.
    const followUp = await caseOf(bernd, {});
    await introductionBy(erika, followUp.id, today);
    const later = await caseOf(bernd, {});
    await introductionBy(erika, later.id, addDays(today, 1));
    await introductionBy(erika, later.id, addDays(today, -3), 'no_fit');

    expect(await countCasesNeedingMe(erika.id)).toBe(4);
    expect(await countCasesNeedingMe(bernd.id)).toBe(1);

    const queue = await loadQueue(erika, queueFilterSchema.parse({ view: 'needs_me', sort: 'created' }));
    expect(queue.counts.needs_me).toBe(4);
    expect(queue.rows.map((r) => r.id).sort()).toEqual([replied.id, both.id, overdue.id, followUp.id].sort());
  });

  it.runIf(process.env.DATABASE_URL)('is counted from indexes only (PostgreSQL plan)', async () => {
    const plan = await planOf(countCasesNeedingMeQuery(erika.id));
    expect(plan).toContain('cases_unread_reply_idx');
    expect(plan).toContain('cases_open_assignee_idx');
    expect(plan).toContain('introductions_follow_up_idx');
    expect(plan).not.toContain('Seq Scan');
  });
});
