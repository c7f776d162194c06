import { eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, sectors } from '../../db/schema';
import { config } from '../config';
import { recordCaseEvents } from '../cases/events';
import { firstResponseDue } from '../cases/first-response';
import { geocodePostalCode } from '../geo/geocode';
import { messages } from '../i18n';
import { log } from '../log';
import { enqueueMail } from '../outbox/enqueue';
import { currentConsentVersion } from './consent';
import { nextReference } from './reference';
import type { HelpRequest } from './schema';

export type SubmitResult =
  | { ok: true; reference: string; created: boolean }
  | { ok: false; conflict?: false; fieldErrors: Partial<Record<keyof HelpRequest, string>> }
  | { ok: false; conflict: true };

/**
 * Stores a validated help request as a new case, with its first event and confirmation
 * mail, in one transaction. With an idempotency key, a repeat of the same request returns the
 * first case; the key with another request is a conflict.
 */
export async function submitHelpRequest(
  request: HelpRequest,
  options: { idempotency?: { key: string; bodyHash: string }; now?: Date } = {},
): Promise<SubmitResult> {
  const now = options.now ?? new Date();
  const key = options.idempotency?.key;

  if (request.sector && !(await sectorExists(request.sector))) {
    return { ok: false, fieldErrors: { sector: messages.errors.sector } };
  }

  const result = await db.transaction(async (tx) => {
    if (key) {
      // Serialises requests that share a key; the second one then finds the first's case.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
      const [existing] = await tx
        .select({ reference: cases.reference, bodyHash: cases.idempotencyBodyHash })
        .from(cases)
        .where(eq(cases.idempotencyKey, key));
      if (existing) {
        return existing.bodyHash === options.idempotency!.bodyHash ? { reference: existing.reference, created: false } : 'conflict';
      }
    }

    const location = await geocodePostalCode(tx, request.postal_code, request.city);
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
        firstResponseDueAt: firstResponseDue(now, config().FIRST_RESPONSE_WORKING_DAYS),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    await recordCaseEvents(tx, [
      { caseId: created!.id, type: 'submitted', data: { reference, geocoded: location !== null }, createdAt: now },
    ]);
    const statusUrl = `${config().baseUrl}/request/status?ref=${reference}`;
    await enqueueMail(tx, {
      template: 'request_confirmation',
      recipient: request.email,
      caseId: created!.id,
      subject: messages.mail.confirmationSubject(reference),
      body: messages.mail.confirmationBody({ contactName: request.contact_name, reference, statusUrl }),
    });
    return { reference, created: true };
  });

  if (result === 'conflict') return { ok: false, conflict: true };
  log.info({ event: result.created ? 'intake.created' : 'intake.replayed', reference: result.reference });
  return { ok: true, ...result };
}

async function sectorExists(code: string): Promise<boolean> {
  const [row] = await db.select({ code: sectors.code }).from(sectors).where(eq(sectors.code, code));
  return row !== undefined;
}
