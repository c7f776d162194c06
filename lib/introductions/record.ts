import { desc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { caseEvents, companies, INTRODUCTION_EVENT_TYPES, introductions, users, type CaseEvent } from '../../db/schema';
import { inList } from '../../db/schema/sql-list';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { isClosed } from '../cases/lifecycle';
import { lockCase, writeChange } from '../cases/update';
import { berlinDate } from '../format';
import { messages } from '../i18n';
import { enqueueMail } from '../outbox/enqueue';
import { hasConsent } from '../availability/consent';
import { introductionLetter } from './letter';
import { canChangeOutcome } from './outcomes';
import type { NewIntroduction, OutcomeUpdate } from './schema';
import { companyName } from './shortlist';

const m = messages.introductions;

/**
 * Logs an introduction between a case and a company. The case's first introduction moves it
 * to "introduced"; both land in the case history in the same transaction.
 */
export async function logIntroduction(
  actor: StaffUser,
  input: NewIntroduction,
  today = berlinDate(),
): Promise<ActionResult<{ id: number }>> {
  assertRole(actor, 'expert');
  if (input.introducedOn > today) return { ok: false, error: m.errors.futureDate, fieldErrors: { introducedOn: m.errors.futureDate } };
  return db.transaction(async (tx): Promise<ActionResult<{ id: number }>> => {
    const current = await lockCase(tx, input.caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    if (isClosed(current.status)) return { ok: false, error: m.errors.caseClosed };
    const company = await companyName(tx, input.companyId);
    if (!company) return { ok: false, error: m.errors.companyNotFound, fieldErrors: { companyId: m.errors.companyNotFound } };
    const [{ earlier }] = (await tx
      .select({ earlier: sql<number>`count(*)::int` })
      .from(introductions)
      .where(eq(introductions.caseId, current.id))) as [{ earlier: number }];
    const [row] = await tx
      .insert(introductions)
      .values({
        caseId: current.id,
        companyId: input.companyId,
        introducedOn: input.introducedOn,
        channel: input.channel,
        introducedById: actor.id,
        note: input.note,
        followUpOn: input.followUpOn ?? null,
      })
      .returning({ id: introductions.id });
    const events: CaseEvent[] = [
      {
        type: 'introduction_logged',
        data: {
          introductionId: row!.id,
          companyId: input.companyId,
          company,
          channel: input.channel,
          note: input.note || null,
        },
      },
    ];
    const first = earlier === 0 && current.status !== 'introduced';
    if (first) events.push({ type: 'status_changed', data: { from: current.status, to: 'introduced', reason: null } });
    await writeChange(tx, actor, current, first ? { status: 'introduced' } : {}, events);
    return { ok: true, data: { id: row!.id } };
  });
}

async function lastEditorOf(tx: Executor, introductionId: number): Promise<string | null> {
  const [row] = await tx
    .select({ name: users.name })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(
      sql`${caseEvents.type} in (${inList(INTRODUCTION_EVENT_TYPES)}) and ${caseEvents.data}->>'introductionId' = ${String(introductionId)}`,
    )
    .orderBy(desc(caseEvents.id))
    .limit(1);
  return row?.name ?? null;
}

/** Sets an introduction's outcome and follow-up date; refused when someone saved in between. */
export async function changeOutcome(actor: StaffUser, update: OutcomeUpdate): Promise<ActionResult<{ version: number }>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<{ version: number }>> => {
    const [ref] = await tx.select({ caseId: introductions.caseId }).from(introductions).where(eq(introductions.id, update.introductionId));
    if (!ref) return { ok: false, error: m.errors.notFound };
    // The case first, as logIntroduction locks it: the same order, no deadlock.
    const current = await lockCase(tx, ref.caseId);
    const [intro] = await tx
      .select({ introduction: introductions, company: companies.name })
      .from(introductions)
      .innerJoin(companies, eq(companies.id, introductions.companyId))
      .where(eq(introductions.id, update.introductionId))
      .for('update', { of: introductions });
    if (!current || !intro) return { ok: false, error: m.errors.notFound };
    const { introduction: before, company } = intro;
    if (before.version !== update.version) return { ok: false, error: m.errors.conflict(await lastEditorOf(tx, before.id)) };
    if (!canChangeOutcome(before.outcome, update.outcome)) {
      const refused = m.errors.transitionRefused(m.outcomes[before.outcome], m.outcomes[update.outcome]);
      return { ok: false, error: refused, fieldErrors: { outcome: refused } };
    }
    const agreementKind = update.outcome === 'agreement' ? (update.agreementKind ?? null) : null;
    const followUpOn = update.followUpOn ?? null;
    const events: CaseEvent[] = [];
    const base = { introductionId: before.id, company };
    // The note goes with the (first) change it explains, or stands alone in the history.
    let note = update.note ? { note: update.note } : undefined;
    const outcomeChanged = update.outcome !== before.outcome || agreementKind !== before.agreementKind;
    if (outcomeChanged) {
      events.push({ type: 'introduction_outcome', data: { ...base, from: before.outcome, to: update.outcome, agreementKind, ...note } });
      note = undefined;
    }
    if (followUpOn !== before.followUpOn) {
      events.push({ type: 'introduction_follow_up', data: { ...base, from: before.followUpOn, to: followUpOn, ...note } });
      note = undefined;
    }
    if (note) events.push({ type: 'note', data: { text: note.note } });
    if (events.length === 0) return { ok: true, data: { version: before.version } };
    const now = new Date();
    const [row] = await tx
      .update(introductions)
      .set({
        outcome: update.outcome,
        agreementKind,
        followUpOn,
        outcomeChangedAt: outcomeChanged ? now : before.outcomeChangedAt,
        // Staff's change wins over what the requester answered through the feedback link.
        outcomeSource: outcomeChanged ? 'staff' : before.outcomeSource,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(introductions.id, before.id))
      .returning({ version: introductions.version });
    await writeChange(tx, actor, current, {}, events);
    return { ok: true, data: { version: row!.version } };
  });
}

/** Queues the introduction text to the requester and the supplier, once the supplier agreed (supplier_consents). */
export async function sendIntroduction(actor: StaffUser, introductionId: number): Promise<ActionResult<{ recipients: number }>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<{ recipients: number }>> => {
    const [ref] = await tx.select({ caseId: introductions.caseId }).from(introductions).where(eq(introductions.id, introductionId));
    if (!ref) return { ok: false, error: m.errors.notFound };
    const current = await lockCase(tx, ref.caseId);
    const [row] = await tx
      .select({ introduction: introductions, company: companies })
      .from(introductions)
      .innerJoin(companies, eq(companies.id, introductions.companyId))
      .where(eq(introductions.id, introductionId));
    if (!current || !row) return { ok: false, error: m.errors.notFound };
    if (!(await hasConsent(tx, ref.caseId, row.introduction.companyId))) return { ok: false, error: m.letter.notAgreed };
    if (!row.company.email) return { ok: false, error: m.letter.noSupplierEmail };
    const letter = introductionLetter(current, row.company, actor.name);
    for (const recipient of [current.email, row.company.email]) {
      await enqueueMail(tx, { template: 'introduction', recipient, caseId: ref.caseId, ...letter });
    }
    await writeChange(tx, actor, current, {}, [{ type: 'introduction_sent', data: { introductionId, company: row.company.name } }]);
    return { ok: true, data: { recipients: 2 } };
  });
}
