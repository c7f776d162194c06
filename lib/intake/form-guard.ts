import { createHash } from 'node:crypto';
import { config } from '../config';
import { messages } from '../i18n';
import { log } from '../log';
import { consume } from '../rate-limit';
import { checkFormToken } from './form-token';
import { formEnvelopeSchema } from './schema';

export type GuardRefusal =
  | { ok: false; reason: 'rejected'; error: string }
  | { ok: false; reason: 'rate_limited'; error: string; retryAfterSeconds: number };

/**
 * The spam traps of a public web form (`name` names it in the log): the honeypot must be empty
 * and the fill-time token valid and old enough. The token (issued by the server, unique) is the
 * submission's idempotency key: a retry is a replay, and the token stores nothing else.
 */
export function checkFormEnvelope(name: string, envelope: unknown): { ok: true; idempotencyKey: string } | GuardRefusal {
  const parsed = formEnvelopeSchema.safeParse(envelope);
  if (!parsed.success || parsed.data.website) {
    log.info({ event: `${name}.rejected`, why: 'honeypot' });
    return { ok: false, reason: 'rejected', error: messages.errors.spamSuspected };
  }
  const token = checkFormToken(parsed.data.form_token, config().INTAKE_MIN_FILL_SECONDS);
  if (token !== 'ok') {
    log.info({ event: `${name}.rejected`, why: token });
    return { ok: false, reason: 'rejected', error: token === 'too_fast' ? messages.errors.tooFast : messages.errors.spamSuspected };
  }
  return { ok: true, idempotencyKey: createHash('sha256').update(`form-token\n${parsed.data.form_token}`).digest('base64url') };
}

/**
 * Takes one submission from the caller's counter of the public form `name` (shared by all
 * instances in PostgreSQL). Every attempt counts, replays too: otherwise guessing keys would be free.
 */
export async function consumeSubmission(name: string, ip: string): Promise<{ ok: true } | GuardRefusal> {
  const settings = config();
  const limit = await consume({ name, points: settings.INTAKE_RATE_LIMIT, windowSeconds: settings.INTAKE_RATE_WINDOW_MINUTES * 60 }, ip);
  if (limit.ok) return limit;
  log.info({ event: `${name}.rate_limited` });
  return {
    ok: false,
    reason: 'rate_limited',
    error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)),
    retryAfterSeconds: limit.retryAfterSeconds,
  };
}
