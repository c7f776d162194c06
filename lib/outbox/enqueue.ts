import type { Executor } from '../../db/client';
import { outbox } from '../../db/schema';

export interface Mail {
  template: string;
  recipient: string;
  subject: string;
  body: string;
}

/** Call inside the business transaction: the mail exists exactly when the change does. */
export async function enqueueMail(tx: Executor, mail: Mail): Promise<number> {
  const [row] = await tx.insert(outbox).values(mail).returning({ id: outbox.id });
  return row!.id;
}
