import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  CASE_EVENT_TYPES,
  caseEvents,
  caseMessages,
  cases,
  introductions,
  outbox,
  personalFields,
  shortlistEntries,
} from '../../db/schema';
import { inList } from '../../db/schema/sql-list';
import { deleteCaseAttachments } from '../attachments/store';
import { recordCaseEvents } from '../cases/events';
import { revokeCaseLinks } from '../conversations/access-links';
import { messages } from '../i18n';
import { eraseInboundMails } from '../inbound/erase';

export const ANONYMISED = messages.dataProtection.anonymisedValue;

// Per event type, the data keys that may name people (classified in db/schema/events.ts).
const PERSONAL = CASE_EVENT_TYPES.map((type) => ({ type, keys: personalFields(type) })).filter((t) => t.keys.length > 0);
const personalKeysOf = sql.raw(
  `case "case_events"."type" ${PERSONAL.map(({ type, keys }) => `when '${type}' then array[${keys.map((k) => `'${k}'`).join(', ')}]`).join(' ')} else array[]::text[] end`,
);
const anyPersonalKey = sql.raw(`array[${[...new Set(PERSONAL.flatMap((t) => t.keys))].map((k) => `'${k}'`).join(', ')}]`);

export type AnonymiseCause = { kind: 'retention' } | { kind: 'erasure'; actorId: number };

/**
 * Removes the personal data of these cases and everything hanging off them, their mails in the
 * outbox (sent or not: a pending one would still deliver the data), the conversation and
 * their files included; status, category, district, postal area, sector, dates, tags and
 * introductions with their outcomes stay for the statistics. Cases already anonymised are
 * skipped. Returns the ids changed and the stored names of files in ATTACHMENT_DIR, for
 * `removeStoredFiles` after commit.
 */
export async function anonymiseCases(
  tx: Executor,
  caseIds: number[],
  cause: AnonymiseCause,
  now = new Date(),
): Promise<{ ids: number[]; storedFiles: string[] }> {
  if (caseIds.length === 0) return { ids: [], storedFiles: [] };
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
      // Nobody can answer or be waited for any more.
      waitingSince: null,
      statusBeforeWaiting: null,
      replyUnreadSince: null,
      anonymisedAt: now,
      version: sql`${cases.version} + 1`,
    })
    .where(and(inArray(cases.id, caseIds), isNull(cases.anonymisedAt)))
    .returning({ id: cases.id });
  const ids = changed.map((row) => row.id);
  if (ids.length === 0) return { ids, storedFiles: [] };

  await tx
    .update(caseEvents)
    .set({
      data: sql`(select jsonb_object_agg(e.key, case when e.key = any(${personalKeysOf}) and jsonb_typeof(e.value) = 'string'
                   then to_jsonb(${ANONYMISED}::text) else e.value end)
                 from jsonb_each(${caseEvents.data}) e)`,
    })
    .where(
      and(
        inArray(caseEvents.caseId, ids),
        sql`${caseEvents.type} in (${inList(PERSONAL.map((t) => t.type))}) and ${caseEvents.data} ?| ${anyPersonalKey}`,
      ),
    );
  await tx
    .update(introductions)
    .set({ note: ANONYMISED })
    .where(and(inArray(introductions.caseId, ids), sql`${introductions.note} <> ''`));
  await tx
    .update(shortlistEntries)
    .set({ note: ANONYMISED })
    .where(and(inArray(shortlistEntries.caseId, ids), sql`${shortlistEntries.note} <> ''`));
  await tx.delete(outbox).where(inArray(outbox.caseId, ids));
  // Before the messages: their delete would cascade to the rows and lose the stored file names.
  const storedFiles = await deleteCaseAttachments(tx, ids);
  // The conversation is the requester's own words and staff's letters to them; the links
  // already in their mailbox must stop opening a thread that no longer exists.
  await tx.delete(caseMessages).where(inArray(caseMessages.caseId, ids));
  await revokeCaseLinks(tx, ids, now);
  await eraseInboundMails(tx, { caseIds: ids });
  await recordCaseEvents(
    tx,
    ids.map((caseId) => ({
      caseId,
      type: 'anonymised' as const,
      actorId: cause.kind === 'erasure' ? cause.actorId : null,
      data: { cause: cause.kind },
      createdAt: now,
    })),
  );
  return { ids, storedFiles };
}
