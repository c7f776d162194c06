import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accessLinks, caseEvents, caseMessages, cases, outbox, referenceCounters, replyTemplates } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { caseUpdateSchema } from '@/lib/cases/schema';
import { editableState, updateCase } from '@/lib/cases/update';
import {
  consumeAccessLink,
  createAccessLink,
  markRepliesRead,
  recordRequesterReply,
  saveTemplate,
  seedDefaultTemplates,
  sendMessage,
  signedLinkToken,
  verifyAccessLink,
} from '@/lib/conversations';
import { listTemplates } from '@/lib/conversations/templates';
import { eraseRequester, exportRequester } from '@/lib/privacy/requester';
import { runRetention } from '@/lib/privacy/retention';
import { staffUser } from '../helpers/staff-users';
import { newCase } from '../helpers/factories';

let erika: StaffUser;
let anna: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  anna = await staffUser('Anna Admin', 'admin');
  await seedDefaultTemplates();
});

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters} cascade`);
});

const caseRow = async (id: number) => (await db.select().from(cases).where(eq(cases.id, id)))[0]!;
const eventTypes = async (id: number) =>
  (await db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.id))).map(
    (e) => e.type,
  );
const tokenIn = (body: string) => /\/request\/thread\/([\w.-]+)/.exec(body)![1]!;

async function query(c: { id: number; version: number }) {
  const result = await sendMessage(erika, {
    caseId: c.id,
    version: c.version,
    subject: 'Rückfrage zu Ihrer Anfrage {{referenz}}',
    body: 'Guten Tag {{ansprechperson}}, wie viele Stück brauchen Sie? {{bearbeitung}}',
    templateKey: 'query',
  });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe('sendMessage', () => {
  it('stores the message, mails it with a personal link, fills the variables and applies the template status', async () => {
    const c = await newCase({ contact_name: 'Petra Muster' });
    const sent = await query(c);
    const stored = await caseRow(c.id);
    expect(stored).toMatchObject({ status: 'waiting_feedback', statusBeforeWaiting: 'in_triage', version: sent.version });
    expect(stored.waitingSince).not.toBeNull();
    expect(stored.firstRespondedAt).not.toBeNull();
    const [message] = await db.select().from(caseMessages).where(eq(caseMessages.id, sent.messageId));
    expect(message).toMatchObject({
      direction: 'outbound',
      authorId: erika.id,
      subject: `Rückfrage zu Ihrer Anfrage ${c.reference}`,
      body: 'Guten Tag Petra Muster, wie viele Stück brauchen Sie? Erika Expertin',
      templateKey: 'query',
    });
    const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'requester_message'));
    expect(mail).toMatchObject({ recipient: c.email, caseId: c.id, subject: `Rückfrage zu Ihrer Anfrage ${c.reference}` });
    const check = await verifyAccessLink(tokenIn(mail!.body), 'requester_thread');
    expect(check).toMatchObject({ ok: true, link: { caseId: c.id } });
    const days = (check.ok ? check.link.expiresAt.getTime() - check.link.createdAt.getTime() : 0) / 86_400_000;
    expect(days).toBe(30);
    expect(await eventTypes(c.id)).toEqual(['submitted', 'message_sent', 'status_changed']);
  });

  it('refuses a stale version and writes nothing', async () => {
    const c = await newCase();
    await query(c);
    const stale = await sendMessage(erika, { caseId: c.id, version: c.version, subject: 'Noch etwas', body: 'Text' });
    expect(stale).toMatchObject({ ok: false, current: { version: c.version + 1 } });
    expect(await db.$count(caseMessages)).toBe(1);
    expect(await db.$count(outbox, eq(outbox.template, 'requester_message'))).toBe(1);
  });

  it('refuses a template status the lifecycle does not allow from here', async () => {
    const c = await newCase();
    const result = await sendMessage(erika, {
      caseId: c.id,
      version: c.version,
      subject: 'Abschluss',
      body: 'Danke',
      templateKey: 'closing',
    });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Status') });
    expect(await db.$count(caseMessages)).toBe(0);
  });
});

describe('access links', () => {
  it('refuses a forged token, an expired, a revoked and a used link', async () => {
    const c = await newCase();
    const link = await createAccessLink(db, { purpose: 'requester_thread', caseId: c.id, days: 30 });
    const token = signedLinkToken(link.id);
    expect(await verifyAccessLink(token, 'requester_thread')).toMatchObject({ ok: true });
    const [id, signature] = token.split('.');
    const otherId = `${Number(id) + 1}.${signature}`;
    const flipped = `${id}.${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [otherId, flipped, `${id}.`, 'garbage', `${id}.${'x'.repeat(43)}`, signedLinkToken(2_147_483_648)]) {
      expect(await verifyAccessLink(forged, 'requester_thread')).toEqual({ ok: false, reason: 'forged' });
    }
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await verifyAccessLink(token, 'requester_thread', { now: later })).toEqual({ ok: false, reason: 'expired' });
    expect(await consumeAccessLink(db, link.id)).toBe(true);
    expect(await consumeAccessLink(db, link.id)).toBe(false);
    expect(await verifyAccessLink(token, 'requester_thread')).toEqual({ ok: false, reason: 'used' });
    await db.update(accessLinks).set({ revokedAt: new Date() }).where(eq(accessLinks.id, link.id));
    expect(await verifyAccessLink(token, 'requester_thread')).toEqual({ ok: false, reason: 'revoked' });
  });
});

describe('recordRequesterReply', () => {
  it('returns a waiting case to where it was and marks it unread until the assignee opens it', async () => {
    const c = await newCase();
    await query(c);
    await db.update(cases).set({ assigneeId: erika.id }).where(eq(cases.id, c.id));
    const reply = await db.transaction((tx) =>
      recordRequesterReply(tx, { caseId: c.id, channel: 'web', subject: 'Antwort', body: '500 Stück' }),
    );
    expect(reply).toMatchObject({ ok: true });
    const stored = await caseRow(c.id);
    expect(stored).toMatchObject({ status: 'in_triage', waitingSince: null, statusBeforeWaiting: null });
    expect(stored.replyUnreadSince).not.toBeNull();
    expect((await eventTypes(c.id)).slice(-2)).toEqual(['reply_received', 'status_changed']);
    expect(await markRepliesRead(anna, c.id)).toBe(false);
    expect(await markRepliesRead(erika, c.id)).toBe(true);
    expect((await caseRow(c.id)).replyUnreadSince).toBeNull();
  });

  it('keeps a reply to a closed case and reopens it into triage', async () => {
    const c = await newCase();
    await updateCase(
      erika,
      caseUpdateSchema.parse({
        caseId: c.id,
        ...editableState(c),
        assigneeId: '',
        dueDate: '',
        tags: '',
        status: 'rejected',
        reason: 'Außerhalb Thüringens',
      }),
    );
    const reply = await recordRequesterReply(db, {
      caseId: c.id,
      channel: 'email',
      subject: 'Re: Ihre Anfrage',
      body: 'Wir sind doch in Erfurt.',
    });
    expect(reply).toMatchObject({ ok: true });
    expect(await caseRow(c.id)).toMatchObject({ status: 'in_triage', closeReason: null });
    expect((await eventTypes(c.id)).slice(-2)).toEqual(['reply_received', 'status_changed']);
  });

  it('exports the conversation; refuses a reply to an erased case, whose erasure removed its messages and ended its links', async () => {
    const c = await newCase({ email: 'petra@example.org' });
    const sent = await query(c);
    const exported = await exportRequester('petra@example.org');
    expect(exported.cases[0]!.messages).toEqual([
      expect.objectContaining({ direction: 'outbound', subject: `Rückfrage zu Ihrer Anfrage ${c.reference}` }),
    ]);
    const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'requester_message'));
    const token = tokenIn(mail!.body);
    await eraseRequester(anna, 'petra@example.org');
    expect(await db.$count(caseMessages, eq(caseMessages.caseId, c.id))).toBe(0);
    expect(await verifyAccessLink(token, 'requester_thread')).toEqual({ ok: false, reason: 'revoked' });
    const reply = await recordRequesterReply(db, { caseId: c.id, channel: 'email', subject: 'Re', body: 'Hallo?' });
    expect(reply).toEqual({ ok: false, reason: 'erased' });
    expect(await db.$count(caseMessages, eq(caseMessages.id, sent.messageId))).toBe(0);
  });
});

describe('retention', () => {
  it('deletes the conversation of a case it anonymises and ends its links', async () => {
    const c = await newCase();
    await query(c);
    const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'requester_message'));
    await db
      .update(cases)
      .set({ status: 'resolved', updatedAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(cases.id, c.id));
    expect(await runRetention()).toMatchObject({ cases: 1 });
    expect(await db.$count(caseMessages, eq(caseMessages.caseId, c.id))).toBe(0);
    expect(await verifyAccessLink(tokenIn(mail!.body), 'requester_thread')).toEqual({ ok: false, reason: 'revoked' });
  });
});

describe('first-response clock', () => {
  it('is paused while the case waits: leaving the waiting state moves the deadline by the time waited', async () => {
    const c = await newCase();
    const due = new Date('2030-01-10T12:00:00Z');
    const since = new Date(Date.now() - 3 * 3_600_000);
    await db
      .update(cases)
      .set({ status: 'waiting_feedback', waitingSince: since, statusBeforeWaiting: 'searching', firstResponseDueAt: due })
      .where(eq(cases.id, c.id));
    await recordRequesterReply(db, { caseId: c.id, channel: 'web', subject: 'Antwort', body: 'Hier die Zahlen.' });
    const stored = await caseRow(c.id);
    expect(stored.status).toBe('searching');
    const moved = stored.firstResponseDueAt!.getTime() - due.getTime();
    expect(moved).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(moved).toBeLessThan(3 * 3_600_000 + 60_000);
  });

  it('is not moved once staff have responded', async () => {
    const c = await newCase();
    await query(c);
    const before = (await caseRow(c.id)).firstResponseDueAt;
    await recordRequesterReply(db, { caseId: c.id, channel: 'web', subject: 'Antwort', body: 'Ja.' });
    expect((await caseRow(c.id)).firstResponseDueAt).toEqual(before);
  });
});

describe('reply templates', () => {
  it('seeds the four defaults once, the query waiting for feedback', async () => {
    expect(await seedDefaultTemplates()).toBe(0);
    const templates = await listTemplates();
    expect(templates.map((t) => [t.name, t.setsStatus])).toEqual([
      ['Rückfrage zu Ihrer Anfrage', 'waiting_feedback'],
      ['Wir suchen passende Anbieter', 'searching'],
      ['Kein passender Anbieter gefunden', null],
      ['Abschluss', 'resolved'],
    ]);
  });

  it('refuses unknown variables with a German message naming them, and saves known ones', async () => {
    const [template] = await listTemplates();
    const input = {
      id: template!.id,
      version: template!.version,
      name: template!.name,
      subject: 'Zu {{referenz}}',
      body: 'Hallo {{vorname}} und {{firma}}',
      setsStatus: template!.setsStatus,
    };
    const refused = await saveTemplate(anna, input);
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { body: expect.stringContaining('Unbekannte Variablen: {{vorname}}, {{firma}}') },
    });
    const saved = await saveTemplate(anna, { ...input, body: 'Hallo {{ansprechperson}}' });
    expect(saved).toEqual({ ok: true, data: { version: template!.version + 1 } });
    expect(await saveTemplate(anna, { ...input, body: 'Hallo' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('inzwischen geändert'),
    });
    expect(await saveTemplate(anna, { ...input, version: template!.version + 1, setsStatus: 'rejected' })).toMatchObject({
      ok: false,
      fieldErrors: { setsStatus: expect.stringContaining('Begründung') },
    });
    await expect(saveTemplate(erika, { ...input, version: template!.version + 1 })).rejects.toThrow('forbidden');
    await db.update(replyTemplates).set({ body: template!.body, version: 1 }).where(eq(replyTemplates.id, template!.id));
  });
});
