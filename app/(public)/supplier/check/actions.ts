'use server';

import { requesterIp } from '@/app/requester-ip';
import type { ActionResult } from '@/lib/action-result';
import { recordAvailabilityAnswer } from '@/lib/availability/answer';
import { availabilityAnswerSchema } from '@/lib/availability/schema';
import { config } from '@/lib/config';
import { verifyAccessLink } from '@/lib/conversations/access-links';
import { messages } from '@/lib/i18n';
import { log } from '@/lib/log';
import { consume } from '@/lib/rate-limit';
import { invalidInput } from '@/lib/validation';

const t = messages.availability;

/** Public: the signed link is the supplier's key to this one question, answered once. */
export async function answerAvailabilityCheck(raw: unknown): Promise<ActionResult<{ consent: boolean }>> {
  const parsed = availabilityAnswerSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error);
  const input = parsed.data;
  if (input.website) {
    log.info({ event: 'availability_answer.rejected', why: 'honeypot' });
    return { ok: false, error: messages.errors.spamSuspected };
  }
  const limit = await consume(
    { name: 'availability_answer', points: config().AVAILABILITY_RATE_LIMIT, windowSeconds: 600 },
    await requesterIp(),
  );
  if (!limit.ok) return { ok: false, error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)) };
  const link = await verifyAccessLink(input.token, 'availability_check');
  if (!link.ok) {
    log.info({ event: 'availability_answer.rejected', why: link.reason });
    return { ok: false, error: link.reason === 'used' ? t.usedText : t.linkGoneText };
  }
  const stored = await recordAvailabilityAnswer(link.link.id, input);
  if (!stored.ok) return { ok: false, error: t.answerRefused };
  return { ok: true, data: { consent: stored.consent } };
}
