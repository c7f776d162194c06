import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { caseEvents, cases, introductions, outbox, shortlistEntries } from '../../db/schema';
import { messages } from '../i18n';

export const ANONYMISED = messages.dataProtection.anonymisedValue;

/**
 * Keys of case event data that hold free text staff typed (notes, closing reasons) and may
 * name people. New event types must keep free text under one of these keys.
 */
export const FREE_TEXT_KEYS = ['text', 'reason', 'note', 'comment'] as const;

export type AnonymiseCause = { kind: 'retention' } | { kind: 'erasure'; actorId: number };

/**
 * Removes the personal data of these cases and everything hanging off them, their mails in the
 * outbox included (sent or not: a pending one would still deliver the data); status,
 * category, district, postal area, sector, dates, tags and introductions with their outcomes
 * stay for the statistics. Cases already anonymised are skipped. Returns the ids changed.
 */
export async function anonymiseCases(tx: Executor, caseIds: number[], cause: AnonymiseCause, now = new Date()): Promise<number[]> {
  if (caseIds.length === 0) return [];
  const changed = await tx
    .update(cases)
    .set({
      organisation: ANONYMISED,
      contactName: ANONYMISED,
      email: '',
      phone: null,
      description: ANONYMISED,
      closeReason: sql`case when ${cases.closeReason} is null then null else ${ANONYMISED} end`,
      // Derived from the email address (lib/intake/accept.ts).
      idempotencyKey: null,
      idempotencyBodyHash: null,
      anonymisedAt: now,
      version: sql`${cases.version} + 1`,
    })
    .where(and(inArray(cases.id, caseIds), isNull(cases.anonymisedAt)))
    .returning({ id: cases.id });
  const ids = changed.map((row) => row.id);
  if (ids.length === 0) return [];

  const keys = sql.raw(`array[${FREE_TEXT_KEYS.map((key) => `'${key}'`).join(', ')}]`);
  await tx
    .update(caseEvents)
    .set({
      data: sql`(select jsonb_object_agg(e.key, case when e.key = any(${keys}) and jsonb_typeof(e.value) = 'string'
                   then to_jsonb(${ANONYMISED}::text) else e.value end)
                 from jsonb_each(${caseEvents.data}) e)`,
    })
    .where(and(inArray(caseEvents.caseId, ids), sql`${caseEvents.data} ?| ${keys}`));
  await tx
    .update(introductions)
    .set({ note: ANONYMISED })
    .where(and(inArray(introductions.caseId, ids), sql`${introductions.note} <> ''`));
  await tx
    .update(shortlistEntries)
    .set({ note: ANONYMISED })
    .where(and(inArray(shortlistEntries.caseId, ids), sql`${shortlistEntries.note} <> ''`));
  await tx.delete(outbox).where(inArray(outbox.caseId, ids));
  await tx.insert(caseEvents).values(
    ids.map((caseId) => ({
      caseId,
      type: 'anonymised',
      actorId: cause.kind === 'erasure' ? cause.actorId : null,
      data: { cause: cause.kind },
      createdAt: now,
    })),
  );
  return ids;
}
