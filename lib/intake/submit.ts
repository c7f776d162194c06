import { eq, sql } from 'drizzle-orm';
import { commitBehind, db, type Executor, reusePlans, type Unawaited } from '../../db/client';
import { cases } from '../../db/schema';
import { storeAttachments } from '../attachments/store';
import type { CheckedFile } from '../attachments/validate';
import { config } from '../config';
import { firstResponseDue } from '../cases/first-response';
import { geocodeFromReference } from '../geo/geocode';
import { messages } from '../i18n';
import { log } from '../log';
import { newCaseMail, newCaseRecipients } from '../notifications/notify';
import { sectorIndex } from '../suppliers/sector-index';
import { currentConsentVersion } from './consent';
import { CASE_ID_SLOT, insertNumberedCase, type NewCaseMail, REFERENCE_SLOT } from './numbered-case';
import { referenceYear } from './reference';
import type { HelpRequest } from './schema';

export type SubmitResult =
  | { ok: true; reference: string; created: boolean }
  | { ok: false; conflict?: false; fieldErrors: Partial<Record<keyof HelpRequest, string>> }
  | { ok: false; conflict: true };

/**
 * Stores a validated help request as a new case, with its files, first event and mails, in one
 * transaction. With an idempotency key, a repeat of the same request returns the first case;
 * the key with another request is a conflict.
 *
 * Every intake waits for the year's counter row, locked from the numbering until COMMIT, so
 * that step is one statement at the very end, with COMMIT sent right behind it (`commitBehind`,
 * docs/benchmarks.md). Before it: reference data
 * from memory, and the statements that need no answer from each other, issued together
 * (postgres.js pipelines them in one write; PostgreSQL still runs them in order, each with a
 * snapshot taken when it starts).
 */
export async function submitHelpRequest(
  request: HelpRequest,
  options: { idempotency?: { key: string; bodyHash: string }; now?: Date; files?: CheckedFile[] } = {},
): Promise<SubmitResult> {
  const now = options.now ?? new Date();
  const key = options.idempotency?.key;

  if (request.sector && !(await sectorIndex()).has(request.sector)) {
    return { ok: false, fieldErrors: { sector: messages.errors.sector } };
  }
  const settings = config();
  const location = await geocodeFromReference(request.postal_code, request.city);

  let numbering: Unawaited<{ id: number; reference: string }> | undefined;
  const outcome = await db
    .transaction(async (tx) => {
      const [, staff, existing] = await Promise.all([
        reusePlans(tx),
        newCaseRecipients(tx, request.urgency),
        key ? findByIdempotencyKey(tx, key) : undefined,
      ]);
      if (existing) {
        return existing.bodyHash === options.idempotency!.bodyHash ? { reference: existing.reference, created: false } : 'conflict';
      }

      const summary = { id: CASE_ID_SLOT, reference: REFERENCE_SLOT, category: request.category, urgency: request.urgency };
      const mails: NewCaseMail[] = [
        {
          template: 'request_confirmation',
          recipient: request.email,
          subject: messages.mail.confirmationSubject(REFERENCE_SLOT),
          body: messages.mail.confirmationBody({
            contactName: request.contact_name,
            reference: REFERENCE_SLOT,
            statusUrl: `${settings.baseUrl}/request/status?ref=${REFERENCE_SLOT}`,
          }),
        },
        ...staff.map((recipient) => ({ recipient, ...newCaseMail(summary) })),
      ];
      const created = insertNumberedCase(tx, {
        year: referenceYear(now),
        geocoded: location !== null,
        mails,
        values: {
          organisation: request.organisation,
          organisationKind: request.kind,
          contactName: request.contact_name,
          email: request.email,
          phone: request.phone ?? null,
          postalCode: request.postal_code,
          city: request.city,
          districtKey: location?.districtKey ?? null,
          latitude: location?.latitude ?? null,
          longitude: location?.longitude ?? null,
          category: request.category,
          description: request.description,
          quantity: request.quantity ?? null,
          urgency: request.urgency,
          neededBy: request.needed_by ?? null,
          sector: request.sector ?? null,
          consentVersion: currentConsentVersion('request'),
          consentedAt: now,
          idempotencyKey: key ?? null,
          idempotencyBodyHash: options.idempotency?.bodyHash ?? null,
          firstResponseDueAt: firstResponseDue(now, settings.FIRST_RESPONSE_WORKING_DAYS),
          createdAt: now,
          updatedAt: now,
        },
      });
      const files = options.files ?? [];
      if (files.length === 0) {
        numbering = commitBehind(created);
        return numbering;
      }
      // Only the web form sends files, rarely: their rows follow under the counter's lock.
      const { id, reference } = await created;
      await storeAttachments(tx, { caseId: id, messageId: null, files });
      return { reference, created: true };
    })
    .catch(async (error: unknown) => {
      await numbering?.answer; // the cause, if the numbering failed and the database rolled back
      throw error;
    });

  if (outcome === 'conflict') return { ok: false, conflict: true };
  const result = 'answer' in outcome ? { reference: (await outcome.answer).reference, created: true } : outcome;
  log.info({ event: result.created ? 'intake.created' : 'intake.replayed', reference: result.reference });
  return { ok: true, ...result };
}

/**
 * The case stored under an idempotency key. Serialises requests that share the key first: the
 * second one then finds the first's case (the look-up's snapshot is taken after the lock is
 * held, pipelined or not).
 */
async function findByIdempotencyKey(tx: Executor, key: string) {
  const [, [row]] = await Promise.all([
    tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`),
    tx.select({ reference: cases.reference, bodyHash: cases.idempotencyBodyHash }).from(cases).where(eq(cases.idempotencyKey, key)),
  ]);
  return row;
}
