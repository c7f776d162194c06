'use server';

import { requesterIp } from '@/app/requester-ip';
import { config } from '@/lib/config';
import { messages } from '@/lib/i18n';
import { log } from '@/lib/log';
import { consume } from '@/lib/rate-limit';
import { answerEntryCheck, type EntryAnswerResult } from '@/lib/suppliers/entry-answer';
import { entryAnswerSchemaOf } from '@/lib/suppliers/entry-schema';
import { invalidInput } from '@/lib/validation';

/**
 * Public: the signed link is the company's key to its own entry and nothing else. Each of the
 * page's three forms sends its own choice; the honeypot and the rate limit come first.
 */
export async function answerCompanyEntry(raw: unknown): Promise<EntryAnswerResult> {
  const parsed = entryAnswerSchemaOf(raw).safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error);
  const input = parsed.data;
  if (input.url) {
    log.info({ event: 'entry_answer.rejected', why: 'honeypot' });
    return { ok: false, error: messages.errors.spamSuspected };
  }
  const limit = await consume({ name: 'company_entry', points: config().REPLY_RATE_LIMIT, windowSeconds: 600 }, await requesterIp());
  if (!limit.ok) return { ok: false, error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)) };
  return answerEntryCheck(input);
}
