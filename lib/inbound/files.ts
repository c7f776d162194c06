import type { Executor } from '../../db/client';
import { attachmentLimits, storeAttachments } from '../attachments/store';
import { recordRequesterReply, type RequesterReplyResult } from '../conversations';
import { checkAttachments, type CheckedFile } from '../attachments/validate';
import { messages } from '../i18n';

export interface MailFile {
  fileName: string;
  content: Buffer;
}

/**
 * The mail's files that pass the same checks as uploads, one by one: a mail is not refused for
 * one bad file as an upload form would be (nobody could correct it), and what was left out is
 * said in the message, with the reason, so staff can ask for it again.
 */
export async function checkMailFiles(files: MailFile[]): Promise<{ accepted: CheckedFile[]; notes: string[] }> {
  const limits = attachmentLimits();
  const accepted: CheckedFile[] = [];
  const notes: string[] = [];
  for (const file of files) {
    if (accepted.length >= limits.maxFiles) {
      notes.push(messages.inbound.fileLeftOut(file.fileName, messages.attachments.tooMany(limits.maxFiles)));
      continue;
    }
    const check = await checkAttachments([{ name: file.fileName, bytes: file.content }], limits);
    if (check.ok) accepted.push(...check.files);
    else notes.push(messages.inbound.fileLeftOut(file.fileName, check.error));
  }
  return { accepted, notes };
}

/** The mail as the requester's reply in the case, with its files, inside the caller's transaction. */
export async function recordMailReply(
  tx: Executor,
  input: { caseId: number; subject: string; body: string; files: MailFile[] },
): Promise<RequesterReplyResult> {
  const { accepted, notes } = await checkMailFiles(input.files);
  const body = [input.body, ...notes].filter(Boolean).join('\n\n');
  const reply = await recordRequesterReply(tx, { caseId: input.caseId, channel: 'email', subject: input.subject, body });
  if (reply.ok) await storeAttachments(tx, { caseId: input.caseId, messageId: reply.messageId, files: accepted });
  return reply;
}
