import { db } from '../../db/client';
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
import { CASE_ID_SLOT, insertNumberedCase, isIdempotencyRace, REFERENCE_SLOT } from './numbered-case';
import { referenceYear } from './reference';
import type { HelpRequest } from './schema';

export type SubmitResult =
  | { ok: true; reference: string; created: boolean }
  | { ok: false; conflict?: false; fieldErrors: Partial<Record<keyof HelpRequest, string>> }
  | { ok: false; conflict: true };

/**
 * Stores a validated help request as a new case, with its files, first event and mails. With an
 * idempotency key, a repeat of the same request returns the first case; the key with another
 * request is a conflict.
 *
 * Every intake waits for the year's counter row, locked from the numbering until COMMIT, so the
 * case is stored in one statement that commits by itself (`insertNumberedCase`); reference data
 * comes from memory, and the texts are rendered before.
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

  const summary = { id: CASE_ID_SLOT, reference: REFERENCE_SLOT, category: request.category, urgency: request.urgency };
  const newCase = {
    year: referenceYear(now),
    geocoded: location !== null,
    mails: [
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
    ],
    staffRecipients: newCaseRecipients(db, request.urgency),
    staffMail: newCaseMail(summary),
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
  };
  const files = options.files ?? [];
  const store = () =>
    files.length === 0
      ? insertNumberedCase(db, newCase)
      : // Only the web form sends files, rarely: their rows follow under the counter's lock.
        db.transaction(async (tx) => {
          const stored = await insertNumberedCase(tx, newCase);
          if (stored.created) await storeAttachments(tx, { caseId: stored.id, messageId: null, files });
          return stored;
        });
  // Asked again after losing the race for its key, a request finds the winner's case.
  const stored = await store().catch((error: unknown) => {
    if (isIdempotencyRace(error)) return store();
    throw error;
  });

  if (!stored.created && stored.bodyHash !== options.idempotency?.bodyHash) return { ok: false, conflict: true };
  log.info({ event: stored.created ? 'intake.created' : 'intake.replayed', reference: stored.reference });
  return { ok: true, reference: stored.reference, created: stored.created };
}
