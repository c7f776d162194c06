import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { cases, digestDeliveries, introductions, outbox } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { runDigest } from '@/lib/notifications/digest';
import { saveNotificationSettings } from '@/lib/notifications/settings';
import { newCase, newCompany } from '../helpers/factories';
import { staffUser } from '../helpers/staff-users';

// Monday 7 December 2026: 8:00 in Germany is 7:00 UTC.
const MONDAY_8AM = new Date('2026-12-07T07:00:00Z');
const MONDAY_6AM = new Date('2026-12-07T05:00:00Z');
const SATURDAY_9AM = new Date('2026-12-05T08:00:00Z');

let erika: StaffUser;
let bernd: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  bernd = await staffUser('Bernd Berater');
});

beforeEach(async () => {
  await db.execute(
    sql`truncate cases, case_events, outbox, reference_counters, notification_settings, digest_deliveries, companies cascade`,
  );
  for (const user of [erika, bernd]) {
    await saveNotificationSettings(user, { newCases: 'none', assignedToMe: true, repliesOnMyCases: true, dailyDigest: true });
  }
});

const digests = () => db.select().from(outbox).where(eq(outbox.template, 'digest'));

/** A case of `user` as the digest sees it: unanswered and overdue, with an unread reply, or both. */
async function caseOf(user: StaffUser, state: { overdue?: boolean; unreadReply?: boolean }) {
  const c = await newCase({ urgency: 'flexible' });
  await db
    .update(cases)
    .set({
      assigneeId: user.id,
      firstResponseDueAt: state.overdue ? new Date('2026-12-04T10:00:00Z') : new Date('2026-12-09T10:00:00Z'),
      firstRespondedAt: state.overdue === undefined ? new Date('2026-12-01T10:00:00Z') : null,
      replyUnreadSince: state.unreadReply ? new Date('2026-12-06T10:00:00Z') : null,
    })
    .where(eq(cases.id, c.id));
  return c;
}

describe('daily digest', () => {
  it('goes out once per expert and day, even with two runs at the same time', async () => {
    const late = await caseOf(erika, { overdue: true });
    const fresh = await caseOf(erika, { overdue: false });
    const replied = await caseOf(erika, { unreadReply: true });
    const introduced = await caseOf(bernd, {});
    const companyId = await newCompany({ name: 'Maskenwerk Jena GmbH', postalCode: '07743', city: 'Jena' });
    await db.insert(introductions).values({
      caseId: introduced.id,
      companyId,
      introducedOn: '2026-11-20',
      channel: 'phone',
      introducedById: erika.id,
      followUpOn: '2026-12-07',
    });

    const runs = await Promise.all([runDigest({ now: MONDAY_8AM, hour: 7 }), runDigest({ now: MONDAY_8AM, hour: 7 })]);
    expect(runs[0]! + runs[1]!).toBe(1);
    expect(await runDigest({ now: new Date('2026-12-07T12:00:00Z'), hour: 7 })).toBe(0);

    const mails = await digests();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe(erika.email);
    const body = mails[0]!.body;
    // Overdue first, then the rest; follow-ups and unread replies each in their section.
    expect(body.indexOf(late.reference)).toBeLessThan(body.indexOf(fresh.reference));
    expect(body).toMatch(new RegExp(`${late.reference}.*überfällig`));
    expect(body).not.toMatch(new RegExp(`${fresh.reference}.*überfällig`));
    expect(body).toContain(`${introduced.reference}: Maskenwerk Jena GmbH, Wiedervorlage 07.12.2026`);
    expect(body.indexOf(replied.reference)).toBeGreaterThan(body.indexOf('Ungelesene Antworten'));
    expect(body).not.toContain(late.contactName);
    // Bernd had nothing: no mail, but his day is done too.
    expect(await db.select().from(digestDeliveries)).toHaveLength(2);
  });

  it('is not sent on weekends, before the hour, or to those who did not choose it', async () => {
    await caseOf(erika, { overdue: true });
    await caseOf(bernd, { overdue: true });
    await saveNotificationSettings(bernd, { newCases: 'none', assignedToMe: true, repliesOnMyCases: true, dailyDigest: false });
    expect(await runDigest({ now: SATURDAY_9AM, hour: 7 })).toBe(0);
    expect(await runDigest({ now: MONDAY_6AM, hour: 7 })).toBe(0);
    expect(await db.select().from(digestDeliveries)).toHaveLength(0);
    expect(await runDigest({ now: MONDAY_6AM, hour: 6 })).toBe(1);
    expect((await digests()).map((m) => m.recipient)).toEqual([erika.email]);
  });
});
