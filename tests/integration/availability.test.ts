/**
 * Availability checks (issue 16): the expert asks shortlisted suppliers through signed
 * single-use links; the supplier answers on a page without an account and may consent to its
 * contact going to the requester. The requester stays anonymous; the consent is never inferred.
 */
import { and, eq, sql } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerAvailabilityCheck } from '@/app/(public)/supplier/check/actions';
import AvailabilityCheckPage from '@/app/(public)/supplier/check/[token]/page';
import { db } from '@/db/client';
import {
  accessLinks,
  availabilityChecks,
  caseEvents,
  cases,
  introductions,
  outbox,
  rateLimits,
  referenceCounters,
  shortlistEntries,
  supplierConsents,
} from '@/db/schema';
import { recordAvailabilityAnswer } from '@/lib/availability/answer';
import { recordPhoneConsent, SUPPLIER_CONSENT_VERSION } from '@/lib/availability/consent';
import { caseAvailability } from '@/lib/availability/queries';
import { sendDueReminders } from '@/lib/availability/reminders';
import { availabilityAnswerSchema, phoneConsentSchema } from '@/lib/availability/schema';
import { sendAvailabilityChecks } from '@/lib/availability/send';
import type { StaffUser } from '@/lib/auth/staff';
import { caseUpdateSchema } from '@/lib/cases/schema';
import { editableState, updateCase } from '@/lib/cases/update';
import { verifyAccessLink } from '@/lib/conversations/access-links';
import { messages } from '@/lib/i18n';
import { logIntroduction, sendIntroduction } from '@/lib/introductions/record';
import { DAY_MS } from '@/lib/time';
import { validRequest } from '../helpers/fixtures';
import { newCase, newCompany, staffUser } from '../helpers/factories';

vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }) }));

const t = messages.availability;
const REQUESTER = validRequest();
// What a supplier must never learn about the requester (the fixture's values).
const SECRETS = [
  REQUESTER.organisation,
  REQUESTER.contact_name,
  REQUESTER.email,
  String(REQUESTER.phone),
  REQUESTER.postal_code,
  'Weiß',
  'Müller',
];

let erika: StaffUser;
const suppliers = {} as Record<'jena' | 'gera' | 'suhl' | 'noMail', number>;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  suppliers.jena = await newCompany({
    name: 'Thüringer Schutzausrüstung GmbH',
    postalCode: '07743',
    city: 'Jena',
    email: 'vertrieb@schutz.example',
  });
  suppliers.gera = await newCompany({ name: 'Geraer Vliesstoffe', postalCode: '07545', city: 'Gera', email: 'info@vlies.example' });
  suppliers.suhl = await newCompany({ name: 'Suhler Maskenwerk', postalCode: '98527', city: 'Suhl', email: 'masken@suhl.example' });
  suppliers.noMail = await newCompany({ name: 'Werkstatt ohne Mail', postalCode: '99084', city: 'Erfurt' });
});

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${rateLimits}, ${accessLinks} cascade`);
});

/** A case with all four suppliers on its shortlist; its description names the requester, as descriptions do. */
async function shortlistedCase() {
  const c = await newCase({
    quantity: '5.000 Stück, dann monatlich 1.000',
    description: `Wir benötigen 5.000 FFP2-Atemschutzmasken (EN 149). Rückfragen an ${REQUESTER.contact_name}, ${REQUESTER.email}, Tel. ${REQUESTER.phone} – ${REQUESTER.organisation}.`,
  });
  await db.insert(shortlistEntries).values(Object.values(suppliers).map((companyId) => ({ caseId: c.id, companyId })));
  return c;
}

const checksOf = (caseId: number) => db.select().from(availabilityChecks).where(eq(availabilityChecks.caseId, caseId));
const eventTypes = async (caseId: number) =>
  (await db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.id)).map(
    (e) => e.type,
  );
const tokenOf = (body: string) => /\/supplier\/check\/([\w.-]+)/.exec(body)![1]!;

/** Sends checks to the three suppliers with an address; returns each one's mail. */
async function askThree(caseId: number) {
  const result = await sendAvailabilityChecks(erika, { caseId, companyIds: [suppliers.jena, suppliers.gera, suppliers.suhl] });
  if (!result.ok) throw new Error(result.error);
  const mails = await db.select().from(outbox).where(eq(outbox.template, 'availability_check')).orderBy(outbox.id);
  return Object.fromEntries(mails.map((m) => [m.recipient, m]));
}

const yes = (token: string, changes: Record<string, unknown> = {}) => ({
  token,
  answer: 'yes',
  quantity: '5.000 Stück',
  leadTime: '2 Wochen',
  priceNote: '',
  note: '',
  website: '',
  ...changes,
});

const openPage = async (token: string) => renderToStaticMarkup(await AvailabilityCheckPage({ params: Promise.resolve({ token }) }));

describe('sending availability checks', () => {
  it('creates per supplier a link, its row, the mail and the event; skips the one without an address', async () => {
    const c = await shortlistedCase();
    const result = await sendAvailabilityChecks(erika, { caseId: c.id, companyIds: Object.values(suppliers) });
    expect(result).toEqual({
      ok: true,
      data: {
        sent: ['Thüringer Schutzausrüstung GmbH', 'Geraer Vliesstoffe', 'Suhler Maskenwerk'],
        noEmail: ['Werkstatt ohne Mail'],
        answered: [],
      },
    });
    const checks = await checksOf(c.id);
    expect(checks.map((x) => x.recipient).sort()).toEqual(['info@vlies.example', 'masken@suhl.example', 'vertrieb@schutz.example']);
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'availability_check'));
    expect(mails).toHaveLength(3);
    for (const mail of mails) {
      expect(mail.caseId).toBe(c.id);
      const check = checks.find((x) => x.recipient === mail.recipient)!;
      const link = await verifyAccessLink(tokenOf(mail.body), 'availability_check');
      expect(link).toMatchObject({ ok: true, link: { id: check.linkId, caseId: c.id, companyId: check.companyId } });
      expect(mail.body).toContain(c.reference);
      expect(mail.body).toContain('5.000 FFP2-Atemschutzmasken');
      expect(mail.body).toContain(`${t.neededQuantity}: 5.000 Stück, dann monatlich 1.000`);
      for (const secret of SECRETS) expect(mail.body).not.toContain(secret);
    }
    expect((await eventTypes(c.id)).filter((type) => type === 'availability_check_sent')).toHaveLength(3);
  });

  it('writes nothing when one chosen company is not on the shortlist, or the case is closed', async () => {
    const c = await newCase();
    await db.insert(shortlistEntries).values({ caseId: c.id, companyId: suppliers.jena });
    expect(await sendAvailabilityChecks(erika, { caseId: c.id, companyIds: [suppliers.jena, suppliers.gera] })).toMatchObject({
      ok: false,
      error: t.notShortlisted,
    });
    await db.update(cases).set({ status: 'rejected' }).where(eq(cases.id, c.id));
    expect(await sendAvailabilityChecks(erika, { caseId: c.id, companyIds: [suppliers.jena] })).toEqual({ ok: false, error: t.caseClosed });
    expect(await checksOf(c.id)).toEqual([]);
    expect(await db.$count(accessLinks)).toBe(0);
    expect(await db.$count(outbox, eq(outbox.template, 'availability_check'))).toBe(0);
    const only = await sendAvailabilityChecks(erika, { caseId: (await shortlistedCase()).id, companyIds: [suppliers.noMail] });
    expect(only).toEqual({ ok: false, error: `${t.nothingSent} ${t.skippedNoEmail('Werkstatt ohne Mail')}` });
  });

  it('asking again replaces the link (the old one stops working) and restarts the reminders; an answer stands', async () => {
    const c = await shortlistedCase();
    const first = await askThree(c.id);
    await db.update(availabilityChecks).set({ reminders: 1, remindedAt: new Date() }).where(eq(availabilityChecks.caseId, c.id));
    const jenaToken = tokenOf(first['vertrieb@schutz.example']!.body);
    expect(await answerAvailabilityCheck(yes(jenaToken))).toMatchObject({ ok: true });
    await db.delete(outbox);
    const again = await sendAvailabilityChecks(erika, { caseId: c.id, companyIds: [suppliers.jena, suppliers.gera] });
    expect(again).toEqual({ ok: true, data: { sent: ['Geraer Vliesstoffe'], noEmail: [], answered: ['Thüringer Schutzausrüstung GmbH'] } });
    const oldGera = tokenOf(first['info@vlies.example']!.body);
    expect(await verifyAccessLink(oldGera, 'availability_check')).toEqual({ ok: false, reason: 'revoked' });
    const [mail] = await db.select().from(outbox);
    expect(await verifyAccessLink(tokenOf(mail!.body), 'availability_check')).toMatchObject({ ok: true });
    const gera = (await checksOf(c.id)).find((x) => x.companyId === suppliers.gera)!;
    expect(gera).toMatchObject({ reminders: 0, remindedAt: null, answer: null });
    expect((await checksOf(c.id)).filter((x) => x.companyId === suppliers.gera)).toHaveLength(1);
  });
});

describe("the supplier's page and answer", () => {
  it('shows the need without the requester, and takes "ja, 5.000 Stück in 2 Wochen" with consent', async () => {
    const c = await shortlistedCase();
    const token = tokenOf((await askThree(c.id))['vertrieb@schutz.example']!.body);
    const page = await openPage(token);
    expect(page).toContain(t.canDeliver);
    expect(page).toContain('5.000 FFP2-Atemschutzmasken');
    expect(page).toContain('5.000 Stück, dann monatlich 1.000');
    expect(page).toContain('Thüringer Schutzausrüstung GmbH');
    for (const secret of SECRETS) expect(page).not.toContain(secret.replace('&', '&amp;'));

    expect(await answerAvailabilityCheck({ ...yes(token), consent: 'on' })).toEqual({ ok: true, data: { consent: true } });
    const [check] = (await checksOf(c.id)).filter((x) => x.companyId === suppliers.jena);
    expect(check).toMatchObject({ answer: 'yes', quantity: '5.000 Stück', leadTime: '2 Wochen', priceNote: null });
    const [consent] = await db.select().from(supplierConsents).where(eq(supplierConsents.caseId, c.id));
    expect(consent).toMatchObject({
      companyId: suppliers.jena,
      source: 'supplier_link',
      textVersion: SUPPLIER_CONSENT_VERSION,
      availabilityCheckId: check!.id,
    });
    expect((await eventTypes(c.id)).slice(-2)).toEqual(['availability_answered', 'consent_recorded']);

    // Used up: the page and the action say so in German, nothing changes.
    expect(await openPage(token)).toContain(t.usedTitle);
    expect(await answerAvailabilityCheck(yes(token, { answer: 'no' }))).toEqual({ ok: false, error: t.usedText });
    expect((await checksOf(c.id)).find((x) => x.companyId === suppliers.jena)!.answer).toBe('yes');
  });

  it('refuses forged, expired and revoked links with the German page and message', async () => {
    const c = await shortlistedCase();
    const mails = await askThree(c.id);
    const token = tokenOf(mails['vertrieb@schutz.example']!.body);
    const [id, signature] = token.split('.');
    const forged = `${id}.${signature!.slice(0, -2)}AA`;
    await expect(openPage(forged)).rejects.toThrow();
    expect(await answerAvailabilityCheck(yes(forged))).toEqual({ ok: false, error: t.linkGoneText });

    await db
      .update(accessLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessLinks.id, Number(id)));
    await expect(openPage(token)).rejects.toThrow();
    expect(await answerAvailabilityCheck(yes(token))).toEqual({ ok: false, error: t.linkGoneText });

    // Closing the case revokes the open links.
    const gera = tokenOf(mails['info@vlies.example']!.body);
    const [current] = await db.select().from(cases).where(eq(cases.id, c.id));
    const closed = await updateCase(
      erika,
      caseUpdateSchema.parse({ ...editableState(current!), caseId: c.id, status: 'rejected', reason: 'Kein Bedarf mehr', tags: '' }),
    );
    expect(closed).toMatchObject({ ok: true });
    expect(await verifyAccessLink(gera, 'availability_check')).toEqual({ ok: false, reason: 'revoked' });
    expect(await answerAvailabilityCheck(yes(gera))).toEqual({ ok: false, error: t.linkGoneText });
    expect((await checksOf(c.id)).every((x) => x.answeredAt === null)).toBe(true);
  });

  it('of two concurrent submits of one link exactly one is stored', async () => {
    const c = await shortlistedCase();
    const token = tokenOf((await askThree(c.id))['vertrieb@schutz.example']!.body);
    const link = await verifyAccessLink(token, 'availability_check');
    if (!link.ok) throw new Error(link.reason);
    const values = availabilityAnswerSchema.parse(yes(token, { consent: true }));
    const results = await Promise.all([
      recordAvailabilityAnswer(link.link.id, values),
      recordAvailabilityAnswer(link.link.id, { ...values, answer: 'partly' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await eventTypes(c.id)).filter((type) => type === 'availability_answered')).toHaveLength(1);
    expect(await db.$count(supplierConsents, eq(supplierConsents.caseId, c.id))).toBe(1);
  });

  it('refuses bad input with German messages and stores nothing', async () => {
    const c = await shortlistedCase();
    const token = tokenOf((await askThree(c.id))['vertrieb@schutz.example']!.body);
    expect(await answerAvailabilityCheck(yes(token, { quantity: '', leadTime: ' ' }))).toMatchObject({
      ok: false,
      fieldErrors: { quantity: t.quantityRequired, leadTime: t.leadTimeRequired },
    });
    expect(await answerAvailabilityCheck(yes(token, { answer: 'vielleicht' }))).toMatchObject({
      ok: false,
      fieldErrors: { answer: t.chooseAnswer },
    });
    expect(await answerAvailabilityCheck(yes(token, { note: 'x'.repeat(2001) }))).toMatchObject({
      ok: false,
      fieldErrors: { note: messages.errors.tooLong(2000) },
    });
    expect(await answerAvailabilityCheck(yes(token, { website: 'http://spam.example' }))).toEqual({
      ok: false,
      error: messages.errors.spamSuspected,
    });
    expect((await checksOf(c.id)).every((x) => x.answeredAt === null)).toBe(true);
    expect(await verifyAccessLink(token, 'availability_check')).toMatchObject({ ok: true });
    // A "no" needs no quantity and keeps none.
    expect(await answerAvailabilityCheck(yes(token, { answer: 'no', quantity: '', leadTime: '' }))).toEqual({
      ok: true,
      data: { consent: false },
    });
  });

  it('limits answers per client address', async () => {
    vi.stubEnv('AVAILABILITY_RATE_LIMIT', '1');
    try {
      const c = await shortlistedCase();
      const mails = await askThree(c.id);
      expect(await answerAvailabilityCheck(yes(tokenOf(mails['vertrieb@schutz.example']!.body)))).toMatchObject({ ok: true });
      expect(await answerAvailabilityCheck(yes(tokenOf(mails['info@vlies.example']!.body)))).toMatchObject({
        ok: false,
        error: expect.stringContaining('Minute'),
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('consent gates the introduction mail', () => {
  it('an answer "ja" without the box leaves no consent; the introduction text is refused until staff record one by phone', async () => {
    const c = await shortlistedCase();
    const token = tokenOf((await askThree(c.id))['vertrieb@schutz.example']!.body);
    expect(await answerAvailabilityCheck(yes(token))).toEqual({ ok: true, data: { consent: false } });
    expect(await db.$count(supplierConsents)).toBe(0);
    const logged = await logIntroduction(
      erika,
      { caseId: c.id, companyId: suppliers.jena, introducedOn: '2026-11-20', channel: 'email', note: '' },
      '2026-11-25',
    );
    if (!logged.ok) throw new Error(logged.error);
    expect(await sendIntroduction(erika, logged.data.id)).toEqual({ ok: false, error: messages.introductions.letter.notAgreed });
    expect(await db.$count(outbox, eq(outbox.template, 'introduction'))).toBe(0);

    // A phone consent needs a note, in German.
    expect(phoneConsentSchema.safeParse({ caseId: c.id, companyId: suppliers.jena, note: ' ' }).error?.issues[0]?.message).toBe(
      messages.errors.required,
    );
    expect(await recordPhoneConsent(erika, { caseId: c.id, companyId: suppliers.jena, note: 'Frau Kranich am Telefon, 10:15' })).toEqual({
      ok: true,
      data: null,
    });
    expect(await recordPhoneConsent(erika, { caseId: c.id, companyId: suppliers.jena, note: 'noch einmal' })).toEqual({
      ok: false,
      error: t.consentExists,
    });
    const shown = await caseAvailability(c.id);
    expect(shown.consents.get(suppliers.jena)).toMatchObject({
      source: 'staff_phone',
      recordedBy: 'Erika Expertin',
      note: 'Frau Kranich am Telefon, 10:15',
      textVersion: null,
    });
    expect(shown.checks.get(suppliers.jena)).toMatchObject({ answer: 'yes', quantity: '5.000 Stück' });
    expect((await eventTypes(c.id)).at(-1)).toBe('consent_recorded');
    expect(await sendIntroduction(erika, logged.data.id)).toEqual({ ok: true, data: { recipients: 2 } });
    const [row] = await db.select().from(introductions).where(eq(introductions.id, logged.data.id));
    expect(row).toBeDefined();
  });
});

describe('reminders', () => {
  const later = (days: number) => new Date(Date.now() + days * DAY_MS);
  const reminderMails = () => db.select().from(outbox).where(eq(outbox.template, 'availability_reminder'));

  it('go once to unanswered checks after the configured days, not to answered ones or closed cases', async () => {
    const c = await shortlistedCase();
    const mails = await askThree(c.id);
    const closedCase = await shortlistedCase();
    await askThree(closedCase.id);
    await db.update(cases).set({ status: 'resolved' }).where(eq(cases.id, closedCase.id));
    expect(await answerAvailabilityCheck(yes(tokenOf(mails['vertrieb@schutz.example']!.body)))).toMatchObject({ ok: true });

    expect(await sendDueReminders(later(2))).toBe(0);
    expect(await sendDueReminders(later(3.1))).toBe(2);
    const sent = await reminderMails();
    expect(sent.map((m) => m.recipient).sort()).toEqual(['info@vlies.example', 'masken@suhl.example']);
    // The link is still good for days: the same one again.
    const gera = sent.find((m) => m.recipient === 'info@vlies.example')!;
    expect(tokenOf(gera.body)).toBe(tokenOf(mails['info@vlies.example']!.body));
    for (const secret of SECRETS) expect(gera.body).not.toContain(secret);
    expect((await eventTypes(c.id)).filter((type) => type === 'availability_check_reminded')).toHaveLength(2);
    expect((await eventTypes(closedCase.id)).filter((type) => type === 'availability_check_reminded')).toHaveLength(0);
    // AVAILABILITY_MAX_REMINDERS is 1 by default.
    expect(await sendDueReminders(later(30))).toBe(0);
    expect(await caseAvailability(c.id).then((a) => a.checks.get(suppliers.gera)?.reminders)).toBe(1);
  });

  it('carry a fresh link once the old one has (almost) run out, and the old one stops working', async () => {
    const c = await newCase();
    await db.insert(shortlistEntries).values({ caseId: c.id, companyId: suppliers.gera });
    expect(await sendAvailabilityChecks(erika, { caseId: c.id, companyIds: [suppliers.gera] })).toMatchObject({ ok: true });
    const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'availability_check'));
    expect(await sendDueReminders(later(13.5))).toBe(1);
    const [reminder] = await reminderMails();
    expect(tokenOf(reminder!.body)).not.toBe(tokenOf(mail!.body));
    expect(await verifyAccessLink(tokenOf(mail!.body), 'availability_check')).toEqual({ ok: false, reason: 'revoked' });
    const [check] = await checksOf(c.id);
    const fresh = await verifyAccessLink(tokenOf(reminder!.body), 'availability_check');
    expect(fresh).toMatchObject({ ok: true, link: { id: check!.linkId } });
  });

  it('are not sent twice when two job runs meet', async () => {
    const c = await shortlistedCase();
    await askThree(c.id);
    const runs = await Promise.all([sendDueReminders(later(4)), sendDueReminders(later(4)), sendDueReminders(later(4))]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await reminderMails()).toHaveLength(3);
    const counts = await db
      .select({ reminders: availabilityChecks.reminders })
      .from(availabilityChecks)
      .where(and(eq(availabilityChecks.caseId, c.id)));
    expect(counts.map((x) => x.reminders)).toEqual([1, 1, 1]);
  });
});
