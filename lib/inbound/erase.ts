import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { inboundMailFiles, inboundMails } from '../../db/schema';
import { messages } from '../i18n';

/**
 * Removes the personal data of fetched mails: those of anonymised cases, and (on a requester's
 * erasure) the unassigned ones from their address, which leave the list. The row itself stays:
 * its (mailbox, UIDVALIDITY, UID) is what keeps the worker from fetching the mail again.
 */
export async function eraseInboundMails(tx: Executor, of: { caseIds: number[]; fromAddress?: string }): Promise<void> {
  const conditions: SQL[] = [];
  if (of.caseIds.length > 0) conditions.push(inArray(inboundMails.caseId, of.caseIds));
  if (of.fromAddress) conditions.push(sql`lower(${inboundMails.fromAddress}) = ${of.fromAddress.trim().toLowerCase()}`);
  if (conditions.length === 0) return;
  const erased = await tx
    .update(inboundMails)
    .set({
      fromAddress: '',
      subject: messages.dataProtection.anonymisedValue,
      textBody: messages.dataProtection.anonymisedValue,
      messageIdHeader: null,
      state: sql`case when ${inboundMails.state} = 'unassigned' then 'discarded' else ${inboundMails.state} end`,
    })
    .where(or(...conditions))
    .returning({ id: inboundMails.id });
  if (erased.length > 0)
    await tx.delete(inboundMailFiles).where(
      inArray(
        inboundMailFiles.inboundMailId,
        erased.map((e) => e.id),
      ),
    );
}
