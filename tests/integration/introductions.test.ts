import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { caseEvents, cases, companies, companyEvents, introductions, outbox, referenceCounters, shortlistEntries } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { loadQueue } from '@/lib/cases/queue';
import { queueFilterSchema } from '@/lib/cases/schema';
import { updateCase, editableState } from '@/lib/cases/update';
import { caseUpdateSchema } from '@/lib/cases/schema';
import { candidateSearch } from '@/lib/introductions/candidates';
import { introductionFilterSchema } from '@/lib/introductions/list-schema';
import { caseIntroductions, companyIntroductions, countFollowUpsDue, listIntroductions } from '@/lib/introductions/queries';
import { changeOutcome, logIntroduction, sendIntroduction } from '@/lib/introductions/record';
import { introductionSchema, outcomeSchema } from '@/lib/introductions/schema';
import { addToShortlist, loadShortlist, removeFromShortlist } from '@/lib/introductions/shortlist';
import { saveCompany } from '@/lib/suppliers/write';
import { recordPhoneConsent } from '@/lib/availability/consent';
import { berlinDate } from '@/lib/format';
import { staffUser } from '../helpers/staff-users';
import { companyInput as company, newCase } from '../helpers/factories';

const SUPPLIERS = {
  masksJena: company({
    name: 'Thüringer Schutzausrüstung GmbH',
    postalCode: '07743',
    city: 'Jena',
    capabilities: ['Atemschutzmasken FFP2'],
    certifications: ['EN 149'],
    email: 'vertrieb@schutz.example',
    contactPerson: 'Frau Kranich',
    description: 'Herstellung von Atemschutzmasken.',
  }),
  masksErfurt: company({
    name: 'Erfurter Maskenwerk',
    postalCode: '99084',
    city: 'Erfurt',
    capabilities: ['FFP2-Masken', 'OP-Masken'],
    description: 'Masken aus Erfurt.',
  }),
  masksAltenburg: company({
    name: 'Maskenwerk Altenburg',
    postalCode: '04600',
    city: 'Altenburg',
    capabilities: ['FFP2-Masken'],
    description: 'Textile Masken und Atemschutz.',
  }),
  disinfection: company({
    name: 'Chemiewerk Bad Köstritz',
    postalCode: '07586',
    city: 'Bad Köstritz',
    capabilities: ['Händedesinfektion'],
    description: 'Desinfektionsmittel in Kanistern.',
  }),
  bakery: company({
    name: 'Mühle Großenehrich',
    postalCode: '99718',
    city: 'Greußen',
    capabilities: ['Roggenmehl'],
    description: 'Mehl aus der Region.',
  }),
} as const;
const ids = {} as Record<keyof typeof SUPPLIERS, number>;

let erika: StaffUser;
let bernd: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  bernd = await staffUser('Bernd Berater');
  await db.execute(sql`truncate ${companies}, ${companyEvents} cascade`);
  await db.transaction(async (tx) => {
    for (const [key, input] of Object.entries(SUPPLIERS)) ids[key as keyof typeof SUPPLIERS] = (await saveCompany(tx, input)).id;
  });
});

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters}, ${introductions}, ${shortlistEntries} cascade`);
});

const reload = async (id: number) => (await db.select().from(cases).where(eq(cases.id, id)))[0]!;
const eventTypes = async (caseId: number) =>
  (await db.select({ type: caseEvents.type }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.id)).map(
    (e) => e.type,
  );

const introduce = (caseId: number, companyId: number, changes: Record<string, unknown> = {}, today = '2026-11-25') =>
  logIntroduction(
    erika,
    introductionSchema.parse({
      caseId,
      companyId,
      introducedOn: '2026-11-20',
      channel: 'email',
      note: '',
      ...changes,
    }),
    today,
  );

async function outcome(introductionId: number, changes: Record<string, unknown>, actor = erika) {
  const [row] = await db.select().from(introductions).where(eq(introductions.id, introductionId));
  return changeOutcome(
    actor,
    outcomeSchema.parse({
      introductionId,
      version: row!.version,
      outcome: row!.outcome,
      followUpOn: row!.followUpOn ?? '',
      note: '',
      ...changes,
    }),
  );
}

describe('shortlist', () => {
  it('adds and removes candidates with a note, once each, and records both in the case history', async () => {
    const c = await newCase();
    expect(await addToShortlist(erika, { caseId: c.id, companyId: ids.masksJena, note: 'Hat EN 149' })).toEqual({ ok: true, data: null });
    expect(await addToShortlist(erika, { caseId: c.id, companyId: ids.masksErfurt, note: '' })).toMatchObject({ ok: true });
    const again = await addToShortlist(bernd, { caseId: c.id, companyId: ids.masksJena, note: 'doppelt' });
    expect(again).toEqual({ ok: false, error: 'Dieser Anbieter steht schon auf der Merkliste.' });

    const list = await loadShortlist(c.id);
    expect(list.map((i) => [i.name, i.note, i.addedBy])).toEqual([
      ['Thüringer Schutzausrüstung GmbH', 'Hat EN 149', 'Erika Expertin'],
      ['Erfurter Maskenwerk', '', 'Erika Expertin'],
    ]);

    expect(await removeFromShortlist(erika, { caseId: c.id, companyId: ids.masksErfurt })).toMatchObject({ ok: true });
    expect(await removeFromShortlist(erika, { caseId: c.id, companyId: ids.masksErfurt })).toMatchObject({
      ok: false,
      error: 'Dieser Anbieter steht nicht (mehr) auf der Merkliste.',
    });
    expect((await loadShortlist(c.id)).map((i) => i.name)).toEqual(['Thüringer Schutzausrüstung GmbH']);
    expect(await eventTypes(c.id)).toEqual(['submitted', 'shortlist_added', 'shortlist_added', 'shortlist_removed']);
    const [added] = await db.select().from(caseEvents).where(eq(caseEvents.type, 'shortlist_added')).limit(1);
    expect(added!.data).toMatchObject({ company: 'Thüringer Schutzausrüstung GmbH', note: 'Hat EN 149' });
  });

  it('refuses unknown cases and companies without writing anything', async () => {
    const c = await newCase();
    expect(await addToShortlist(erika, { caseId: c.id + 1000, companyId: ids.masksJena, note: '' })).toMatchObject({ ok: false });
    expect(await addToShortlist(erika, { caseId: c.id, companyId: 999_999, note: '' })).toEqual({
      ok: false,
      error: 'Diesen Anbieter gibt es nicht (mehr).',
    });
    expect(await loadShortlist(c.id)).toEqual([]);
    expect(await eventTypes(c.id)).toEqual(['submitted']);
  });
});

describe('logging introductions', () => {
  it('moves the case to "introduced" with the first introduction only, in its history', async () => {
    const c = await newCase();
    const first = await introduce(c.id, ids.masksJena, { channel: 'phone', followUpOn: '2026-11-27' });
    expect(first.ok).toBe(true);
    let current = await reload(c.id);
    expect(current.status).toBe('introduced');
    expect(current.version).toBe(c.version + 1);
    expect(current.firstRespondedAt).not.toBeNull();
    const changes = await db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(caseEvents.id);
    expect(changes.slice(1).map((e) => [e.type, e.actorId])).toEqual([
      ['introduction_logged', erika.id],
      ['status_changed', erika.id],
    ]);
    expect(changes[2]!.data).toMatchObject({ from: 'new', to: 'introduced' });

    // Staff then set the case to "waiting for feedback"; a second introduction leaves that alone.
    await updateCase(
      erika,
      caseUpdateSchema.parse({
        caseId: c.id,
        ...editableState(current),
        assigneeId: '',
        dueDate: '',
        tags: '',
        status: 'waiting_feedback',
      }),
    );
    expect((await introduce(c.id, ids.masksErfurt)).ok).toBe(true);
    current = await reload(c.id);
    expect(current.status).toBe('waiting_feedback');
    expect(await eventTypes(c.id)).toEqual(['submitted', 'introduction_logged', 'status_changed', 'status_changed', 'introduction_logged']);

    const rows = await caseIntroductions(c.id);
    expect(rows.map((r) => [r.company, r.channel, r.outcome, r.introducedBy, r.followUpOn])).toEqual([
      ['Thüringer Schutzausrüstung GmbH', 'phone', 'pending', 'Erika Expertin', '2026-11-27'],
      ['Erfurter Maskenwerk', 'email', 'pending', 'Erika Expertin', null],
    ]);
    expect((await companyIntroductions(ids.masksJena)).map((r) => r.reference)).toEqual([c.reference]);
  });

  it('refuses closed cases, unknown companies and future dates, and leaves no trace', async () => {
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
        reason: 'Kein Bedarf mehr',
      }),
    );
    expect(await introduce(c.id, ids.masksJena)).toEqual({ ok: false, error: expect.stringContaining('abgeschlossen') });
    const open = await newCase({ email: 'other@example.org' });
    expect(await introduce(open.id, 999_999)).toMatchObject({
      ok: false,
      fieldErrors: { companyId: 'Diesen Anbieter gibt es nicht (mehr).' },
    });
    expect(await introduce(open.id, ids.masksJena, { introducedOn: '2026-11-26' })).toMatchObject({
      ok: false,
      fieldErrors: { introducedOn: 'Das Datum darf nicht in der Zukunft liegen.' },
    });
    expect(await db.select().from(introductions)).toEqual([]);
    expect((await reload(open.id)).status).toBe('new');
  });

  it('validates the input in German: channel, dates, follow-up not before the introduction', () => {
    const parsed = introductionSchema.safeParse({
      caseId: 1,
      companyId: 2,
      introducedOn: '2026-11-20',
      channel: 'fax',
      note: 'x'.repeat(2001),
      followUpOn: '2026-11-19',
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toMatchObject({ channel: 'Bitte wählen Sie eine Option.', note: 'Bitte höchstens 2000 Zeichen.' });
    const order = introductionSchema.safeParse({
      caseId: 1,
      companyId: 2,
      introducedOn: '2026-11-20',
      channel: 'email',
      followUpOn: '2026-11-19',
    });
    expect(order.error!.issues[0]).toMatchObject({
      path: ['followUpOn'],
      message: 'Die Wiedervorlage kann nicht vor der Vermittlung liegen.',
    });
  });
});

describe('outcomes', () => {
  it('goes pending → in contact → agreement, records each step and refuses skipping or stale versions', async () => {
    const c = await newCase();
    const logged = await introduce(c.id, ids.masksJena, { followUpOn: '2026-11-27' });
    if (!logged.ok) throw new Error(logged.error);
    const id = logged.data.id;

    expect(await outcome(id, { outcome: 'agreement', agreementKind: 'order' })).toMatchObject({
      ok: false,
      fieldErrors: { outcome: 'Von „Offen“ kann das Ergebnis nicht direkt auf „Vereinbarung“ wechseln.' },
    });
    expect(await outcome(id, { outcome: 'in_contact', followUpOn: '2026-12-04' })).toEqual({ ok: true, data: { version: 2 } });
    // An agreement needs its kind (order or cooperation).
    expect(outcomeSchema.safeParse({ introductionId: id, version: 2, outcome: 'agreement' }).error?.issues[0]?.message).toBe(
      'Bitte wählen Sie, ob es ein Auftrag oder eine Kooperation ist.',
    );
    const stale = await changeOutcome(bernd, outcomeSchema.parse({ introductionId: id, version: 1, outcome: 'no_fit' }));
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining('Erika Expertin hat diese Vermittlung inzwischen geändert') });
    expect(await outcome(id, { outcome: 'agreement', agreementKind: 'cooperation', note: 'Rahmenvertrag' })).toMatchObject({ ok: true });

    const [row] = await db.select().from(introductions).where(eq(introductions.id, id));
    expect(row).toMatchObject({ outcome: 'agreement', agreementKind: 'cooperation', followUpOn: '2026-12-04', version: 3 });
    expect(row!.outcomeChangedAt).not.toBeNull();
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(caseEvents.id);
    expect(events.map((e) => e.type)).toEqual([
      'submitted',
      'introduction_logged',
      'status_changed',
      'introduction_outcome',
      'introduction_follow_up',
      'introduction_outcome',
    ]);
    expect(events.at(-1)!.data).toMatchObject({ from: 'in_contact', to: 'agreement', agreementKind: 'cooperation', note: 'Rahmenvertrag' });

    // A final outcome can be reopened to "in contact" only.
    expect(await outcome(id, { outcome: 'pending' })).toMatchObject({ ok: false });
    expect(await outcome(id, { outcome: 'in_contact' })).toMatchObject({ ok: true });
    expect((await db.select().from(introductions).where(eq(introductions.id, id)))[0]).toMatchObject({
      outcome: 'in_contact',
      agreementKind: null,
    });
  });

  it('stores only consistent rows: agreement kind exactly with an agreement (database constraint)', async () => {
    const c = await newCase();
    const logged = await introduce(c.id, ids.masksJena);
    if (!logged.ok) throw new Error(logged.error);
    await expect(db.update(introductions).set({ agreementKind: 'order' }).where(eq(introductions.id, logged.data.id))).rejects.toThrow();
    await expect(db.update(introductions).set({ outcome: 'agreement' }).where(eq(introductions.id, logged.data.id))).rejects.toThrow();
  });
});

describe('follow-ups', () => {
  it("lists each expert's due follow-ups and marks overdue ones in the queue", async () => {
    // The queue compares with the real date: the fixture lies around it.
    const today = berlinDate();
    const day = (offset: number) => berlinDate(new Date(Date.now() + offset * 86_400_000));
    const a = await newCase();
    const b = await newCase({ email: 'b@example.org', organisation: 'Zweite GmbH' });
    const on = { introducedOn: day(-5) };
    const overdue = await introduce(a.id, ids.masksJena, { ...on, followUpOn: day(-1) }, today);
    const dueToday = await introduce(b.id, ids.masksErfurt, { ...on, followUpOn: today }, today);
    await introduce(b.id, ids.disinfection, { ...on, followUpOn: day(5) }, today);
    const bernds = await logIntroduction(
      bernd,
      introductionSchema.parse({ caseId: a.id, companyId: ids.bakery, introducedOn: day(-5), channel: 'meeting', followUpOn: day(-4) }),
      today,
    );
    if (!overdue.ok || !dueToday.ok || !bernds.ok) throw new Error('fixture failed');

    const mine = await listIntroductions(introductionFilterSchema.parse({ view: 'mine' }), erika.id, today);
    expect(mine.rows.map((r) => r.company)).toEqual(['Thüringer Schutzausrüstung GmbH', 'Erfurter Maskenwerk']);
    expect(await countFollowUpsDue(erika.id, today)).toBe(2);
    expect(await countFollowUpsDue(bernd.id, today)).toBe(1);

    // A final outcome needs no chasing.
    await outcome(overdue.data.id, { outcome: 'no_fit' });
    expect(await countFollowUpsDue(erika.id, today)).toBe(1);

    const all = await listIntroductions(introductionFilterSchema.parse({}), erika.id, today);
    expect(all.total).toBe(4);
    const noFit = await listIntroductions(introductionFilterSchema.parse({ outcome: 'no_fit' }), erika.id, today);
    expect(noFit.rows.map((r) => r.company)).toEqual(['Thüringer Schutzausrüstung GmbH']);
    const byBernd = await listIntroductions(introductionFilterSchema.parse({ expert: String(bernd.id) }), erika.id, today);
    expect(byBernd.rows.map((r) => r.company)).toEqual(['Mühle Großenehrich']);

    const queue = await loadQueue(erika, queueFilterSchema.parse({ view: 'all' }));
    const marked = Object.fromEntries(queue.rows.map((r) => [r.reference, r.followUpOverdue]));
    // Case a: Bernd's follow-up four days ago is open and past; case b: due today, not yet overdue.
    expect(marked).toEqual({ [a.reference]: true, [b.reference]: false });
  });
});

describe('introduction text and sending', () => {
  it("sends the prepared German text to both parties through the outbox only with the supplier's consent", async () => {
    const c = await newCase();
    const refused = await introduce(c.id, ids.masksJena);
    if (!refused.ok) throw new Error(refused.error);
    expect(await sendIntroduction(erika, refused.data.id)).toMatchObject({ ok: false, error: expect.stringContaining('zugestimmt') });
    // The consent is the supplier's, recorded per case and company; the introduction only reads it.
    expect(await recordPhoneConsent(erika, { caseId: c.id, companyId: ids.masksErfurt, note: 'Herr Lenz am Telefon' })).toMatchObject({
      ok: true,
    });
    const noEmail = await introduce(c.id, ids.masksErfurt);
    if (!noEmail.ok) throw new Error(noEmail.error);
    expect(await sendIntroduction(erika, noEmail.data.id)).toMatchObject({
      ok: false,
      error: expect.stringContaining('keine E-Mail-Adresse'),
    });
    expect(await db.select().from(outbox).where(eq(outbox.template, 'introduction'))).toEqual([]);

    expect(await recordPhoneConsent(erika, { caseId: c.id, companyId: ids.masksJena, note: 'Frau Kranich am Telefon' })).toMatchObject({
      ok: true,
    });
    expect((await caseIntroductions(c.id)).map((r) => r.contactShared)).toEqual([true, true]);
    expect(await sendIntroduction(erika, refused.data.id)).toEqual({ ok: true, data: { recipients: 2 } });
    const mails = await db.select().from(outbox).where(eq(outbox.template, 'introduction')).orderBy(outbox.id);
    expect(mails.map((m) => m.recipient)).toEqual([c.email, 'vertrieb@schutz.example']);
    expect(mails[0]!.subject).toBe(`Kontaktvermittlung ${c.reference}: Thüringer Schutzausrüstung GmbH`);
    for (const text of [
      c.organisation,
      c.contactName,
      c.email,
      'Frau Kranich',
      'vertrieb@schutz.example',
      'Erika Expertin',
      '5.000 FFP2-Atemschutzmasken',
    ]) {
      expect(mails[0]!.body).toContain(text);
    }
    expect((await eventTypes(c.id)).at(-1)).toBe('introduction_sent');
  });
});

describe('candidates for a case', () => {
  it("prefills key terms of the need text that the database knows, and the requester's location", async () => {
    const c = await newCase({ description: 'Wir benötigen dringend 5.000 FFP2-Masken für unsere Pflegekräfte. Bitte schnell!' });
    const search = await candidateSearch(c);
    // "Pflegekräfte" matches no supplier and would empty the result; "Wir", "Bitte" are no needs.
    expect(search).toEqual({ q: 'FFP2-Masken', near: `${c.latitude},${c.longitude}`, radius_km: 50 });
  });

  it('falls back to the category and to all of Thuringia when nothing is near', async () => {
    const c = await newCase({
      description: 'Unsere bisherige Quelle ist ausgefallen, wir brauchen schnell Ersatz für die Produktion.',
      category: 'cooperation',
    });
    expect((await candidateSearch(c)).q).toBe('Forschung');
    const far = await newCase({
      description: 'Wir suchen Roggenmehl in großen Mengen für unsere Bäckerei.',
      postal_code: '07545',
      city: 'Gera',
    });
    expect(await candidateSearch(far)).toMatchObject({ q: 'Roggenmehl', radius_km: undefined });
  });
});
