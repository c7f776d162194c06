import { eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases } from '../../db/schema';
import { storeAttachments } from '../attachments/store';
import type { CheckedFile } from '../attachments/validate';
import { config } from '../config';
import { recordCaseEvents } from '../cases/events';
import { firstResponseDue } from '../cases/first-response';
import { geocodeFromReference } from '../geo/geocode';
import { messages } from '../i18n';
import { log } from '../log';
import { notifyNewCase } from '../notifications/notify';
import { enqueueMail } from '../outbox/enqueue';
import { sectorIndex } from '../suppliers/sector-index';
import { currentConsentVersion } from './consent';
import { nextReference } from './reference';
import type { HelpRequest } from './schema';

export type SubmitResult =
  | { ok: true; reference: string; created: boolean }
  | { ok: false; conflict?: false; fieldErrors: Partial<Record<keyof HelpRequest, string>> }
  | { ok: false; conflict: true };

/**
 * Stores a validated help request as a new case, with its files, first event and confirmation
 * mail, in one transaction. With an idempotency key, a repeat of the same request returns the
 * first case; the key with another request is a conflict.
 *
 * Every statement costs about as much JavaScript as the rest of the intake together
 * (docs/benchmarks.md), so reference data comes from memory and statements that need no
 * answer from each other are issued together: postgres.js pipelines them in one write, and
 * PostgreSQL still runs them in order, each with a snapshot taken when it starts.
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

  const result = await db.transaction(async (tx) => {
    if (key) {
      // Serialises requests that share a key; the second one then finds the first's case (the
      // look-up's snapshot is taken after the lock is held, pipelined or not).
      const [, [existing]] = await Promise.all([
        tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`),
        tx.select({ reference: cases.reference, bodyHash: cases.idempotencyBodyHash }).from(cases).where(eq(cases.idempotencyKey, key)),
      ]);
      if (existing) {
        return existing.bodyHash === options.idempotency!.bodyHash ? { reference: existing.reference, created: false } : 'conflict';
      }
    }

    const reference = await nextReference(tx, now);
    const [created] = await tx
      .insert(cases)
      .values({
        reference,
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
        urgency: request.urgency,
        neededBy: request.needed_by ?? null,
        sector: request.sector ?? null,
        consentVersion: currentConsentVersion(),
        consentedAt: now,
        idempotencyKey: key ?? null,
        idempotencyBodyHash: options.idempotency?.bodyHash ?? null,
        firstResponseDueAt: firstResponseDue(now, settings.FIRST_RESPONSE_WORKING_DAYS),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    await storeAttachments(tx, { caseId: created!.id, messageId: null, files: options.files ?? [] });
    const statusUrl = `${settings.baseUrl}/request/status?ref=${reference}`;
    await Promise.all([
      recordCaseEvents(tx, [{ caseId: created!.id, type: 'submitted', data: { reference, geocoded: location !== null }, createdAt: now }]),
      enqueueMail(tx, {
        template: 'request_confirmation',
        recipient: request.email,
        caseId: created!.id,
        subject: messages.mail.confirmationSubject(reference),
        body: messages.mail.confirmationBody({ contactName: request.contact_name, reference, statusUrl }),
      }),
    ]);
    await notifyNewCase(tx, { id: created!.id, reference, category: request.category, urgency: request.urgency });
    return { reference, created: true };
  });

  if (result === 'conflict') return { ok: false, conflict: true };
  log.info({ event: result.created ? 'intake.created' : 'intake.replayed', reference: result.reference });
  return { ok: true, ...result };
}
