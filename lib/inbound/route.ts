import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { inboundMailFiles, inboundMails } from '../../db/schema';
import { verifyAccessLink } from '../conversations';
import { recordMailReply } from './files';
import type { ParsedMail } from './parse';
import { tokensIn } from './reply-token';

export type RouteOutcome = 'threaded' | 'unassigned';

export interface MailKey {
  mailbox: string;
  uidValidity: number;
  uid: number;
}

/**
 * Records a fetched mail inside the worker's transaction: threaded into the case its verified
 * reply token names, or else kept, with its files, for staff on the unassigned list.
 */
export async function routeMail(tx: Executor, key: MailKey, mail: ParsedMail): Promise<RouteOutcome> {
  const [row] = await tx
    .insert(inboundMails)
    .values({
      ...key,
      messageIdHeader: mail.messageId,
      fromAddress: mail.from,
      subject: mail.subject,
      textBody: mail.text,
      receivedAt: mail.receivedAt,
      state: 'unassigned',
    })
    .returning({ id: inboundMails.id });
  const caseId = await matchCase(tx, mail);
  if (caseId !== undefined) {
    // An erased case takes nothing more: such a reply waits for staff like any unmatched mail.
    const reply = await recordMailReply(tx, { caseId, subject: mail.subject, body: mail.text, files: mail.files });
    if (reply.ok) {
      await tx.update(inboundMails).set({ state: 'threaded', caseId, messageId: reply.messageId }).where(eq(inboundMails.id, row!.id));
      return 'threaded';
    }
  }
  if (mail.files.length > 0) {
    await tx.insert(inboundMailFiles).values(
      mail.files.map((f) => ({
        inboundMailId: row!.id,
        fileName: f.fileName,
        mediaType: f.mediaType,
        byteSize: f.byteSize,
        sha256: f.sha256,
        content: f.content,
      })),
    );
  }
  return 'unassigned';
}

/** The case of the first token in the mail that verifies; a forged, revoked or expired one matches nothing. */
async function matchCase(tx: Executor, mail: ParsedMail): Promise<number | undefined> {
  for (const token of tokensIn(mail)) {
    const check = await verifyAccessLink(token, 'requester_thread', { executor: tx });
    if (check.ok) return check.link.caseId!;
  }
  return undefined;
}
