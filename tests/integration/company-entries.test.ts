/** Companies keep their own entry: check links (staff and yearly job), the company's answers, staff review, "geprüft". */
import { eq, sql } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCompanyEntry } from '@/app/(public)/supplier/entry/actions';
import { requestCompanyEntryCheck, reviewCompanyEntryChange } from '@/app/(staff)/suppliers/[id]/actions';
import { db } from '@/db/client';
import { accessLinks, companies, companyEntryChanges, companyEvents, outbox, rateLimits } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { verifyAccessLink } from '@/lib/conversations/access-links';
import { messages } from '@/lib/i18n';
import { answerEntryCheck } from '@/lib/suppliers/entry-answer';
import { runEntryChecks } from '@/lib/suppliers/entry-check';
import { searchSuppliers } from '@/lib/suppliers/search';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';
import { loadUnverified, unverifiedQueries } from '@/lib/suppliers/verified';
import { newCompany } from '../helpers/factories';
import { planOf } from '../helpers/query-plan';
import { signedInSession, staffUser } from '../helpers/staff-users';

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }) }));

const t = messages.entries;
const DAY = 24 * 60 * 60 * 1000;
let erika: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  vi.mocked(getServerSession).mockResolvedValue((await signedInSession(erika)) as never);
});
afterAll(() => {
  delete process.env.REPLY_RATE_LIMIT;
});
beforeEach(async () => {
  await db.execute(sql`truncate ${companies}, ${companyEvents}, ${outbox}, ${accessLinks}, ${rateLimits} cascade`);
});

const glaswerk = () =>
  newCompany({
    name: 'Glaswerk Ilmenau',
    postalCode: '98693',
    city: 'Ilmenau',
    email: 'info@glaswerk.example',
    phone: '03677 1234',
    capabilities: ['Laborglas'],
    description: 'Glas für Labore',
    publicListing: true,
  });

const eventsOf = async (companyId: number) =>
  db.select().from(companyEvents).where(eq(companyEvents.companyId, companyId)).orderBy(companyEvents.id);

const companyRow = async (id: number) => (await db.select().from(companies).where(eq(companies.id, id)))[0]!;

/** Staff send the link; returns the token the mail carries. */
async function sendLink(companyId: number): Promise<string> {
  const sent = await requestCompanyEntryCheck({ id: companyId });
  expect(sent).toEqual({ ok: true, data: { email: 'info@glaswerk.example' } });
  const mails = await db.select().from(outbox).where(eq(outbox.template, 'entry_check')).orderBy(outbox.id);
  return /\/supplier\/entry\/([\w.-]+)/.exec(mails.at(-1)!.body)![1]!;
}

const base = async (token: string, companyId: number) => ({ token, version: (await companyRow(companyId)).version, url: '' });

const correction = async (token: string, companyId: number, changes: Record<string, string> = {}) => ({
  ...(await base(token, companyId)),
  choice: 'correct' as const,
  name: 'Glaswerk Ilmenau',
  street: '',
  postalCode: '98693',
  city: 'Ilmenau',
  email: 'info@glaswerk.example',
  phone: '03677 1234',
  website: '',
  contactPerson: '',
  sectors: '',
  capabilities: 'Laborglas',
  certifications: '',
  description: 'Glas für Labore',
  ...changes,
});

describe('sending the entry check link', () => {
  it('mails the company a single-use link without a case, records it and ends older links', async () => {
    const id = await glaswerk();
    const first = await sendLink(id);
    const second = await sendLink(id);
    const [mail] = await db.select().from(outbox).where(eq(outbox.template, 'entry_check')).limit(1);
    expect(mail).toMatchObject({ recipient: 'info@glaswerk.example', caseId: null, subject: t.mailSubject });
    expect((await verifyAccessLink(first, 'company_entry')).ok).toBe(false);
    expect(await verifyAccessLink(second, 'company_entry')).toMatchObject({ ok: true, link: { companyId: id, caseId: null } });
    expect((await eventsOf(id)).filter((e) => e.type === 'entry_check_sent')).toHaveLength(2);
    expect((await companyRow(id)).entryCheckSentAt).not.toBeNull();
  });

  it('refuses a company without an address', async () => {
    const id = await newCompany({ name: 'Ohne Post GmbH', postalCode: '99084', city: 'Erfurt' });
    expect(await requestCompanyEntryCheck({ id })).toEqual({ ok: false, error: t.noEmail });
    expect(await db.$count(outbox)).toBe(0);
  });

  it('the yearly job asks each due company once, even when two instances run at once', async () => {
    const ids = await Promise.all(
      ['Eins', 'Zwei', 'Drei'].map((n, i) =>
        newCompany({ name: `Firma ${n}`, postalCode: '99084', city: 'Erfurt', email: `f${i}@example.org` }),
      ),
    );
    const confirmed = await newCompany({ name: 'Frisch geprüft', postalCode: '99084', city: 'Erfurt', email: 'ok@example.org' });
    await db
      .update(companies)
      .set({ verifiedAt: new Date(Date.now() - 10 * DAY) })
      .where(eq(companies.id, confirmed));
    await newCompany({ name: 'Ohne Adresse', postalCode: '99084', city: 'Erfurt' });

    expect(await runEntryChecks({ batch: 0 })).toBe(0);
    const runs = await Promise.all([runEntryChecks({ batch: 2 }), runEntryChecks({ batch: 2 }), runEntryChecks({ batch: 2 })]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3);
    const mails = await db.select({ recipient: outbox.recipient }).from(outbox);
    expect(mails.map((m) => m.recipient).sort()).toEqual(['f0@example.org', 'f1@example.org', 'f2@example.org']);
    for (const id of ids) expect((await eventsOf(id)).filter((e) => e.type === 'entry_check_sent')).toHaveLength(1);

    // Within the interval nobody is asked again; a year later the unconfirmed ones are.
    expect(await runEntryChecks({ batch: 10 })).toBe(0);
    expect(await runEntryChecks({ batch: 10, now: new Date(Date.now() + 366 * DAY) })).toBe(4);
  });
});

describe('the company answers through its link', () => {
  it('refuses forged, expired and reused links, changing nothing', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    const [linkId, signature] = token.split('.');
    const confirm = { ...(await base(token, id)), choice: 'confirm' as const };
    const gone = { ok: false, error: t.linkGoneText };
    expect(await answerCompanyEntry({ ...confirm, token: `${Number(linkId) + 1}.${signature}` })).toEqual(gone);
    expect(await answerCompanyEntry({ ...confirm, token: `${linkId}.${'x'.repeat(43)}` })).toEqual(gone);
    expect(await answerEntryCheck(confirm, new Date(Date.now() + 31 * DAY))).toEqual(gone);
    expect((await companyRow(id)).verifiedAt).toBeNull();

    expect(await answerCompanyEntry(confirm)).toEqual({ ok: true, data: { pending: false, listed: true } });
    expect(await answerCompanyEntry(confirm)).toEqual(gone);
    expect((await eventsOf(id)).filter((e) => e.type === 'confirmed')).toHaveLength(1);
  });

  it('lets only one of two concurrent answers through', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    const confirm = { ...(await base(token, id)), choice: 'confirm' as const };
    const results = await Promise.all([answerEntryCheck(confirm), answerEntryCheck(confirm)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await eventsOf(id)).filter((e) => e.type === 'confirmed')).toHaveLength(1);
  });

  it('refuses the honeypot and a page older than a change, keeping the link', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    const confirm = { ...(await base(token, id)), choice: 'confirm' as const };
    expect(await answerCompanyEntry({ ...confirm, url: 'http://spam.example' })).toEqual({
      ok: false,
      error: messages.errors.spamSuspected,
    });
    expect(await answerCompanyEntry({ ...confirm, version: confirm.version + 1 })).toEqual({ ok: false, error: t.changedMeanwhile });
    expect((await answerCompanyEntry(confirm)).ok).toBe(true);
  });

  it('limits answers per client address', async () => {
    process.env.REPLY_RATE_LIMIT = '2';
    const id = await glaswerk();
    const token = await sendLink(id);
    const stale = { ...(await base(token, id)), choice: 'confirm' as const, version: 999 };
    expect(await answerCompanyEntry(stale)).toEqual({ ok: false, error: t.changedMeanwhile });
    expect(await answerCompanyEntry(stale)).toEqual({ ok: false, error: t.changedMeanwhile });
    expect(await answerCompanyEntry({ ...stale, version: 1 })).toEqual({ ok: false, error: messages.errors.rateLimited(10) });
    expect((await companyRow(id)).verifiedAt).toBeNull();
    delete process.env.REPLY_RATE_LIMIT;
  });

  it('confirming sets "geprüft am"', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    expect((await answerCompanyEntry({ ...(await base(token, id)), choice: 'confirm' })).ok).toBe(true);
    expect((await companyRow(id)).verifiedAt).toBeInstanceOf(Date);
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'confirmed', actorId: null, data: { by: 'company' } });
  });

  it('applies contact fields at once "durch das Unternehmen" and keeps the rest for review', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    const answer = await correction(token, id, {
      phone: '03677 9999',
      capabilities: 'Laborglas\nQuarzglas',
      name: 'Glaswerk Ilmenau GmbH',
    });
    expect(await answerCompanyEntry(answer)).toEqual({ ok: true, data: { pending: true, listed: true } });

    const stored = await companyRow(id);
    expect(stored).toMatchObject({ phone: '03677 9999', capabilities: ['Laborglas'], name: 'Glaswerk Ilmenau' });
    expect(stored.verifiedAt).not.toBeNull();
    const events = await eventsOf(id);
    expect(events.find((e) => e.type === 'updated')).toMatchObject({
      actorId: null,
      data: { by: 'company', changes: { phone: { from: '03677 1234', to: '03677 9999' } } },
    });
    const [change] = await db.select().from(companyEntryChanges).where(eq(companyEntryChanges.companyId, id));
    expect(change).toMatchObject({
      status: 'pending',
      changes: {
        capabilities: { from: ['Laborglas'], to: ['Laborglas', 'Quarzglas'] },
        name: { from: 'Glaswerk Ilmenau', to: 'Glaswerk Ilmenau GmbH' },
      },
    });
    expect(events.at(-1)).toMatchObject({ type: 'change_proposed', data: { changeId: change!.id } });

    // Staff apply: the company now has the proposed values, searchable, with the history.
    const version = stored.version;
    expect(await reviewCompanyEntryChange({ changeId: change!.id, version: version + 5, apply: true })).toEqual({
      ok: false,
      error: t.changedSinceLoad,
    });
    expect(await reviewCompanyEntryChange({ changeId: change!.id, version, apply: true })).toEqual({ ok: true, data: { companyId: id } });
    expect(await companyRow(id)).toMatchObject({ name: 'Glaswerk Ilmenau GmbH', capabilities: ['Laborglas', 'Quarzglas'] });
    const found = await searchSuppliers(supplierSearchSchema.parse({ q: 'Quarzglas' }), 'staff');
    expect(found.results.map((r) => r.id)).toEqual([id]);
    const after = await eventsOf(id);
    expect(after.at(-2)).toMatchObject({ type: 'updated', actorId: erika.id });
    expect(after.at(-1)).toMatchObject({ type: 'change_reviewed', actorId: erika.id, data: { changeId: change!.id, applied: true } });
    expect(await reviewCompanyEntryChange({ changeId: change!.id, version: version + 1, apply: false })).toEqual({
      ok: false,
      error: t.changeGone,
    });
  });

  it('a rejected proposal changes nothing; a proposal overtaken by an edit cannot be applied', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    expect((await answerCompanyEntry(await correction(token, id, { description: 'Neu', city: 'Stützerbach' }))).ok).toBe(true);
    const [change] = await db.select().from(companyEntryChanges).where(eq(companyEntryChanges.companyId, id));
    // Staff change the description in between.
    await db
      .update(companies)
      .set({ description: 'Von Hand', version: sql`${companies.version} + 1` })
      .where(eq(companies.id, id));
    const version = (await companyRow(id)).version;
    const refused = await reviewCompanyEntryChange({ changeId: change!.id, version, apply: true });
    expect(refused).toEqual({ ok: false, error: t.changedSinceProposal(messages.suppliers.fields.description) });
    expect(await reviewCompanyEntryChange({ changeId: change!.id, version, apply: false })).toEqual({ ok: true, data: { companyId: id } });
    expect(await companyRow(id)).toMatchObject({ description: 'Von Hand', city: 'Ilmenau' });
    const [rejected] = await db.select().from(companyEntryChanges).where(eq(companyEntryChanges.id, change!.id));
    expect(rejected).toMatchObject({ status: 'rejected', reviewedById: erika.id });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ type: 'change_reviewed', data: { applied: false } });
  });

  it('refuses an invalid correction with German messages', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    expect(await answerCompanyEntry(await correction(token, id, { postalCode: '123', email: 'kein-at' }))).toMatchObject({
      ok: false,
      fieldErrors: { postalCode: messages.errors.postalCode, email: expect.any(String) },
    });
    expect(await db.$count(companyEntryChanges)).toBe(0);
    expect((await verifyAccessLink(token, 'company_entry')).ok).toBe(true);
  });

  it('opting out takes the company out of the public directory at once', async () => {
    const id = await glaswerk();
    const token = await sendLink(id);
    const search = supplierSearchSchema.parse({ q: 'Laborglas' });
    expect((await searchSuppliers(search, 'public')).results.map((r) => r.id)).toEqual([id]);
    const answer = { ...(await base(token, id)), choice: 'listing', publicListing: 'false' };
    expect(await answerCompanyEntry(answer)).toEqual({ ok: true, data: { pending: false, listed: false } });
    expect((await searchSuppliers(search, 'public')).total).toBe(0);
    expect((await searchSuppliers(search, 'staff')).total).toBe(1);
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      type: 'updated',
      data: { by: 'company', changes: { publicListing: { from: true, to: false } } },
    });
  });
});

describe('"geprüft": the filter and the list of long unconfirmed entries', () => {
  it('filters the search by a confirmation within 24 months and lists the others, never-confirmed first', async () => {
    const now = Date.now();
    const recent = await newCompany({ name: 'Laborbau Recent', postalCode: '99084', city: 'Erfurt', capabilities: ['Laborbau'] });
    const old = await newCompany({ name: 'Laborbau Alt', postalCode: '99084', city: 'Erfurt', capabilities: ['Laborbau'] });
    const never = await newCompany({ name: 'Laborbau Nie', postalCode: '99084', city: 'Erfurt', capabilities: ['Laborbau'] });
    await db
      .update(companies)
      .set({ verifiedAt: new Date(now - 30 * DAY) })
      .where(eq(companies.id, recent));
    await db
      .update(companies)
      .set({ verifiedAt: new Date(now - 800 * DAY) })
      .where(eq(companies.id, old));

    const all = await searchSuppliers(supplierSearchSchema.parse({ q: 'Laborbau' }), 'staff');
    expect(all.total).toBe(3);
    expect(Object.fromEntries(all.results.map((r) => [r.id, r.verified]))).toEqual({ [recent]: true, [old]: false, [never]: false });
    const verified = await searchSuppliers(supplierSearchSchema.parse({ q: 'Laborbau', verified: '1' }), 'staff');
    expect(verified.results.map((r) => r.id)).toEqual([recent]);

    // Among equal matches, the confirmed entry ranks first (it was created last: the tie-break by id would put it last).
    const unchecked = await newCompany({ name: 'Kühlraum Nord', postalCode: '99084', city: 'Erfurt', capabilities: ['Kühlraumbau'] });
    const checked = await newCompany({ name: 'Kühlraum Süd', postalCode: '99084', city: 'Erfurt', capabilities: ['Kühlraumbau'] });
    await db
      .update(companies)
      .set({ verifiedAt: new Date(now - 5 * DAY) })
      .where(eq(companies.id, checked));
    const ranked = await searchSuppliers(supplierSearchSchema.parse({ q: 'Kühlraumbau' }), 'staff');
    expect(ranked.results.map((r) => r.id)).toEqual([checked, unchecked]);
    await db.update(companies).set({ verifiedAt: null }).where(eq(companies.id, checked));
    const tied = await searchSuppliers(supplierSearchSchema.parse({ q: 'Kühlraumbau' }), 'staff');
    expect(tied.results.map((r) => r.id)).toEqual([unchecked, checked]);

    const list = await loadUnverified(1);
    expect(list.total).toBe(4);
    expect(list.rows.map((r) => r.id)).toEqual([never, unchecked, checked, old]);
    expect(await planOf(unverifiedQueries(1).rows)).toContain('companies_verified_idx');
    expect((await loadUnverified(2)).rows).toEqual([]);
  });
});
