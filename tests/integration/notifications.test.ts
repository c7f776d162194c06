import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { cases, outbox, users } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { bulkUpdate, takeCase, updateCase } from '@/lib/cases/update';
import { recordRequesterReply } from '@/lib/conversations';
import { messages } from '@/lib/i18n';
import { notificationSettingsSchema } from '@/lib/notifications/schema';
import { loadNotificationSettings, saveNotificationSettings } from '@/lib/notifications/settings';
import { caseEdit, newCase } from '../helpers/factories';
import { staffUser } from '../helpers/staff-users';

let erika: StaffUser;
let bernd: StaffUser;
let clara: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  bernd = await staffUser('Bernd Berater');
  clara = await staffUser('Clara Chefin', 'admin');
});

beforeEach(async () => {
  await db.execute(sql`truncate cases, case_events, outbox, reference_counters, notification_settings cascade`);
  await db.update(users).set({ active: true });
});

const settings = (
  newCases: 'none' | 'immediate_only' | 'all',
  more: Partial<{ assignedToMe: boolean; repliesOnMyCases: boolean; dailyDigest: boolean }> = {},
) => ({
  newCases,
  assignedToMe: true,
  repliesOnMyCases: true,
  dailyDigest: false,
  ...more,
});

/** Staff notification mails (the requester's confirmation is another template). */
const notificationsTo = async (user: StaffUser) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, user.email), sql`${outbox.template} like 'notify_%'`));

describe('notification settings', () => {
  it('are the schema defaults until saved, then what was saved', async () => {
    expect(await loadNotificationSettings(erika.id)).toEqual(settings('none', { dailyDigest: false }));
    await saveNotificationSettings(erika, settings('all', { assignedToMe: false, dailyDigest: true }));
    await saveNotificationSettings(erika, settings('immediate_only', { repliesOnMyCases: false, dailyDigest: true }));
    expect(await loadNotificationSettings(erika.id)).toEqual(settings('immediate_only', { repliesOnMyCases: false, dailyDigest: true }));
    expect(await loadNotificationSettings(bernd.id)).toEqual(settings('none'));
  });

  it('refuse an unknown choice for new cases with the German message', () => {
    const parsed = notificationSettingsSchema.safeParse({ ...settings('all'), newCases: 'often' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['newCases'], message: messages.errors.chooseOne });
  });
});

describe('new case mail', () => {
  it('reaches "all" for every case and "immediate_only" only for "sofort", in the same transaction as the case', async () => {
    await saveNotificationSettings(erika, settings('all'));
    await saveNotificationSettings(bernd, settings('immediate_only'));
    const flexible = await newCase({ urgency: 'flexible' });
    expect(await notificationsTo(erika)).toHaveLength(1);
    expect(await notificationsTo(bernd)).toHaveLength(0);
    const urgent = await newCase({ urgency: 'immediately' });
    const erikaMails = await notificationsTo(erika);
    const berndMails = await notificationsTo(bernd);
    expect(erikaMails).toHaveLength(2);
    expect(berndMails).toHaveLength(1);
    expect(berndMails[0]).toMatchObject({ template: 'notify_new_case', caseId: urgent.id, status: 'pending' });
    expect(berndMails[0]!.subject).toContain(urgent.reference);
    expect(berndMails[0]!.body).toContain(`/cases/${urgent.id}`);
    // Staff mail names the case, never the requester.
    for (const mail of [...erikaMails, ...berndMails]) {
      expect(mail.body).not.toContain(urgent.contactName);
      expect(mail.body).not.toContain(urgent.email);
      expect(mail.body).not.toContain(flexible.organisation);
    }
    expect(await notificationsTo(clara)).toHaveLength(0);
  });

  it('skips deactivated staff', async () => {
    await saveNotificationSettings(erika, settings('all'));
    await db.update(users).set({ active: false }).where(eq(users.id, erika.id));
    await newCase();
    expect(await notificationsTo(erika)).toHaveLength(0);
  });
});

describe('assignment mail', () => {
  it('reaches the new assignee when someone else assigns the case, by edit or in bulk', async () => {
    const first = await newCase();
    const second = await newCase();
    expect(await updateCase(clara, caseEdit(first, { assigneeId: erika.id }))).toMatchObject({ ok: true });
    const mails = await notificationsTo(erika);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'notify_assigned', caseId: first.id });
    expect(mails[0]!.body).toContain('Clara Chefin');
    expect(await bulkUpdate(clara, { action: 'assign', caseIds: [first.id, second.id], assigneeId: bernd.id })).toMatchObject({ ok: true });
    expect((await notificationsTo(bernd)).map((m) => m.caseId).sort()).toEqual([first.id, second.id].sort());
  });

  it('is not sent when staff assign themselves or have turned it off', async () => {
    const c = await newCase();
    expect(await takeCase(erika, c.id, c.version)).toMatchObject({ ok: true });
    expect(await notificationsTo(erika)).toHaveLength(0);
    await saveNotificationSettings(bernd, settings('none', { assignedToMe: false }));
    const [current] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(await updateCase(erika, caseEdit(current!, { assigneeId: bernd.id }))).toMatchObject({ ok: true });
    expect(await notificationsTo(bernd)).toHaveLength(0);
  });
});

describe('reply mail', () => {
  it("reaches the assignee with the reply, in the reply's transaction, unless turned off", async () => {
    const c = await newCase();
    await db.update(cases).set({ assigneeId: erika.id }).where(eq(cases.id, c.id));
    const reply = await db.transaction((tx) =>
      recordRequesterReply(tx, { caseId: c.id, channel: 'web', subject: 'Antwort', body: 'Wir brauchen 500 Stück.' }),
    );
    expect(reply).toMatchObject({ ok: true });
    const mails = await notificationsTo(erika);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'notify_reply', caseId: c.id });
    expect(mails[0]!.subject).toContain(c.reference);
    // The reply itself stays in Lotse: the mail only points to it.
    expect(mails[0]!.body).not.toContain('500 Stück');

    await saveNotificationSettings(erika, settings('none', { repliesOnMyCases: false }));
    await db.transaction((tx) => recordRequesterReply(tx, { caseId: c.id, channel: 'web', subject: 'Noch was', body: 'Und 20 Kartons.' }));
    expect(await notificationsTo(erika)).toHaveLength(1);
  });

  it('is not sent for a case nobody is assigned to', async () => {
    const c = await newCase();
    await db.transaction((tx) => recordRequesterReply(tx, { caseId: c.id, channel: 'web', subject: 'Antwort', body: 'Hallo' }));
    expect(await db.select().from(outbox).where(eq(outbox.template, 'notify_reply'))).toHaveLength(0);
  });
});
