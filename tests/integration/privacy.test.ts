import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import {
  caseEvents,
  cases,
  companies,
  introductions,
  outbox,
  privacyErasures,
  referenceCounters,
  shortlistEntries,
  supplierConsents,
} from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { findRelatedCases, findSimilarCases } from '@/lib/cases/detail';
import { caseUpdateSchema } from '@/lib/cases/schema';
import { addNote, editableState, updateCase } from '@/lib/cases/update';
import { CONSENT_VERSION } from '@/lib/intake/consent';
import { findPublicStatus } from '@/lib/intake/status';
import { sendIntroduction } from '@/lib/introductions/record';
import { ANONYMISED } from '@/lib/privacy/anonymise';
import { emailHash, eraseRequester, exportRequester, findRequester } from '@/lib/privacy/requester';
import { runRetention, startRetentionWorker } from '@/lib/privacy/retention';
import { staffUser } from '../helpers/staff-users';
import { newCase } from '../helpers/factories';

let erika: StaffUser;
let anna: StaffUser;
let companyId: number;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  anna = await staffUser('Anna Admin', 'admin');
  const [company] = await db
    .insert(companies)
    .values({ name: 'Thüringer Maskenwerk GmbH', postalCode: '99084', city: 'Erfurt' })
    .returning({ id: companies.id });
  companyId = company!.id;
});

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${privacyErasures} cascade`);
});

afterEach(() => {
  delete process.env.PRIVACY_POLICY_FILE;
  delete process.env.RETENTION_MONTHS;
});

// A requester whose details must vanish, and one who must stay untouched.
const WEISS = {
  organisation: 'Weiß Feinmechanik e. K.',
  contact_name: 'Jürgen Weiß',
  email: 'j.weiss@weiss-feinmechanik.de',
  phone: '+49 361 765432',
  description: 'Wir brauchen dringend 2.000 Nitrilhandschuhe, bitte Rückruf an Jürgen Weiß unter 0361 765432.',
  sector: '32.50',
};
const NOTE = 'Herr Weiß erreichbar unter 0171 2233445, Ehefrau Petra Weiß nimmt ab.';
const REASON = 'Herr Weiß hat sich anderweitig versorgt.';
const SECRETS = ['Weiß', 'weiss', '765432', '2233445', 'Petra', 'Jürgen'];

/** A case with a note, a closing reason, an introduction and a shortlist entry, last changed at `lastChange`. */
async function workedCase(overrides: Partial<typeof WEISS>, status: 'rejected' | 'searching', lastChange: Date) {
  const c = await newCase(overrides, new Date(lastChange.getTime() - 30 * 86_400_000));
  expect(await addNote(erika, c.id, NOTE)).toMatchObject({ ok: true });
  const [current] = await db.select().from(cases).where(eq(cases.id, c.id));
  const update = caseUpdateSchema.parse({
    caseId: c.id,
    ...editableState(current!),
    assigneeId: '',
    dueDate: '',
    tags: 'Handschuhe',
    status,
    reason: status === 'rejected' ? REASON : '',
  });
  expect(await updateCase(erika, update)).toMatchObject({ ok: true });
  await db.insert(introductions).values({
    caseId: c.id,
    companyId,
    introducedOn: '2026-12-01',
    channel: 'phone',
    introducedById: erika.id,
    note: 'Frau Petra Weiß wünscht Angebot per Fax.',
    outcome: 'agreement',
    agreementKind: 'order',
  });
  await db.insert(shortlistEntries).values({ caseId: c.id, companyId, note: 'Passt für Herrn Weiß', addedById: erika.id });
  await db.update(cases).set({ updatedAt: lastChange }).where(eq(cases.id, c.id));
  await db.update(outbox).set({ status: 'sent', createdAt: lastChange, sentAt: lastChange });
  const [row] = await db.select().from(cases).where(eq(cases.id, c.id));
  return row!;
}

/** Everything stored about these cases (and all mails), as one text to search in. */
async function storedText(caseIds: number[]): Promise<string> {
  const ids = sql.join(
    caseIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const parts = await Promise.all([
    db.select({ t: sql<string>`row_to_json(c)::text` }).from(sql`cases c`).where(sql`c.id in (${ids})`),
    db.select({ t: sql<string>`row_to_json(e)::text` }).from(sql`case_events e`).where(sql`e.case_id in (${ids})`),
    db.select({ t: sql<string>`row_to_json(i)::text` }).from(sql`introductions i`).where(sql`i.case_id in (${ids})`),
    db.select({ t: sql<string>`row_to_json(s)::text` }).from(sql`shortlist_entries s`).where(sql`s.case_id in (${ids})`),
    db.select({ t: sql<string>`row_to_json(o)::text` }).from(sql`outbox o`),
    db.select({ t: sql<string>`row_to_json(p)::text` }).from(sql`privacy_erasures p`),
  ]);
  return parts
    .flat()
    .map((p) => p.t)
    .join('\n');
}

function expectNoSecrets(text: string) {
  for (const secret of SECRETS) expect(text.toLowerCase(), secret).not.toContain(secret.toLowerCase());
}

describe('consent version', () => {
  it('stores the version each request was given under, and a new one when the privacy policy file changes', async () => {
    const builtIn = await newCase();
    expect(builtIn.consentVersion).toBe(CONSENT_VERSION);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lotse-policy-')), 'datenschutz.txt');
    writeFileSync(file, '# Datenschutz\n\nFassung A');
    process.env.PRIVACY_POLICY_FILE = file;
    const underA = await newCase({ email: 'a@example.org' });
    writeFileSync(file, '# Datenschutz\n\nFassung B');
    const underB = await newCase({ email: 'b@example.org' });

    expect(underA.consentVersion).toMatch(new RegExp(`^${CONSENT_VERSION}\\+[0-9a-f]{12}$`));
    expect(underB.consentVersion).toMatch(new RegExp(`^${CONSENT_VERSION}\\+[0-9a-f]{12}$`));
    expect(underB.consentVersion).not.toBe(underA.consentVersion);
    // Earlier cases keep the version they were given under.
    const [again] = await db.select().from(cases).where(eq(cases.id, builtIn.id));
    expect(again!.consentVersion).toBe(CONSENT_VERSION);
  });
});

describe('retention job', () => {
  const NOW = new Date('2029-01-15T03:00:00Z');

  it('anonymises closed cases past the period, keeps the statistics, and is idempotent', async () => {
    const old = await workedCase(WEISS, 'rejected', new Date('2026-12-01T10:00:00Z')); // 25 months before NOW
    const recent = await workedCase({ email: 'recent@example.org' }, 'rejected', new Date('2027-02-01T10:00:00Z'));
    const open = await workedCase({ email: 'open@example.org' }, 'searching', new Date('2026-01-01T10:00:00Z'));
    const eventsBefore = await db.select().from(caseEvents).where(eq(caseEvents.caseId, old.id)).orderBy(asc(caseEvents.id));

    // The old case's mail goes with the case; the two others are past the period by date.
    expect(await runRetention({ now: NOW })).toEqual({ cases: 1, mails: 2 });
    expect(await db.select().from(outbox).where(eq(outbox.caseId, old.id))).toEqual([]);

    const [after] = await db.select().from(cases).where(eq(cases.id, old.id));
    expect(after).toMatchObject({
      organisation: ANONYMISED,
      contactName: ANONYMISED,
      email: '',
      phone: null,
      description: ANONYMISED,
      closeReason: ANONYMISED,
      idempotencyKey: null,
      idempotencyBodyHash: null,
      anonymisedAt: NOW,
      version: old.version + 1,
      // The statistics stay.
      status: 'rejected',
      category: old.category,
      organisationKind: old.organisationKind,
      districtKey: old.districtKey,
      postalCode: old.postalCode,
      sector: old.sector,
      tags: ['Handschuhe'],
      createdAt: old.createdAt,
      updatedAt: old.updatedAt,
      consentVersion: old.consentVersion,
    });
    expect(old.districtKey).not.toBeNull();

    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, old.id)).orderBy(asc(caseEvents.id));
    expect(events.slice(0, -1).map((e) => e.type)).toEqual(eventsBefore.map((e) => e.type));
    expect(events.find((e) => e.type === 'note')!.data).toEqual({ text: ANONYMISED });
    expect(events.find((e) => e.type === 'status_changed')!.data).toEqual({ from: 'new', to: 'rejected', reason: ANONYMISED });
    expect(events.at(-1)).toMatchObject({ type: 'anonymised', actorId: null, data: { cause: 'retention' }, createdAt: NOW });
    const [intro] = await db.select().from(introductions).where(eq(introductions.caseId, old.id));
    expect(intro).toMatchObject({ note: ANONYMISED, outcome: 'agreement', agreementKind: 'order', channel: 'phone', companyId });
    expectNoSecrets(await storedText([old.id]));
    expect(await findPublicStatus(old.reference, WEISS.email)).toBeNull();

    for (const kept of [recent, open]) {
      const [row] = await db.select().from(cases).where(eq(cases.id, kept.id));
      expect(row).toMatchObject({ anonymisedAt: null, description: kept.description, email: kept.email });
    }

    // A second run finds nothing left to do and writes nothing.
    const [eventCount] = await db.select({ n: sql<number>`count(*)::int` }).from(caseEvents);
    expect(await runRetention({ now: NOW })).toEqual({ cases: 0, mails: 0 });
    const [eventCountAgain] = await db.select({ n: sql<number>`count(*)::int` }).from(caseEvents);
    expect(eventCountAgain).toEqual(eventCount);
  });

  it('takes the period from RETENTION_MONTHS and counts calendar months', async () => {
    const old = await workedCase(WEISS, 'rejected', new Date('2026-12-01T10:00:00Z'));
    process.env.RETENTION_MONTHS = '36';
    expect(await runRetention({ now: NOW })).toMatchObject({ cases: 0 });
    process.env.RETENTION_MONTHS = '25';
    // 25 months before 15 Jan 2029 03:00 is 15 Dec 2026 03:00: the case (1 Dec) is past it.
    expect(await runRetention({ now: NOW })).toMatchObject({ cases: 1 });
    const [row] = await db.select().from(cases).where(eq(cases.id, old.id));
    expect(row!.anonymisedAt).toEqual(NOW);
  });

  it('keeps mails still waiting to be sent, unless they belong to a case it anonymises', async () => {
    await workedCase(WEISS, 'rejected', new Date('2026-12-01T10:00:00Z'));
    const recent = await newCase({ email: 'other@example.org', contact_name: 'Olga Ohnesorg' });
    await db.update(outbox).set({ status: 'pending', sentAt: null, createdAt: new Date('2026-12-01T10:00:00Z') });
    expect(await runRetention({ now: NOW })).toEqual({ cases: 1, mails: 0 });
    expect(await db.select({ caseId: outbox.caseId }).from(outbox)).toEqual([{ caseId: recent.id }]);
  });

  it('runs inside each app instance shortly after start and then every RETENTION_INTERVAL_MINUTES', async () => {
    const first = await workedCase(WEISS, 'rejected', new Date('2020-01-01T00:00:00Z'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    process.env.RETENTION_INTERVAL_MINUTES = '30';
    const stop = startRetentionWorker();
    try {
      const anonymisedAt = async (id: number) => (await db.select().from(cases).where(eq(cases.id, id)))[0]!.anonymisedAt;
      await vi.advanceTimersByTimeAsync(14_000);
      expect(await anonymisedAt(first.id)).toBeNull();
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(async () => expect(await anonymisedAt(first.id)).not.toBeNull(), { timeout: 10_000, interval: 50 });

      const second = await workedCase({ email: 'spaeter@example.org' }, 'rejected', new Date('2020-01-01T00:00:00Z'));
      await vi.advanceTimersByTimeAsync(29 * 60_000);
      expect(await anonymisedAt(second.id)).toBeNull();
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(async () => expect(await anonymisedAt(second.id)).not.toBeNull(), { timeout: 10_000, interval: 50 });
    } finally {
      stop();
      vi.useRealTimers();
      delete process.env.RETENTION_INTERVAL_MINUTES;
    }
  });

  it('does each case exactly once when several instances run it at the same time', async () => {
    const closedAt = new Date('2026-06-01T00:00:00Z');
    const base = await newCase();
    const { id: _id, reference: _ref, ...template } = base;
    await db.insert(cases).values(
      Array.from({ length: 450 }, (_, i) => ({
        ...template,
        reference: `LS-2026-9${String(i).padStart(4, '0')}`,
        idempotencyKey: null,
        status: 'resolved' as const,
        updatedAt: closedAt,
      })),
    );
    const runs = await Promise.all([runRetention({ now: NOW }), runRetention({ now: NOW }), runRetention({ now: NOW })]);
    expect(runs.reduce((sum, r) => sum + r.cases, 0)).toBe(450);
    const [counts] = await db
      .select({
        anonymised: sql<number>`count(*) filter (where ${cases.anonymisedAt} is not null)::int`,
        events: sql<number>`(select count(*)::int from case_events where type = 'anonymised')`,
      })
      .from(cases);
    expect(counts).toEqual({ anonymised: 450, events: 450 });
  });
});

describe('mails to suppliers about a requester (Art. 15/17 DSGVO)', () => {
  const SUPPLIER = 'vertrieb@maskenwerk.example';

  /** A case whose introduction mail went out to the requester and the supplier. */
  async function introducedCase(lastChange = new Date('2027-06-01T10:00:00Z')) {
    const c = await workedCase(WEISS, 'rejected', lastChange);
    await db.update(companies).set({ email: SUPPLIER }).where(eq(companies.id, companyId));
    await db
      .insert(supplierConsents)
      .values({ caseId: c.id, companyId, source: 'staff_phone', recordedById: erika.id, note: 'am Telefon' });
    const [intro] = await db.select().from(introductions).where(eq(introductions.caseId, c.id));
    expect(await sendIntroduction(erika, intro!.id)).toMatchObject({ ok: true });
    const [toSupplier] = await db.select().from(outbox).where(eq(outbox.recipient, SUPPLIER));
    expect(toSupplier!.body).toContain('Weiß');
    return { case: c, toSupplier: toSupplier! };
  }

  it('are part of the requester’s export', async () => {
    await introducedCase();
    const data = await exportRequester(WEISS.email);
    expect(data.mails.map((m) => m.recipient)).toContain(SUPPLIER);
  });

  it('are deleted by the erasure, a pending one before it is sent', async () => {
    const { case: c } = await introducedCase();
    expect(await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.recipient, SUPPLIER))).toEqual([{ status: 'pending' }]);
    const result = await eraseRequester(anna, WEISS.email, new Date('2027-07-01T09:00:00Z'));
    expect(result).toEqual({ cases: 1, mails: 3, offers: 0 });
    expect(await db.select().from(outbox)).toEqual([]);
    expectNoSecrets(await storedText([c.id]));
  });

  it('are deleted when retention anonymises their case', async () => {
    await introducedCase(new Date('2026-12-01T10:00:00Z'));
    await db
      .update(outbox)
      .set({ status: 'sent', createdAt: new Date('2028-12-01T10:00:00Z') })
      .where(eq(outbox.recipient, SUPPLIER));
    expect(await runRetention({ now: new Date('2029-01-15T03:00:00Z') })).toMatchObject({ cases: 1 });
    expect(await db.select().from(outbox).where(eq(outbox.recipient, SUPPLIER))).toEqual([]);
  });
});

describe('requester export and erasure', () => {
  async function requesterWithTwoCases() {
    const closed = await workedCase(WEISS, 'rejected', new Date('2027-06-01T10:00:00Z'));
    const open = await newCase({ ...WEISS, email: 'J.Weiss@Weiss-Feinmechanik.de' });
    const other = await newCase({ email: 'other@example.org', contact_name: 'Olga Ohnesorg' });
    return { closed, open, other };
  }

  it('exports everything stored about the address, and nothing about anyone else', async () => {
    const { closed, open } = await requesterWithTwoCases();
    const data = await exportRequester('  J.WEISS@weiss-feinmechanik.de ');
    expect(data.email).toBe(WEISS.email);
    // Oldest first (the fixture dates the closed case in 2027).
    expect(data.cases.map((c) => c.reference)).toEqual([open.reference, closed.reference]);
    const first = data.cases[1]!;
    expect(first).toMatchObject({ contactName: 'Jürgen Weiß', phone: WEISS.phone, description: WEISS.description, closeReason: REASON });
    expect(first.events.map((e) => e.type).sort()).toEqual(['note', 'status_changed', 'submitted', 'tags_changed']);
    expect(first.events.find((e) => e.type === 'note')!.data).toEqual({ text: NOTE });
    expect(first.introductions).toEqual([
      expect.objectContaining({
        company: 'Thüringer Maskenwerk GmbH',
        outcome: 'agreement',
        note: 'Frau Petra Weiß wünscht Angebot per Fax.',
      }),
    ]);
    expect(first.shortlist).toEqual([expect.objectContaining({ company: 'Thüringer Maskenwerk GmbH', note: 'Passt für Herrn Weiß' })]);
    expect(data.mails).toHaveLength(2);
    expect(data.mails.every((m) => m.recipient.toLowerCase() === WEISS.email)).toBe(true);
    expect(JSON.stringify(data)).not.toContain('other@example.org');
    expect(JSON.stringify(data)).not.toContain('Ohnesorg');
  });

  it('erases: anonymises the cases, deletes the mails, records who erased how much without the address', async () => {
    const { closed, open, other } = await requesterWithTwoCases();
    const erasedAt = new Date('2027-07-01T09:00:00Z');

    expect(await eraseRequester(anna, WEISS.email.toUpperCase(), erasedAt)).toEqual({ cases: 2, mails: 2, offers: 0 });

    expectNoSecrets(await storedText([closed.id, open.id]));
    for (const id of [closed.id, open.id]) {
      const [row] = await db.select().from(cases).where(eq(cases.id, id));
      expect(row).toMatchObject({ anonymisedAt: erasedAt, email: '', contactName: ANONYMISED });
      const marks = await db.select().from(caseEvents).where(sql`${caseEvents.caseId} = ${id} and ${caseEvents.type} = 'anonymised'`);
      expect(marks).toEqual([expect.objectContaining({ actorId: anna.id, data: { cause: 'erasure' }, createdAt: erasedAt })]);
    }
    const [audit] = await db.select().from(privacyErasures);
    expect(audit).toMatchObject({
      actorId: anna.id,
      caseIds: [closed.id, open.id].sort((a, b) => a - b),
      mailsDeleted: 2,
      createdAt: erasedAt,
    });
    expect(audit!.emailHash).toBe(emailHash(WEISS.email));
    expect(audit!.emailHash).not.toContain('weiss');

    // The open case leaves the queue; the closed one keeps its status.
    const statuses = await db
      .select({ id: cases.id, status: cases.status, closeReason: cases.closeReason })
      .from(cases)
      .where(sql`${cases.id} in (${closed.id}, ${open.id})`);
    expect(statuses).toEqual(
      expect.arrayContaining([
        { id: closed.id, status: 'rejected', closeReason: ANONYMISED },
        { id: open.id, status: 'rejected', closeReason: 'Daten auf Wunsch der anfragenden Person gelöscht' },
      ]),
    );
    const openEvents = await db.select().from(caseEvents).where(eq(caseEvents.caseId, open.id)).orderBy(asc(caseEvents.id));
    expect(openEvents.map((e) => [e.type, e.actorId, e.data])).toEqual([
      ['submitted', null, { reference: open.reference, geocoded: true }],
      ['anonymised', anna.id, { cause: 'erasure' }],
      ['status_changed', anna.id, { from: 'new', to: 'rejected', reason: 'Daten auf Wunsch der anfragenden Person gelöscht' }],
    ]);

    // The other requester is untouched.
    const [untouched] = await db.select().from(cases).where(eq(cases.id, other.id));
    expect(untouched).toMatchObject({ email: 'other@example.org', contactName: 'Olga Ohnesorg', anonymisedAt: null });
    expect(await db.select().from(outbox)).toEqual([expect.objectContaining({ recipient: 'other@example.org' })]);

    // A later search for the address shows the anonymised cases and the erasure.
    const found = await findRequester(WEISS.email);
    expect(found.cases.map((c) => [c.id, c.organisation, c.anonymisedAt])).toEqual(
      expect.arrayContaining([
        [closed.id, ANONYMISED, erasedAt],
        [open.id, ANONYMISED, erasedAt],
      ]),
    );
    expect(found.erasures).toEqual([expect.objectContaining({ actorName: 'Anna Admin', createdAt: erasedAt })]);
    expect((await exportRequester(WEISS.email)).cases).toEqual([]);

    // Erasing again finds nothing personal left.
    expect(await eraseRequester(anna, WEISS.email)).toBeNull();
    expect(await db.select().from(privacyErasures)).toHaveLength(1);
  });

  it('is for admins only', async () => {
    await requesterWithTwoCases();
    await expect(eraseRequester(erika, WEISS.email)).rejects.toThrow();
    expect(await db.select().from(privacyErasures)).toHaveLength(0);
    expect((await exportRequester(WEISS.email)).cases).toHaveLength(2);
  });

  it('no longer links anonymised cases as related or similar', async () => {
    const first = await newCase({ email: 'eins@example.org', organisation: 'Anonym GmbH' });
    const second = await newCase({ email: 'zwei@example.org', organisation: 'Anonym GmbH' });
    const third = await newCase({ email: 'drei@example.org' });
    expect((await findRelatedCases(first)).map((r) => r.id)).toEqual([second.id]);
    await eraseRequester(anna, 'zwei@example.org');
    await eraseRequester(anna, 'drei@example.org');
    const [anonymisedSecond] = await db.select().from(cases).where(eq(cases.id, second.id));
    expect(await findRelatedCases(first)).toEqual([]);
    expect(await findRelatedCases(anonymisedSecond!)).toEqual([]);
    expect(await findSimilarCases(anonymisedSecond!)).toEqual([]);
    expect((await findSimilarCases(first)).map((r) => r.id)).not.toContain(third.id);
  });
});
