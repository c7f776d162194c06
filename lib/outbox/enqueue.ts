import type { Executor } from '../../db/client';
import { outbox } from '../../db/schema';

export interface Mail {
  template: string;
  recipient: string;
  subject: string;
  body: string;
  /** Where the recipient's answer should go, when not to MAIL_FROM. */
  replyTo?: string | null;
  /** The case whose personal data the mail carries (lib/privacy finds the mail by it), named by every caller. */
  caseId: number | null;
  /** The case message the mail delivers; its files are attached when it is sent. */
  messageId?: number | null;
}

/** Call inside the business transaction: the mail exists exactly when the change does. */
export async function enqueueMail(tx: Executor, mail: Mail): Promise<number> {
  const [row] = await tx.insert(outbox).values(mail).returning({ id: outbox.id });
  return row!.id;
}
