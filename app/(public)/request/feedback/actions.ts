'use server';

import { requesterIp } from '@/app/requester-ip';
import type { ActionResult } from '@/lib/action-result';
import { config } from '@/lib/config';
import { messages } from '@/lib/i18n';
import { recordRequesterFeedback } from '@/lib/introductions/feedback-answer';
import { feedbackSchema } from '@/lib/introductions/schema';
import { log } from '@/lib/log';
import { consume } from '@/lib/rate-limit';
import { invalidInput } from '@/lib/validation';

/**
 * Public: the signed single-use link is the requester's key to this one introduction. Which of
 * forged, expired or used it was is for the server's log only.
 */
export async function sendFeedback(raw: unknown): Promise<ActionResult<{ applied: boolean }>> {
  const parsed = feedbackSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error);
  const input = parsed.data;
  if (input.website) {
    log.info({ event: 'feedback.rejected', why: 'honeypot' });
    return { ok: false, error: messages.errors.spamSuspected };
  }
  const limit = await consume({ name: 'feedback', points: config().REPLY_RATE_LIMIT, windowSeconds: 600 }, await requesterIp());
  if (!limit.ok) return { ok: false, error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)) };
  const result = await recordRequesterFeedback(input);
  if (!result.ok) return { ok: false, error: messages.feedback.linkGoneText };
  return { ok: true, data: { applied: result.applied } };
}
