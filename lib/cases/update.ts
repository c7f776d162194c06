import { eq, inArray, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { caseEvents, cases, users, type Case, type CaseEvent } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { revokeOpenCheckLinks } from '../availability/links';
import { messages } from '../i18n';
import { log } from '../log';
import { notifyAssigned } from '../notifications/notify';
import { recordCaseEvents } from './events';
import { canTransition, isClosed, needsReason } from './lifecycle';
import { waitingChange } from './waiting';
import type { BulkInput, CaseUpdate } from './schema';

/** A refused save after someone else's carries the case as it is now. */
export type CaseChangeResult = ActionResult<{ version: number }, { current: EditableState }>;

/** The fields of a case staff edit together, as the edit form shows them. */
export interface EditableState {
  version: number;
  status: Case['status'];
  priority: Case['priority'];
  assigneeId: number | null;
  dueDate: string | null;
  tags: string[];
}

export function editableState(c: Case): EditableState {
  return { version: c.version, status: c.status, priority: c.priority, assigneeId: c.assigneeId, dueDate: c.dueDate, tags: c.tags };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The events a change produces: one per field, each with old and new value. */
function diff(current: Case, update: CaseUpdate): CaseEvent[] {
  const events: CaseEvent[] = [];
  if (update.status !== current.status) {
    events.push({ type: 'status_changed', data: { from: current.status, to: update.status, reason: update.reason ?? null } });
  }
  if (update.priority !== current.priority) {
    events.push({ type: 'priority_changed', data: { from: current.priority, to: update.priority } });
  }
  const assigneeId = update.assigneeId ?? null;
  if (assigneeId !== current.assigneeId) {
    events.push({ type: 'assigned', data: { from: current.assigneeId, to: assigneeId } });
  }
  const dueDate = update.dueDate ?? null;
  if (dueDate !== current.dueDate) events.push({ type: 'due_date_changed', data: { from: current.dueDate, to: dueDate } });
  if (!sameList(update.tags, current.tags)) events.push({ type: 'tags_changed', data: { from: current.tags, to: update.tags } });
  return events;
}

export async function lastEditorName(tx: Executor, caseId: number): Promise<string | null> {
  const [row] = await tx
    .select({ name: users.name })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(sql`${caseEvents.id} desc`)
    .limit(1);
  return row?.name ?? null;
}

/**
 * Writes the new version of a case and its history in one transaction. Refused when
 * `version` is no longer current (someone saved in between): nothing is lost or overwritten.
 */
export async function updateCase(actor: StaffUser, update: CaseUpdate): Promise<CaseChangeResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<CaseChangeResult> => {
    const current = await lockCase(tx, update.caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    if (current.version !== update.version) {
      const changedBy = await lastEditorName(tx, current.id);
      return { ok: false, error: messages.cases.conflict(changedBy), current: editableState(current) };
    }
    if (!canTransition(current.status, update.status)) {
      return {
        ok: false,
        error: messages.cases.transitionRefused(current.status, update.status),
        fieldErrors: { status: messages.cases.transitionRefused(current.status, update.status) },
      };
    }
    if (update.status !== current.status && needsReason(update.status) && !update.reason) {
      return { ok: false, error: messages.cases.reasonRequired, fieldErrors: { reason: messages.cases.reasonRequired } };
    }
    if (update.assigneeId && !(await isActiveStaff(tx, update.assigneeId))) {
      return { ok: false, error: messages.cases.unknownAssignee, fieldErrors: { assigneeId: messages.cases.unknownAssignee } };
    }
    const events = diff(current, update);
    if (events.length === 0) return { ok: true, data: { version: current.version } };
    const version = await writeChange(
      tx,
      actor,
      current,
      {
        status: update.status,
        priority: update.priority,
        assigneeId: update.assigneeId ?? null,
        dueDate: update.dueDate ?? null,
        tags: update.tags,
        closeReason: needsReason(update.status) ? (update.reason ?? null) : current.closeReason,
      },
      events,
    );
    return { ok: true, data: { version } };
  });
}

/**
 * "Übernehmen" in one click: the case becomes the actor's, and a new one moves to triage.
 * Against the version the page showed, like every edit, so nobody takes a case blind.
 */
export async function takeCase(actor: StaffUser, caseId: number, version: number): Promise<CaseChangeResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<CaseChangeResult> => {
    const current = await lockCase(tx, caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    if (current.version !== version) {
      const changedBy = await lastEditorName(tx, current.id);
      return { ok: false, error: messages.cases.conflict(changedBy), current: editableState(current) };
    }
    const status = current.status === 'new' ? 'in_triage' : current.status;
    const events = diff(current, {
      ...editableState(current),
      caseId,
      status,
      assigneeId: actor.id,
      dueDate: current.dueDate ?? undefined,
    });
    if (events.length === 0) return { ok: true, data: { version: current.version } };
    return { ok: true, data: { version: await writeChange(tx, actor, current, { status, assigneeId: actor.id }, events) } };
  });
}

async function isActiveStaff(tx: Executor, userId: number): Promise<boolean> {
  const [row] = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId));
  return row?.active === true;
}

/** The case, row-locked until the transaction ends: changes to one case happen one after another. */
export async function lockCase(tx: Executor, caseId: number): Promise<Case | undefined> {
  const [current] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  return current;
}

/**
 * Applies changed columns, bumps the version, records events and the first response: the one
 * way every staff change to a case (here and in lib/introductions) reaches the database.
 */
export async function writeChange(
  tx: Executor,
  actor: StaffUser,
  current: Case,
  values: Partial<typeof cases.$inferInsert>,
  events: CaseEvent[],
): Promise<number> {
  const now = new Date();
  const waiting = values.status && values.status !== current.status ? waitingChange(current, values.status, now) : {};
  const [row] = await tx
    .update(cases)
    .set({ ...values, ...waiting, version: current.version + 1, updatedAt: now, firstRespondedAt: current.firstRespondedAt ?? now })
    .where(eq(cases.id, current.id))
    .returning({ version: cases.version });
  await recordCaseEvents(
    tx,
    events.map((e) => ({ ...e, caseId: current.id, actorId: actor.id, createdAt: now })),
  );
  // Suppliers asked about a closed case cannot answer any more (and get no reminders).
  if (values.status && isClosed(values.status) && !isClosed(current.status)) await revokeOpenCheckLinks(tx, current.id, now);
  if (values.assigneeId !== undefined && values.assigneeId !== current.assigneeId) {
    await notifyAssigned(tx, actor, current, values.assigneeId);
  }
  log.info({ event: 'case.changed', caseId: current.id, by: actor.id, changes: events.map((e) => e.type) });
  return row!.version;
}

/** Notes only append to the history, so they never conflict with other edits. */
export async function addNote(actor: StaffUser, caseId: number, text: string): Promise<CaseChangeResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx) => {
    const current = await lockCase(tx, caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    const version = await writeChange(tx, actor, current, {}, [{ type: 'note', data: { text } }]);
    return { ok: true, data: { version } };
  });
}

/** Marks a case as a duplicate of an earlier one and links the two. */
export async function markDuplicate(actor: StaffUser, caseId: number, originalReference: string): Promise<CaseChangeResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx) => {
    const current = await lockCase(tx, caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    const [original] = await tx
      .select({ id: cases.id, reference: cases.reference })
      .from(cases)
      .where(eq(cases.reference, originalReference));
    if (!original || original.id === current.id) {
      return { ok: false, error: messages.cases.originalNotFound, fieldErrors: { originalReference: messages.cases.originalNotFound } };
    }
    if (!canTransition(current.status, 'duplicate')) {
      return { ok: false, error: messages.cases.transitionRefused(current.status, 'duplicate') };
    }
    const version = await writeChange(
      tx,
      actor,
      current,
      { status: 'duplicate', duplicateOfId: original.id, closeReason: messages.cases.duplicateReason(original.reference) },
      [
        {
          type: 'status_changed',
          data: {
            from: current.status,
            to: 'duplicate',
            reason: messages.cases.duplicateReason(original.reference),
            duplicateOf: original.reference,
          },
        },
      ],
    );
    return { ok: true, data: { version } };
  });
}

/**
 * Bulk actions from the queue. Each case gets its own events and version bump; cases the
 * lifecycle does not allow to change (e.g. closing a resolved case as spam) are skipped.
 */
export async function bulkUpdate(actor: StaffUser, input: BulkInput): Promise<ActionResult<{ changed: number; skipped: number }>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx) => {
    if (input.action === 'assign' && !(await isActiveStaff(tx, input.assigneeId)))
      return { ok: false, error: messages.cases.unknownAssignee };
    const rows = await tx.select().from(cases).where(inArray(cases.id, input.caseIds)).orderBy(cases.id).for('update');
    let changed = 0;
    for (const current of rows) {
      let values: Partial<typeof cases.$inferInsert>;
      let event: CaseEvent;
      if (input.action === 'assign') {
        if (current.assigneeId === input.assigneeId) continue;
        values = { assigneeId: input.assigneeId };
        event = { type: 'assigned', data: { from: current.assigneeId, to: input.assigneeId } };
      } else if (input.action === 'priority') {
        if (current.priority === input.priority) continue;
        values = { priority: input.priority };
        event = { type: 'priority_changed', data: { from: current.priority, to: input.priority } };
      } else {
        if (current.status === 'spam' || !canTransition(current.status, 'spam')) continue;
        values = { status: 'spam', closeReason: messages.cases.bulkSpamReason };
        event = { type: 'status_changed', data: { from: current.status, to: 'spam', reason: messages.cases.bulkSpamReason } };
      }
      await writeChange(tx, actor, current, values, [event]);
      changed++;
    }
    return { ok: true, data: { changed, skipped: input.caseIds.length - changed } };
  });
}
