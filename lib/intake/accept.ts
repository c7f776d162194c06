import { createHash } from 'node:crypto';
import { attachmentLimits } from '../attachments/store';
import { type CheckedFile, checkAttachments, type IncomingFile } from '../attachments/validate';
import { messages } from '../i18n';
import { log } from '../log';
import { checkFormEnvelope, consumeSubmission } from './form-guard';
import { fieldErrorsOf } from '../validation';
import { type HelpRequest, helpRequestSchema } from './schema';
import { submitHelpRequest } from './submit';

export type AcceptResult =
  | { ok: true; reference: string; created: boolean }
  | { ok: false; reason: 'invalid'; error: string; fieldErrors: Record<string, string> }
  | { ok: false; reason: 'rejected'; error: string }
  | { ok: false; reason: 'conflict'; error: string }
  | { ok: false; reason: 'rate_limited'; error: string; retryAfterSeconds: number };

export interface IntakeContext {
  ip: string;
  idempotencyKey?: string;
  /** Present for the web form: its honeypot and fill-time token are checked. */
  envelope?: unknown;
  /** Files sent with the request (web form); one bad file refuses the whole request. */
  files?: IncomingFile[];
}

/**
 * The one way into the queue, for the web form and the JSON API alike: validate, keep bots
 * and floods out, then store. Whatever is refused stores nothing.
 */
export async function acceptHelpRequest(input: unknown, context: IntakeContext): Promise<AcceptResult> {
  const parsed = helpRequestSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const checked = await checkAttachments(context.files ?? [], attachmentLimits());
  if (!checked.ok) return { ok: false, reason: 'invalid', error: checked.error, fieldErrors: { files: checked.error } };

  // Keys are scoped to the requester's address: another client reusing a key gets its own case.
  let idempotencyKey = context.idempotencyKey && scopedKey(parsed.data.email, context.idempotencyKey);
  if (context.envelope !== undefined) {
    const envelope = checkFormEnvelope('intake', context.envelope);
    if (!envelope.ok) return envelope;
    idempotencyKey = envelope.idempotencyKey;
  }
  const limit = await consumeSubmission('intake', context.ip);
  if (!limit.ok) return limit;

  // Keys are bound to the request: only the very same request is answered as a replay.
  const idempotency = idempotencyKey ? { key: idempotencyKey, bodyHash: fingerprint(parsed.data, checked.files) } : undefined;
  const stored = await submitHelpRequest(parsed.data, { idempotency, files: checked.files });
  if (!stored.ok && stored.conflict) {
    log.info({ event: 'intake.idempotency_conflict' });
    const error = context.envelope === undefined ? messages.errors.idempotencyConflict : messages.errors.formAlreadySent;
    return { ok: false, reason: 'conflict', error };
  }
  if (!stored.ok) {
    return { ok: false, reason: 'invalid', error: messages.request.fixErrors, fieldErrors: stored.fieldErrors };
  }
  return stored;
}

/** The validated request in schema order (and its files' contents), so the same request always hashes the same. */
function fingerprint(request: HelpRequest, files: CheckedFile[]): string {
  const hash = createHash('sha256').update(JSON.stringify(request));
  for (const file of files) hash.update(`\n${file.fileName}\n`).update(file.bytes);
  return hash.digest('base64url');
}

function scopedKey(email: string, key: string): string {
  return createHash('sha256').update(`${email.toLowerCase()}\n${key}`).digest('base64url');
}
