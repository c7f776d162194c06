import { createHash } from 'node:crypto';
import { attachmentLimits } from '../attachments/store';
import { type CheckedFile, checkAttachments, type IncomingFile } from '../attachments/validate';
import { config } from '../config';
import { messages } from '../i18n';
import { log } from '../log';
import { consume } from '../rate-limit';
import { checkFormToken } from './form-token';
import { fieldErrorsOf } from '../validation';
import { formEnvelopeSchema, type HelpRequest, helpRequestSchema } from './schema';
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
  const settings = config();
  const parsed = helpRequestSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const checked = await checkAttachments(context.files ?? [], attachmentLimits());
  if (!checked.ok) return { ok: false, reason: 'invalid', error: checked.error, fieldErrors: { files: checked.error } };

  // Keys are scoped to the requester's address: another client reusing a key gets its own case.
  let idempotencyKey = context.idempotencyKey && scopedKey(parsed.data.email, context.idempotencyKey);
  if (context.envelope !== undefined) {
    const envelope = formEnvelopeSchema.safeParse(context.envelope);
    if (!envelope.success || envelope.data.website) {
      log.info({ event: 'intake.rejected', why: 'honeypot' });
      return { ok: false, reason: 'rejected', error: messages.errors.spamSuspected };
    }
    const token = checkFormToken(envelope.data.form_token, settings.INTAKE_MIN_FILL_SECONDS);
    if (token !== 'ok') {
      log.info({ event: 'intake.rejected', why: token });
      return {
        ok: false,
        reason: 'rejected',
        error: token === 'too_fast' ? messages.errors.tooFast : messages.errors.spamSuspected,
      };
    }
    // The form's own token (issued by the server, unique) is its key: a retry of the same
    // submission is a replay, and the token cannot be reused for other requests (a conflict).
    idempotencyKey = createHash('sha256').update(`form-token\n${envelope.data.form_token}`).digest('base64url');
  }

  // Every attempt counts, replays too: otherwise guessing keys would be free.
  const limit = await consume(
    { name: 'intake', points: settings.INTAKE_RATE_LIMIT, windowSeconds: settings.INTAKE_RATE_WINDOW_MINUTES * 60 },
    context.ip,
  );
  if (!limit.ok) {
    log.info({ event: 'intake.rate_limited' });
    return {
      ok: false,
      reason: 'rate_limited',
      error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)),
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }

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
