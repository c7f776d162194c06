import { asc, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { caseMessages, cases, users, type CaseStatus, type MessageChannel, type MessageDirection } from '../../db/schema';

export interface ThreadMessage {
  id: number;
  direction: MessageDirection;
  channel: MessageChannel;
  subject: string;
  body: string;
  authorName: string | null;
  createdAt: Date;
}

/** The conversation of one case, oldest first. */
export async function loadMessages(caseId: number): Promise<ThreadMessage[]> {
  return db
    .select({
      id: caseMessages.id,
      direction: caseMessages.direction,
      channel: caseMessages.channel,
      subject: caseMessages.subject,
      body: caseMessages.body,
      authorName: users.name,
      createdAt: caseMessages.createdAt,
    })
    .from(caseMessages)
    .leftJoin(users, eq(users.id, caseMessages.authorId))
    .where(eq(caseMessages.caseId, caseId))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
}

export interface PublicThread {
  caseId: number;
  reference: string;
  status: CaseStatus;
  messages: ThreadMessage[];
}

/**
 * What the requester's page shows: reference, status and the messages, nothing else of the case
 * (no notes, no staff fields). Null for an erased case: there is nothing left to show.
 */
export async function loadPublicThread(caseId: number): Promise<PublicThread | null> {
  const [row] = await db
    .select({ id: cases.id, reference: cases.reference, status: cases.status, anonymisedAt: cases.anonymisedAt })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row || row.anonymisedAt) return null;
  return { caseId: row.id, reference: row.reference, status: row.status, messages: await loadMessages(row.id) };
}
