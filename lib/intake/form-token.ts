import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { serverSecret } from '../secret';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function sign(issuedAt: number, nonce: string): string {
  return createHmac('sha256', serverSecret()).update(`form:${issuedAt}:${nonce}`).digest('base64url');
}

/**
 * A signed timestamp and nonce rendered into the form, so the server knows when it was opened.
 * Each token is unique: lib/intake/accept.ts makes it the submission's idempotency key, so one
 * token stores at most one case.
 */
export function issueFormToken(now = Date.now()): string {
  const nonce = randomBytes(12).toString('base64url');
  return `${now}.${nonce}.${sign(now, nonce)}`;
}

export type FormTokenCheck = 'ok' | 'invalid' | 'too_fast';

/** Bots post instantly or replay old pages; people need a few seconds to fill the form. */
export function checkFormToken(token: string, minFillSeconds: number, now = Date.now()): FormTokenCheck {
  const match = /^(\d{1,15})\.([\w-]{16})\.([\w-]+)$/.exec(token);
  if (!match) return 'invalid';
  const issuedAt = Number(match[1]);
  const signature = match[3]!;
  const expected = Buffer.from(sign(issuedAt, match[2]!));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now - issuedAt;
  if (age < 0 || age > MAX_AGE_MS) return 'invalid';
  return age < minFillSeconds * 1000 ? 'too_fast' : 'ok';
}
