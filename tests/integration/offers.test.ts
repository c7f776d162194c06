import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/offers/route';
import { db } from '@/db/client';
import { capacityOffers, caseEvents, cases, companies, companyEvents, offerCaseMatches, outbox, rateLimits } from '@/db/schema';
import { SOCKET_IP_HEADER } from '@/lib/client-ip';
import { messages } from '@/lib/i18n';
import { issueFormToken } from '@/lib/intake/form-token';
import { duplicateSuggestions } from '@/lib/offers/duplicates';
import { latestConsentVersion } from '@/lib/intake/consent';
import { refreshExpiredOffers } from '@/lib/offers/expiry';
import { matchOpenCases } from '@/lib/offers/matching';
import { caseNewOfferMatches, markOfferMatchesSeen, myNewOfferMatches } from '@/lib/offers/queries';
import { createCompanyFromOffer, mergeOffer, rejectOffer } from '@/lib/offers/review';
import { submitOffer } from '@/lib/offers/submit';
import { eraseRequester, exportRequester } from '@/lib/privacy/requester';
import { runRetention } from '@/lib/privacy/retention';
import { searchSuppliers } from '@/lib/suppliers/search';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';
import { addDays, berlinDate, DAY_MS } from '@/lib/time';
import { newCase, newCompany, staffUser } from '../helpers/factories';

const today = berlinDate();

const validOffer = (overrides: Record<string, unknown> = {}) => ({
  organisation: 'Feinmechanik Apolda GmbH',
  kind: 'company',
  street: 'Bahnhofstraße 3',
  postal_code: '99510',
  city: 'Apolda',
  website: 'https://feinmechanik-apolda.example',
  email: 'vertrieb@feinmechanik-apolda.example',
  phone: '03644 12345',
  contact_name: 'Karla Dreher',
  sectors: ['25.62'],
  certifications: 'ISO 9001, IATF 16949',
  offer: 'Freie Kapazität für CNC-Drehteile und Frästeile aus Edelstahl, Losgrößen ab 100 Stück.',
  quantity: '2 Schichten pro Woche',
  available_until: addDays(today, 30),
  consent: true,
  ...overrides,
});

const form = (overrides: Record<string, unknown> = {}) => ({
  website: '',
  form_token: issueFormToken(Date.now() - 10_000),
  idempotency_key: randomUUID(),
  ...overrides,
});

let ip = 0;
/** A fresh address per submission, so only the rate-limit test meets the limit. */
const fresh = () => ({ ip: `10.1.0.${++ip}` });

async function offerCount() {
  const [row] = await db.select({ n: count() }).from(capacityOffers);
  return row!.n;
}

async function submitted(overrides: Record<string, unknown> = {}) {
  const result = await submitOffer(validOffer(overrides), { ...fresh(), envelope: form() });
  if (!result.ok) throw new Error(`offer fixture failed: ${result.error}`);
  const [offer] = await db.select().from(capacityOffers).where(eq(capacityOffers.id, result.id));
  return offer!;
}

const search = (q: string) => searchSuppliers(supplierSearchSchema.parse({ q }), 'staff');

beforeEach(async () => {
  await db.execute(
    sql`truncate ${capacityOffers}, ${offerCaseMatches}, ${companies}, ${companyEvents}, ${cases}, ${caseEvents}, ${outbox}, ${rateLimits} cascade`,
  );
});

describe('submitOffer', () => {
  it('stores a valid offer from the form with its consent version', async () => {
    const offer = await submitted();
    expect(offer).toMatchObject({
      status: 'new',
      organisation: 'Feinmechanik Apolda GmbH',
      sectors: ['25.62'],
      certifications: ['ISO 9001', 'IATF 16949'],
      consentVersion: latestConsentVersion('offer'),
      version: 1,
    });
  });

  it.each([
    ['an unknown sector code', { sectors: ['99.99'] }, 'sectors', messages.errors.sector],
    ['a malformed sector code', { sectors: 'abc' }, 'sectors', messages.errors.sector],
    ['a date in the past', { available_until: '2020-01-01' }, 'available_until', messages.errors.dateInPast],
    ['no consent', { consent: false }, 'consent', messages.offers.consentRequired],
    ['a short offer text', { offer: 'Teile' }, 'offer', messages.errors.tooShort(20)],
    ['a bad postal code', { postal_code: '123' }, 'postal_code', messages.errors.postalCode],
  ])('refuses %s with a German message and stores nothing', async (_what, overrides, field, message) => {
    const result = await submitOffer(validOffer(overrides), { ...fresh(), envelope: form() });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', error: messages.request.fixErrors, fieldErrors: { [field]: message } });
    expect(await offerCount()).toBe(0);
  });

  it('refuses a filled honeypot, a forged token and a too-fast form', async () => {
    const honeypot = await submitOffer(validOffer(), { ...fresh(), envelope: form({ website: 'http://spam' }) });
    const forged = await submitOffer(validOffer(), { ...fresh(), envelope: form({ form_token: '123.abc' }) });
    const tooFast = await submitOffer(validOffer(), { ...fresh(), envelope: form({ form_token: issueFormToken(Date.now()) }) });
    expect(honeypot).toEqual({ ok: false, reason: 'rejected', error: messages.errors.spamSuspected });
    expect(forged).toEqual({ ok: false, reason: 'rejected', error: messages.errors.spamSuspected });
    expect(tooFast).toEqual({ ok: false, reason: 'rejected', error: messages.errors.tooFast });
    expect(await offerCount()).toBe(0);
  });

  it('stores one offer per form token: a retry gives the same offer, another offer with it is refused', async () => {
    const envelope = form();
    const first = await submitOffer(validOffer(), { ...fresh(), envelope });
    const retry = await submitOffer(validOffer(), { ...fresh(), envelope: { ...envelope, idempotency_key: randomUUID() } });
    expect(first).toMatchObject({ ok: true, created: true });
    expect(retry).toEqual({ ok: true, id: first.ok ? first.id : -1, created: false });
    const reused = await submitOffer(validOffer({ organisation: 'Andere GmbH' }), { ...fresh(), envelope });
    expect(reused).toEqual({ ok: false, reason: 'conflict', error: messages.offers.alreadySent });
    expect(await offerCount()).toBe(1);
  });

  it('answers a repeated API key with the first offer, also when sent at once', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 4 }, () => submitOffer(validOffer(), { ...fresh(), idempotencyKey: key })));
    expect(new Set(results.map((r) => (r.ok ? r.id : -1))).size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await offerCount()).toBe(1);
  });

  it('limits submissions per address', async () => {
    const at = { ip: '10.9.9.9' };
    for (let i = 0; i < 5; i++) expect(await submitOffer(validOffer(), { ...at, envelope: form() })).toMatchObject({ ok: true });
    const blocked = await submitOffer(validOffer(), { ...at, envelope: form() });
    expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited', error: expect.stringContaining('Zu viele Anfragen') });
    expect(await offerCount()).toBe(5);
  });
});

describe('POST /api/offers', () => {
  const post = (value: unknown, headers: Record<string, string> = {}) =>
    POST(
      new Request('http://localhost/api/offers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SOCKET_IP_HEADER]: `192.0.2.${++ip % 250}`, ...headers },
        body: JSON.stringify(value),
      }),
    );

  it('stores an offer once per Idempotency-Key and answers the retry with the same id', async () => {
    const first = await post(validOffer({ certifications: ['ISO 9001'] }), { 'idempotency-key': 'offer-key-0001' });
    const retry = await post(validOffer({ certifications: ['ISO 9001'] }), { 'idempotency-key': 'offer-key-0001' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    const other = await post(validOffer({ offer: 'Ein ganz anderes Angebot mit genug Zeichen.' }), { 'idempotency-key': 'offer-key-0001' });
    expect(other.status).toBe(409);
    expect(await offerCount()).toBe(1);
  });

  it('refuses invalid input with German field errors and stores nothing', async () => {
    const response = await post(validOffer({ sectors: ['99.99'], email: 'kein-at' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field_errors: { email: messages.errors.email } });
    const unknownSector = await post(validOffer({ sectors: ['99.99'] }));
    expect(await unknownSector.json()).toMatchObject({ field_errors: { sectors: messages.errors.sector } });
    expect(await offerCount()).toBe(0);
  });
});

describe('duplicateSuggestions', () => {
  it('ranks the same name and postal code first, then similar names nearby, and leaves far or different names out', async () => {
    const same = await newCompany({ name: 'Feinmechanik Apolda GmbH', postalCode: '99510', city: 'Apolda' });
    const similar = await newCompany({ name: 'Feinmechanik Apolda', postalCode: '99518', city: 'Bad Sulza' });
    await newCompany({ name: 'Feinmechanik Apolda GmbH', postalCode: '07743', city: 'Jena' });
    await newCompany({ name: 'Glaswerk Ilmenau', postalCode: '99510', city: 'Apolda' });
    const suggestions = await duplicateSuggestions(db, { organisation: 'feinmechanik apolda gmbh', postalCode: '99510' });
    expect(suggestions.map((s) => [s.id, s.samePlace])).toEqual([
      [same, true],
      [similar, false],
    ]);
    expect(suggestions[1]!.similarity).toBeGreaterThan(0.3);
  });
});

describe('review', () => {
  it('merges an offer into a company: chosen fields taken, lists added, history written, searchable until it expires', async () => {
    const reviewer = await staffUser('Erika Expertin');
    const companyId = await newCompany({
      name: 'Feinmechanik Apolda GmbH',
      postalCode: '99510',
      city: 'Apolda',
      email: 'info@alt.example',
      phone: '03644 1',
      certifications: ['ISO 9001'],
      capabilities: ['Blechbearbeitung'],
    });
    const offer = await submitted({ offer: 'Freie Kapazität für Drehteile aus Titanlegierung, auch Kleinserien.', available_until: today });
    expect((await search('Titanlegierung')).total).toBe(0);

    const result = await mergeOffer(reviewer, {
      offerId: offer.id,
      version: 1,
      companyId,
      companyVersion: 1,
      take: ['email', 'contactPerson'],
      addSectors: true,
      addCertifications: true,
    });
    expect(result).toEqual({ ok: true, data: { companyId, matchedCases: 0 } });
    const [company] = await db.select().from(companies).where(eq(companies.id, companyId));
    expect(company).toMatchObject({
      email: 'vertrieb@feinmechanik-apolda.example',
      phone: '03644 1',
      contactPerson: 'Karla Dreher',
      sectors: ['25.62'],
      certifications: ['ISO 9001', 'IATF 16949'],
      version: 2,
    });
    const history = await db.select().from(companyEvents).where(eq(companyEvents.companyId, companyId)).orderBy(companyEvents.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'updated', 'offer_accepted']);
    expect(history[1]!.data).toMatchObject({
      changes: { email: { from: 'info@alt.example', to: 'vertrieb@feinmechanik-apolda.example' } },
    });
    expect(history[2]).toMatchObject({ actorId: reviewer.id, data: { offerId: offer.id, availableUntil: today } });
    const [stored] = await db.select().from(capacityOffers).where(eq(capacityOffers.id, offer.id));
    expect(stored).toMatchObject({ status: 'accepted', companyId, reviewedById: reviewer.id, version: 2 });

    // Found by the offer's text (and still by its capabilities) while it is valid …
    expect((await search('Titanlegierung')).results.map((r) => r.id)).toEqual([companyId]);
    expect((await search('Blechbearbeitung')).results.map((r) => r.id)).toEqual([companyId]);
    // … the expiry job leaves a valid offer …
    expect(await refreshExpiredOffers()).toBe(0);
    expect((await search('Titanlegierung')).total).toBe(1);
    // … and the expiry job takes it out the day after, once.
    expect(await refreshExpiredOffers(new Date(Date.now() + DAY_MS))).toBe(1);
    expect(await refreshExpiredOffers(new Date(Date.now() + DAY_MS))).toBe(0);
    expect((await search('Titanlegierung')).total).toBe(0);
    expect((await search('Blechbearbeitung')).total).toBe(1);
  });

  it('creates a new company from an offer through the company write path', async () => {
    const reviewer = await staffUser('Erika Expertin');
    const offer = await submitted({ available_until: '' });
    const result = await createCompanyFromOffer(reviewer, { offerId: offer.id, version: 1 });
    expect(result.ok).toBe(true);
    const companyId = result.ok ? result.data.companyId! : -1;
    const [company] = await db.select().from(companies).where(eq(companies.id, companyId));
    expect(company).toMatchObject({
      name: 'Feinmechanik Apolda GmbH',
      postalCode: '99510',
      districtKey: '16071',
      contactPerson: 'Karla Dreher',
      sectorPaths: expect.arrayContaining(['C', '25', '25.62']),
      publicListing: false,
    });
    const history = await db.select().from(companyEvents).where(eq(companyEvents.companyId, companyId)).orderBy(companyEvents.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'offer_accepted']);
    // No end date: searchable, and the expiry job leaves it.
    await refreshExpiredOffers(new Date(Date.now() + 400 * DAY_MS));
    expect((await search('Frästeile Edelstahl')).results.map((r) => r.id)).toEqual([companyId]);
    // The same firm again is a merge, not a second company.
    const again = await submitted();
    expect(await createCompanyFromOffer(reviewer, { offerId: again.id, version: 1 })).toEqual({
      ok: false,
      error: messages.offers.companyExists,
    });
  });

  it('rejects an offer with a note, and the second reviewer gets a conflict naming the first', async () => {
    const first = await staffUser('Erika Expertin');
    const second = await staffUser('Max Mustermann');
    const offer = await submitted();
    expect(await rejectOffer(first, { offerId: offer.id, version: 1, note: 'Kein Angebot, sondern Werbung.' })).toMatchObject({ ok: true });
    const late = await createCompanyFromOffer(second, { offerId: offer.id, version: 1 });
    expect(late).toEqual({ ok: false, error: messages.offers.conflict('Erika Expertin') });
    const [stored] = await db.select().from(capacityOffers).where(eq(capacityOffers.id, offer.id));
    expect(stored).toMatchObject({ status: 'rejected', reviewNote: 'Kein Angebot, sondern Werbung.', companyId: null });
    const [row] = await db.select({ n: count() }).from(companies);
    expect(row!.n).toBe(0);
  });

  it('refuses a merge into a company changed since the page was loaded, and changes nothing', async () => {
    const reviewer = await staffUser('Erika Expertin');
    const companyId = await newCompany({ name: 'Feinmechanik Apolda GmbH', postalCode: '99510', city: 'Apolda' });
    const offer = await submitted();
    const stale = await mergeOffer(reviewer, {
      offerId: offer.id,
      version: 1,
      companyId,
      companyVersion: 7,
      take: ['email'],
      addSectors: false,
      addCertifications: false,
    });
    expect(stale).toEqual({ ok: false, error: messages.offers.companyChanged });
    const [stored] = await db.select().from(capacityOffers).where(eq(capacityOffers.id, offer.id));
    expect(stored).toMatchObject({ status: 'new', version: 1 });
  });
});

describe('matching open cases', () => {
  it('matches open assigned cases whose need the offer names, records events, mails each assignee once', async () => {
    const reviewer = await staffUser('Erika Expertin');
    const assignee = await staffUser('Max Mustermann');
    const need = 'Wir suchen dringend Drehteile aus Edelstahl für eine Pumpenserie, ca. 500 Stück.';
    const matching = await newCase({ description: need });
    const otherDivision = await newCase({ description: need, sector: '10.11' });
    const unassigned = await newCase({ description: need });
    const otherNeed = await newCase({ description: 'Wir benötigen Verpackungsmaterial aus Karton für den Versand.' });
    const closed = await newCase({ description: need });
    await db
      .update(cases)
      .set({ assigneeId: assignee.id })
      .where(sql`${cases.id} in (${matching.id}, ${otherDivision.id}, ${otherNeed.id}, ${closed.id})`);
    await db.update(cases).set({ status: 'resolved' }).where(eq(cases.id, closed.id));
    await db.delete(outbox);

    const offer = await submitted();
    const result = await createCompanyFromOffer(reviewer, { offerId: offer.id, version: 1 });
    expect(result).toMatchObject({ ok: true, data: { matchedCases: 1 } });
    expect(unassigned.id).toBeGreaterThan(0);

    const matches = await db.select().from(offerCaseMatches);
    expect(matches.map((m) => m.caseId)).toEqual([matching.id]);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.type, 'offer_matched'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      caseId: matching.id,
      actorId: reviewer.id,
      data: { offerId: offer.id, company: 'Feinmechanik Apolda GmbH' },
    });
    const mails = await db.select().from(outbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: assignee.email, caseId: matching.id, template: 'notify_offer_match' });
    expect(mails[0]!.body).toContain(`/cases/${matching.id}`);

    // Run again: nothing new.
    const [accepted] = await db.select().from(capacityOffers).where(eq(capacityOffers.id, offer.id));
    const company = { id: accepted!.companyId!, name: 'Feinmechanik Apolda GmbH' };
    expect(await db.transaction((tx) => matchOpenCases(tx, accepted!, company, reviewer.id))).toEqual([]);
    expect(await db.select().from(outbox)).toHaveLength(1);
    expect(await db.select().from(caseEvents).where(eq(caseEvents.type, 'offer_matched'))).toHaveLength(1);

    // The marker stays until the assignee (not someone else) opens the case.
    expect((await myNewOfferMatches(assignee.id)).map((m) => m.caseId)).toEqual([matching.id]);
    await markOfferMatchesSeen(matching.id, reviewer.id);
    expect(await caseNewOfferMatches(matching.id)).toHaveLength(1);
    await markOfferMatchesSeen(matching.id, assignee.id);
    expect(await caseNewOfferMatches(matching.id)).toHaveLength(0);
    expect(await myNewOfferMatches(assignee.id)).toHaveLength(0);
  });
});

describe('data protection of offers', () => {
  it('exports the offers sent from an address, and erasure deletes or blanks them', async () => {
    const reviewer = await staffUser('Erika Expertin');
    const admin = await staffUser('Anna Admin', 'admin');
    const pending = await submitted({ email: 'Karla.Dreher@feinmechanik-apolda.example' });
    const rejected = await submitted({ organisation: 'Zweite Dreherei GmbH', email: 'karla.dreher@feinmechanik-apolda.example' });
    const accepted = await submitted({ organisation: 'Dritte Dreherei GmbH', email: 'karla.dreher@feinmechanik-apolda.example' });
    const someoneElse = await submitted({ organisation: 'Andere Firma GmbH', email: 'info@andere.example' });
    expect(await rejectOffer(reviewer, { offerId: rejected.id, version: 1, note: 'Doppelt gemeldet.' })).toMatchObject({ ok: true });
    expect(await createCompanyFromOffer(reviewer, { offerId: accepted.id, version: 1 })).toMatchObject({ ok: true });

    const exported = await exportRequester(' KARLA.DREHER@feinmechanik-apolda.example');
    expect(exported.offers.map((o) => [o.organisation, o.status])).toEqual([
      ['Feinmechanik Apolda GmbH', 'new'],
      ['Zweite Dreherei GmbH', 'rejected'],
      ['Dritte Dreherei GmbH', 'accepted'],
    ]);

    expect(await eraseRequester(admin, 'karla.dreher@feinmechanik-apolda.example')).toEqual({ cases: 0, mails: 0, offers: 3 });
    const left = await db.select().from(capacityOffers).orderBy(capacityOffers.id);
    expect(left.map((o) => o.id)).toEqual([accepted.id, someoneElse.id]);
    // The accepted offer stays with its company, without the person behind it.
    expect(left[0]).toMatchObject({ contactName: '', email: '', phone: null, offer: accepted.offer });
    expect(left[1]).toMatchObject({ contactName: 'Karla Dreher', email: 'info@andere.example' });
    expect(pending.id).not.toBe(accepted.id);
    expect((await exportRequester('karla.dreher@feinmechanik-apolda.example')).offers).toEqual([]);
  });

  it('retention deletes rejected offers once the period has passed since their review', async () => {
    const reviewer = await staffUser('Erika Expertin');
    const rejected = await submitted();
    const waiting = await submitted({ organisation: 'Wartende Firma GmbH' });
    expect(await rejectOffer(reviewer, { offerId: rejected.id, version: 1, note: 'Kein Angebot.' })).toMatchObject({ ok: true });
    await runRetention({ months: 24 });
    expect(await offerCount()).toBe(2);
    await runRetention({ months: 24, now: new Date(Date.now() + 25 * 31 * DAY_MS) });
    expect((await db.select({ id: capacityOffers.id }).from(capacityOffers)).map((o) => o.id)).toEqual([waiting.id]);
  });
});
