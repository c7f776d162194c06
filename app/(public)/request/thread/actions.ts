'use server';

import { revalidatePath } from 'next/cache';
import { requesterIp } from '@/app/requester-ip';
import { db } from '@/db/client';
import type { ActionResult } from '@/lib/action-result';
import { checkedUploads } from '@/lib/attachments/form-data';
import { storeAttachments } from '@/lib/attachments/store';
import { config } from '@/lib/config';
import { verifyAccessLink } from '@/lib/conversations/access-links';
import { recordRequesterReply } from '@/lib/conversations/reply';
import { threadReplySchema } from '@/lib/conversations/schema';
import { loadPublicThread } from '@/lib/conversations/thread';
import { messages } from '@/lib/i18n';
import { log } from '@/lib/log';
import { consume } from '@/lib/rate-limit';
import { invalidInput } from '@/lib/validation';

const t = messages.conversations;

/**
 * Public: the signed link is the requester's key to their own case and nothing else. Files come
 * as FormData beside the typed input; one bad file refuses the reply with a German message.
 */
export async function sendThreadReply(raw: unknown, attachments?: unknown): Promise<ActionResult<null>> {
  const parsed = threadReplySchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error);
  const input = parsed.data;
  if (input.website) {
    log.info({ event: 'thread_reply.rejected', why: 'honeypot' });
    return { ok: false, error: messages.errors.spamSuspected };
  }
  const limit = await consume({ name: 'thread_reply', points: config().REPLY_RATE_LIMIT, windowSeconds: 600 }, await requesterIp());
  if (!limit.ok) return { ok: false, error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)) };
  const link = await verifyAccessLink(input.token, 'requester_thread');
  // Which of forged, expired or revoked is nobody's business but the server's log.
  if (!link.ok) {
    log.info({ event: 'thread_reply.rejected', why: link.reason });
    return { ok: false, error: t.linkGoneText };
  }
  const thread = await loadPublicThread(link.link.caseId!);
  if (!thread) return { ok: false, error: t.linkGoneText };
  const files = await checkedUploads(attachments);
  if (!files.ok) return { ok: false, error: files.error, fieldErrors: { files: files.error } };
  const result = await db.transaction(async (tx) => {
    const reply = await recordRequesterReply(tx, {
      caseId: thread.caseId,
      channel: 'web',
      subject: t.replySubject(thread.reference),
      body: input.body,
    });
    if (reply.ok) await storeAttachments(tx, { caseId: thread.caseId, messageId: reply.messageId, files: files.files });
    return reply;
  });
  if (!result.ok) return { ok: false, error: t.replyRefused };
  revalidatePath(`/request/thread/${input.token}`);
  return { ok: true, data: null };
}
