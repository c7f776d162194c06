import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accessLinks, type AccessLink } from '../../db/schema';
import { config } from '../config';
import { signedLinkToken } from '../conversations/access-links';
import { formatDate } from '../format';
import { messages } from '../i18n';
import { enqueueMail } from '../outbox/enqueue';
import { type Need, needText } from './need';

const t = messages.availability;

/** The supplier's page for one check; the token is the link's only key. */
export const checkPageUrl = (linkId: number) => `${config().baseUrl}/supplier/check/${signedLinkToken(linkId)}`;

/** Queues the question (or its reminder) to one supplier, in the caller's transaction. */
export async function mailCheck(
  tx: Executor,
  input: { caseId: number; recipient: string; company: string; need: Need; link: AccessLink; reminder: boolean },
): Promise<void> {
  const { need, link, reminder } = input;
  await enqueueMail(tx, {
    template: reminder ? 'availability_reminder' : 'availability_check',
    recipient: input.recipient,
    // The mail carries no personal data of the requester, but it belongs to the case all the same.
    caseId: input.caseId,
    subject: reminder ? t.mail.reminderSubject(need.reference) : t.mail.subject(need.reference),
    body: t.mail.body({
      company: input.company,
      need: needText(need),
      link: checkPageUrl(link.id),
      expires: formatDate(link.expiresAt),
      reminder,
    }),
  });
}

export async function revokeLink(tx: Executor, linkId: number, now: Date): Promise<void> {
  await tx
    .update(accessLinks)
    .set({ revokedAt: now })
    .where(and(eq(accessLinks.id, linkId), isNull(accessLinks.revokedAt)));
}

/** A closed case asks nobody anything any more: its unused check links stop working. */
export async function revokeOpenCheckLinks(tx: Executor, caseId: number, now: Date): Promise<void> {
  await tx
    .update(accessLinks)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accessLinks.caseId, caseId),
        eq(accessLinks.purpose, 'availability_check'),
        isNull(accessLinks.usedAt),
        isNull(accessLinks.revokedAt),
      ),
    );
}
