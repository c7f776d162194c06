import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { caseEvents, cases, outbox, referenceCounters } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { findRelatedCases, findSimilarCases, loadTimeline } from '@/lib/cases/detail';
import { loadQueue } from '@/lib/cases/queue';
import { queueFilterSchema } from '@/lib/cases/schema';
import { addNote, bulkUpdate, markDuplicate, takeCase, updateCase } from '@/lib/cases/update';
import { findPublicStatus } from '@/lib/intake/status';
import { staffUser } from '../helpers/staff-users';
import { caseEdit, newCase } from '../helpers/factories';

let erika: StaffUser;
let bernd: StaffUser;

beforeAll(async () => {
  erika = await staffUser('Erika Expertin');
  bernd = await staffUser('Bernd Berater');
});

beforeEach(async () => {
  await db.execute(sql`truncate ${cases}, ${caseEvents}, ${outbox}, ${referenceCounters} cascade`);
});

describe('updateCase', () => {
  it('records every changed field as an event with old and new value and bumps the version', async () => {
    const c = await newCase();
    const result = await updateCase(
      erika,
      caseEdit(c, { status: 'in_triage', priority: 'urgent', assigneeId: erika.id, tags: 'FFP2, Eilig' }),
    );
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    const events = await loadTimeline(c.id);
    expect(
      events.map((e) => [e.type, 'from' in e.data ? e.data.from : undefined, 'to' in e.data ? e.data.to : undefined, e.actorName]),
    ).toEqual([
      ['submitted', undefined, undefined, null],
      ['status_changed', 'new', 'in_triage', 'Erika Expertin'],
      ['priority_changed', 'normal', 'urgent', 'Erika Expertin'],
      ['assigned', null, erika.id, 'Erika Expertin'],
      ['tags_changed', [], ['FFP2', 'Eilig'], 'Erika Expertin'],
    ]);
    const [stored] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(stored!.firstRespondedAt).not.toBeNull();
    expect(await findPublicStatus(c.reference, c.email)).toMatchObject({ status: 'in_triage' });
  });

  it('refuses a save against a stale version, names who changed the case and returns its current state', async () => {
    const c = await newCase();
    expect(await updateCase(bernd, caseEdit(c, { priority: 'high' }))).toMatchObject({ ok: true });
    const stale = await updateCase(erika, caseEdit(c, { priority: 'low', status: 'searching' }));
    expect(stale).toMatchObject({
      ok: false,
      error: expect.stringContaining('Bernd Berater hat diesen Fall geändert'),
      current: { version: 2, priority: 'high', status: 'new' },
    });
    const [stored] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(stored).toMatchObject({ priority: 'high', status: 'new', version: 2 });
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const c = await newCase();
    const results = await Promise.all([
      updateCase(erika, caseEdit(c, { priority: 'urgent' })),
      updateCase(bernd, caseEdit(c, { priority: 'low' })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.type, 'priority_changed'));
    expect(events).toHaveLength(1);
  });

  it('refuses transitions outside the lifecycle and closing without a reason', async () => {
    const c = await newCase();
    const skip = await updateCase(erika, caseEdit(c, { status: 'resolved' }));
    expect(skip).toMatchObject({ ok: false, error: expect.stringContaining('nicht vorgesehen') });
    const noReason = await updateCase(erika, caseEdit(c, { status: 'rejected' }));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    const withReason = await updateCase(erika, caseEdit(c, { status: 'rejected', reason: 'Kein Bezug zu Thüringen' }));
    expect(withReason).toMatchObject({ ok: true });
    const [stored] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(stored).toMatchObject({ status: 'rejected', closeReason: 'Kein Bezug zu Thüringen', version: 2 });
  });

  it('refuses an unknown assignee', async () => {
    const c = await newCase();
    expect(await updateCase(erika, caseEdit(c, { assigneeId: 999_999 }))).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: expect.any(String) },
    });
  });
});

describe('takeCase', () => {
  it('assigns a new case to the actor and moves it to triage, with both events in the history', async () => {
    const c = await newCase();
    expect(await takeCase(erika, c.id, c.version)).toEqual({ ok: true, data: { version: 2 } });
    const [stored] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(stored).toMatchObject({ assigneeId: erika.id, status: 'in_triage', version: 2 });
    const events = await loadTimeline(c.id);
    expect(
      events.slice(1).map((e) => [e.type, 'from' in e.data ? e.data.from : undefined, 'to' in e.data ? e.data.to : undefined]),
    ).toEqual([
      ['status_changed', 'new', 'in_triage'],
      ['assigned', null, erika.id],
    ]);
  });

  it('keeps the status of a case already in work and refuses a stale version', async () => {
    const c = await newCase();
    expect(await updateCase(bernd, caseEdit(c, { status: 'searching', assigneeId: bernd.id }))).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect(await takeCase(erika, c.id, 1)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Bernd Berater'),
      current: { version: 2 },
    });
    expect(await takeCase(erika, c.id, 2)).toEqual({ ok: true, data: { version: 3 } });
    const [stored] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(stored).toMatchObject({ assigneeId: erika.id, status: 'searching' });
  });
});

describe('notes, duplicates and bulk actions', () => {
  it('stores notes verbatim in the history', async () => {
    const c = await newCase();
    const text = '<img src=x onerror=alert(1)> Rückruf vereinbart – Fr. Weiß 📞';
    expect(await addNote(erika, c.id, text)).toMatchObject({ ok: true, data: { version: 2 } });
    const note = (await loadTimeline(c.id)).find((e) => e.type === 'note');
    expect(note).toMatchObject({ data: { text }, actorName: 'Erika Expertin' });
  });

  it('marks a duplicate and links it to the original', async () => {
    const original = await newCase();
    const copy = await newCase();
    expect(await markDuplicate(erika, copy.id, original.reference.toLowerCase().toUpperCase())).toMatchObject({ ok: true });
    const [stored] = await db.select().from(cases).where(eq(cases.id, copy.id));
    expect(stored).toMatchObject({ status: 'duplicate', duplicateOfId: original.id });
    expect(await markDuplicate(erika, original.id, 'LS-1999-00001')).toMatchObject({ ok: false });
  });

  it('bulk-assigns, sets priority and closes as spam only where the lifecycle allows', async () => {
    const a = await newCase();
    const b = await newCase();
    const resolved = await newCase();
    await db.update(cases).set({ status: 'resolved' }).where(eq(cases.id, resolved.id));
    const ids = [a.id, b.id, resolved.id];
    expect(await bulkUpdate(erika, { caseIds: ids, action: 'assign', assigneeId: bernd.id })).toEqual({
      ok: true,
      data: { changed: 3, skipped: 0 },
    });
    expect(await bulkUpdate(erika, { caseIds: ids, action: 'priority', priority: 'urgent' })).toEqual({
      ok: true,
      data: { changed: 3, skipped: 0 },
    });
    expect(await bulkUpdate(erika, { caseIds: ids, action: 'spam' })).toEqual({ ok: true, data: { changed: 2, skipped: 1 } });
    const rows = await db.select().from(cases).orderBy(cases.id);
    expect(rows.map((r) => [r.status, r.priority, r.assigneeId, r.version])).toEqual([
      ['spam', 'urgent', bernd.id, 4],
      ['spam', 'urgent', bernd.id, 4],
      ['resolved', 'urgent', bernd.id, 3],
    ]);
  });
});

describe('queue', () => {
  const filter = (params: Record<string, string> = {}) => queueFilterSchema.parse(params);

  it('counts every view and filters by text, category, district and assignee', async () => {
    const now = Date.now();
    const masks = await newCase({ description: 'Wir brauchen 500 FFP2-Masken sofort für die Pflege.' }, new Date(now - 3 * 86_400_000));
    const jena = await newCase({ postal_code: '07743', city: 'Jena', category: 'capacity' });
    const closed = await newCase({ organisation: 'Spam & Co' });
    await bulkUpdate(erika, { caseIds: [jena.id], action: 'assign', assigneeId: erika.id });
    await bulkUpdate(erika, { caseIds: [closed.id], action: 'spam' });

    const all = await loadQueue(erika, filter());
    expect(all.counts).toEqual({ new: 2, mine: 1, needs_me: 0, unassigned: 1, open: 2, waiting: 0, closed: 1, all: 3 });
    // The oldest, untouched case is past its first-response target and comes first.
    expect(all.rows.map((r) => [r.reference, r.overdue])).toEqual([
      [masks.reference, true],
      [jena.reference, false],
    ]);
    expect((await loadQueue(erika, filter({ view: 'mine' }))).rows.map((r) => r.id)).toEqual([jena.id]);
    expect((await loadQueue(erika, filter({ q: 'ffp2-MASKEN' }))).rows.map((r) => r.id)).toEqual([masks.id]);
    expect((await loadQueue(erika, filter({ q: '100%_' }))).rows).toEqual([]);
    expect((await loadQueue(erika, filter({ category: 'capacity', district: '16053' }))).rows.map((r) => r.id)).toEqual([jena.id]);
    expect((await loadQueue(erika, filter({ view: 'all', assignee: 'none' }))).total).toBe(2);
    const jenaRow = (await loadQueue(erika, filter({ view: 'mine' }))).rows[0]!;
    expect(jenaRow).toMatchObject({ district: 'Jena', assigneeName: 'Erika Expertin' });
  });

  it('pages through results in a stable order', async () => {
    for (let i = 0; i < 55; i++) await newCase({ organisation: `Firma ${String(i).padStart(2, '0')}` });
    const first = await loadQueue(erika, filter({ sort: 'organisation', dir: 'asc' }));
    const second = await loadQueue(erika, filter({ sort: 'organisation', dir: 'asc', page: '2' }));
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(50);
    expect(second.rows.map((r) => r.organisation)).toEqual(['Firma 50', 'Firma 51', 'Firma 52', 'Firma 53', 'Firma 54']);
  });
});

describe('related and similar cases', () => {
  it('finds cases of the same organisation or email and cases with similar text', async () => {
    const first = await newCase({ description: 'Händedesinfektionsmittel in 5-Liter-Kanistern für 12 Arztpraxen gesucht.' });
    const sameEmail = await newCase({ organisation: 'Andere GmbH', description: 'Etwas ganz anderes: Laserschneiden von Blechen.' });
    const similar = await newCase({
      organisation: 'Praxisverbund Gotha',
      email: 'info@praxis-gotha.example',
      description: 'Händedesinfektionsmittel in 5-Liter-Kanistern für unsere Arztpraxen gesucht.',
    });
    expect((await findRelatedCases(first)).map((r) => r.id)).toEqual([sameEmail.id]);
    const found = await findSimilarCases(first);
    expect(found[0]?.id).toBe(similar.id);
    expect(found.map((r) => r.id)).not.toContain(sameEmail.id);
  });
});
