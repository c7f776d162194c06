import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendFeedback } from '@/app/(public)/request/feedback/actions';
import { db } from '@/db/client';
import { accessLinks, caseEvents, cases, introductions, outbox, rateLimits, referenceCounters } from '@/db/schema';
import { createAccessLink, signedLinkToken } from '@/lib/conversations/access-links';
import { messages } from '@/lib/i18n';
import { loadFeedbackRequest } from '@/lib/introductions/feedback-answer';
import { FEEDBACK_WINDOW_DAYS, requestFeedback } from '@/lib/introductions/feedback-request';
import { changeOutcome, logIntroduction } from '@/lib/introductions/record';
import { addDays, berlinDate } from '@/lib/time';
import { newCase, newCompany } from '../helpers/factories';
import { staffUser } from '../helpers/staff-users';
import { recordPhoneConsent } from '@/lib/availability/consent';

// Outside a Next request there are no request headers.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }) }));

const today = berlinDate();
let companyA: number;
let companyB: number;

beforeAll(async () => {
  process.env.FEEDBACK_AFTER_DAYS = '7';
  process.env.REPLY_RATE_LIMIT = '50';
  companyA = await newCompany({ name: 'Thüringer Schutzausrüstung GmbH', postalCode: '07743', city: 'Jena', email: 'a@schutz.example' });
  companyB = await newCompany({ name: 'Erfurter Maskenwerk', postalCode: '99084', city: 'Erfurt', email: 'b@masken.example' });
});
afterAll(() => {
  delete process.env.FEEDBACK_AFTER_DAYS;
  delete process.env.REPLY_RATE_LIMIT;
});
beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${accessLinks}, ${rateLimits} cascade`);
});

/** A case with an introduction `daysAgo` days ago to each company given; returns the case id and introduction ids. */
async function introduced(daysAgo: number, companyIds: number[], options: { email?: string; contactShared?: boolean } = {}) {
  const expert = await staffUser('Erika Expertin');
  const c = await newCase({ email: options.email ?? 'petra@example.org' });
  const ids: number[] = [];
  for (const companyId of companyIds) {
    const result = await logIntroduction(expert, {
      caseId: c.id,
      companyId,
      introducedOn: addDays(today, -daysAgo),
      channel: 'email',
      note: '',
    });
    if (!result.ok) throw new Error(result.error);
    if (options.contactShared ?? true) {
      const consent = await recordPhoneConsent(expert, { caseId: c.id, companyId, note: 'Am Telefon zugestimmt.' });
      if (!consent.ok) throw new Error(consent.error);
    }
    ids.push(result.data.id);
  }
  return { caseId: c.id, reference: c.reference, ids };
}

const feedbackMails = () => db.select().from(outbox).where(eq(outbox.template, 'introduction_feedback')).orderBy(asc(outbox.id));
const tokensIn = (body: string) => [...body.matchAll(/\/request\/feedback\/([\w.-]+)/g)].map((m) => m[1]!);
const introduction = async (id: number) => (await db.select().from(introductions).where(eq(introductions.id, id)))[0]!;
const outcomeEvents = (caseId: number) =>
  db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'introduction_outcome')))
    .orderBy(asc(caseEvents.id));

describe('the feedback request job', () => {
  it('sends one mail per case listing each due supplier with its own link, once', async () => {
    const two = await introduced(7, [companyA, companyB], { email: 'zwei@example.org' });
    const one = await introduced(8, [companyB], { email: 'eins@example.org' });
    expect(await requestFeedback()).toEqual({ mails: 2, introductions: 3 });
    expect(await requestFeedback()).toEqual({ mails: 0, introductions: 0 });

    const mails = await feedbackMails();
    expect(mails.map((m) => [m.recipient, m.caseId])).toEqual([
      ['zwei@example.org', two.caseId],
      ['eins@example.org', one.caseId],
    ]);
    expect(mails[0]!.subject).toBe(messages.feedback.mailSubject(two.reference));
    expect(mails[0]!.body).toContain('Thüringer Schutzausrüstung GmbH');
    expect(mails[0]!.body).toContain('Erfurter Maskenwerk');
    const tokens = tokensIn(mails[0]!.body);
    expect(new Set(tokens).size).toBe(2);
    // Each link opens the page for its own supplier and nothing else.
    const pages = await Promise.all(tokens.map((token) => loadFeedbackRequest(Number(token.split('.')[0]))));
    expect(pages).toEqual([
      { reference: two.reference, company: 'Thüringer Schutzausrüstung GmbH' },
      { reference: two.reference, company: 'Erfurter Maskenwerk' },
    ]);
    for (const id of two.ids) {
      const row = await introduction(id);
      expect(row.feedbackRequestedAt).not.toBeNull();
      expect(row.feedbackLinkId).not.toBeNull();
    }
    const events = await db.select().from(caseEvents).where(eq(caseEvents.type, 'feedback_requested'));
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.actorId === null)).toBe(true);
  });

  it('sends each introduction once when two runs race', async () => {
    await introduced(7, [companyA, companyB]);
    await introduced(9, [companyA]);
    const runs = await Promise.all([requestFeedback(), requestFeedback(), requestFeedback()]);
    expect(runs.reduce((sum, run) => sum + run.introductions, 0)).toBe(3);
    expect((await feedbackMails()).length).toBeLessThanOrEqual(3);
    expect(await db.$count(caseEvents, eq(caseEvents.type, 'feedback_requested'))).toBe(3);
    expect(await db.$count(accessLinks, eq(accessLinks.purpose, 'introduction_feedback'))).toBe(3);
  });

  it('asks neither too early, nor about old introductions, spam, unshared contacts or erased cases', async () => {
    await introduced(6, [companyA]);
    await introduced(7 + FEEDBACK_WINDOW_DAYS + 1, [companyA]);
    await introduced(7, [companyA], { contactShared: false });
    const spam = await introduced(7, [companyA]);
    await db.update(cases).set({ status: 'spam', closeReason: 'Spam' }).where(eq(cases.id, spam.caseId));
    const erased = await introduced(7, [companyA]);
    await db.update(cases).set({ anonymisedAt: new Date() }).where(eq(cases.id, erased.caseId));
    const edge = await introduced(7 + FEEDBACK_WINDOW_DAYS, [companyB]);
    expect(await requestFeedback()).toEqual({ mails: 1, introductions: 1 });
    expect((await feedbackMails())[0]!.caseId).toBe(edge.caseId);
  });
});

async function askedAbout(companyIds = [companyA]) {
  const c = await introduced(7, companyIds);
  await requestFeedback();
  const [mail] = await feedbackMails();
  return { ...c, tokens: tokensIn(mail!.body) };
}

describe('the requester answer', () => {
  it('sets the outcome as coming from the requester, with its history line, and uses the link up', async () => {
    const { caseId, ids, tokens } = await askedAbout();
    const answer = { token: tokens[0]!, answer: 'agreement', agreementKind: 'order', website: '' };
    expect(await sendFeedback(answer)).toEqual({ ok: true, data: { applied: true } });
    const row = await introduction(ids[0]!);
    expect(row).toMatchObject({ outcome: 'agreement', agreementKind: 'order', outcomeSource: 'requester' });
    const [event] = await outcomeEvents(caseId);
    expect(event).toMatchObject({ actorId: null, data: { from: 'pending', to: 'agreement', agreementKind: 'order', source: 'requester' } });

    // Used: the same link again changes nothing.
    expect(await sendFeedback({ ...answer, answer: 'no_fit', agreementKind: '' })).toEqual({
      ok: false,
      error: messages.feedback.linkGoneText,
    });
    expect((await introduction(ids[0]!)).outcome).toBe('agreement');
    expect(await outcomeEvents(caseId)).toHaveLength(1);
  });

  it('lets only one of two concurrent answers through one link', async () => {
    const { caseId, tokens } = await askedAbout();
    const results = await Promise.all(
      (['no_fit', 'no_answer'] as const).map((answer) => sendFeedback({ token: tokens[0]!, answer, website: '' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await outcomeEvents(caseId)).toHaveLength(1);
  });

  it('refuses forged, expired and wrong-purpose links and the honeypot, changing nothing', async () => {
    const { caseId, ids, tokens } = await askedAbout();
    const [id, signature] = tokens[0]!.split('.');
    const gone = { ok: false, error: messages.feedback.linkGoneText };
    const thread = await createAccessLink(db, { purpose: 'requester_thread', caseId, days: 30 });
    expect(await sendFeedback({ token: signedLinkToken(thread.id), answer: 'no_fit', website: '' })).toEqual(gone);
    expect(await sendFeedback({ token: `${Number(id) + 1}.${signature}`, answer: 'no_fit', website: '' })).toEqual(gone);
    expect(await sendFeedback({ token: `${id}.${'x'.repeat(43)}`, answer: 'no_fit', website: '' })).toEqual(gone);
    expect(await sendFeedback({ token: tokens[0]!, answer: 'no_fit', website: 'http://spam' })).toEqual({
      ok: false,
      error: messages.errors.spamSuspected,
    });
    await db
      .update(accessLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessLinks.id, Number(id)));
    expect(await sendFeedback({ token: tokens[0]!, answer: 'no_fit', website: '' })).toEqual(gone);
    expect(await introduction(ids[0]!)).toMatchObject({ outcome: 'pending', outcomeSource: 'staff' });
  });

  it('asks which agreement, in German, and stores nothing without it', async () => {
    const { ids, tokens } = await askedAbout();
    const result = await sendFeedback({ token: tokens[0]!, answer: 'agreement', website: '' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { agreementKind: messages.introductions.errors.agreementKindRequired } });
    expect((await introduction(ids[0]!)).outcome).toBe('pending');
    expect(
      (
        await db
          .select()
          .from(accessLinks)
          .where(eq(accessLinks.id, Number(tokens[0]!.split('.')[0])))
      )[0]!.usedAt,
    ).toBeNull();
  });

  it('gives way to an expert who changes it later; both are in the history', async () => {
    const { caseId, ids, tokens } = await askedAbout();
    await sendFeedback({ token: tokens[0]!, answer: 'no_answer', website: '' });
    const expert = await staffUser('Erika Expertin');
    const before = await introduction(ids[0]!);
    const changed = await changeOutcome(expert, { introductionId: ids[0]!, version: before.version, outcome: 'in_contact', note: '' });
    expect(changed.ok).toBe(true);
    expect(await introduction(ids[0]!)).toMatchObject({ outcome: 'in_contact', outcomeSource: 'staff' });
    const events = await outcomeEvents(caseId);
    expect(events.map((e) => [e.data, e.actorId])).toEqual([
      [expect.objectContaining({ from: 'pending', to: 'no_answer', source: 'requester' }), null],
      [expect.objectContaining({ from: 'no_answer', to: 'in_contact' }), expert.id],
    ]);
  });

  it('leaves an outcome the expert settled after the mail, and says so', async () => {
    const { caseId, ids, tokens } = await askedAbout();
    const expert = await staffUser('Erika Expertin');
    const row = await introduction(ids[0]!);
    await changeOutcome(expert, { introductionId: row.id, version: row.version, outcome: 'no_fit', note: '' });
    expect(await sendFeedback({ token: tokens[0]!, answer: 'agreement', agreementKind: 'cooperation', website: '' })).toEqual({
      ok: true,
      data: { applied: false },
    });
    expect(await introduction(ids[0]!)).toMatchObject({ outcome: 'no_fit', outcomeSource: 'staff' });
    expect(await outcomeEvents(caseId)).toHaveLength(1);
    // The link is used up all the same.
    expect(await sendFeedback({ token: tokens[0]!, answer: 'no_fit', website: '' })).toMatchObject({ ok: false });
  });

  it('may overrule a final outcome staff set before the mail went out', async () => {
    const c = await introduced(7, [companyA]);
    const expert = await staffUser('Erika Expertin');
    const row = await introduction(c.ids[0]!);
    await changeOutcome(expert, { introductionId: row.id, version: row.version, outcome: 'no_answer', note: '' });
    await requestFeedback();
    const [mail] = await feedbackMails();
    const result = await sendFeedback({ token: tokensIn(mail!.body)[0]!, answer: 'in_contact', website: '' });
    expect(result).toEqual({ ok: true, data: { applied: true } });
    expect(await introduction(c.ids[0]!)).toMatchObject({ outcome: 'in_contact', outcomeSource: 'requester' });
  });
});
