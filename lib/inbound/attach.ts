import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, inboundMails } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { recordRequesterReply } from '../conversations';
import { messages } from '../i18n';
import { log } from '../log';
import type { AttachMailInput } from './schema';
import { lockUnassignedMail } from './unassigned';

/** "Einem Fall zuordnen": the mail becomes the requester's reply in the case staff named. */
export async function attachMailToCase(actor: StaffUser, input: AttachMailInput): Promise<ActionResult<{ caseId: number; reference: string }>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<{ caseId: number; reference: string }>> => {
    const mail = await lockUnassignedMail(tx, input.mailId);
    if (!mail) return { ok: false, error: messages.inbound.alreadyHandled };
    const [target] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.reference, input.reference));
    if (!target) return { ok: false, error: messages.inbound.caseNotFound, fieldErrors: { reference: messages.inbound.caseNotFound } };
    const reply = await recordRequesterReply(tx, { caseId: target.id, channel: 'email', subject: mail.subject, body: mail.textBody });
    if (!reply.ok) {
      const error = reply.reason === 'erased' ? messages.inbound.caseErased : messages.inbound.caseNotFound;
      return { ok: false, error, fieldErrors: { reference: error } };
    }
    await tx
      .update(inboundMails)
      .set({ state: 'attached', caseId: target.id, messageId: reply.messageId, handledBy: actor.id })
      .where(eq(inboundMails.id, mail.id));
    log.info({ event: 'inbound.attached', mailId: mail.id, caseId: target.id });
    return { ok: true, data: { caseId: target.id, reference: input.reference } };
  });
}
