import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { messages } from '../i18n';
import { log } from '../log';
import type { AttachMailInput } from './schema';
import { recordMailReply } from './files';
import { lockUnassignedMail, mailFiles, markMailHandled } from './unassigned';

/** "Einem Fall zuordnen": the mail becomes the requester's reply in the case staff named. */
export async function attachMailToCase(
  actor: StaffUser,
  input: AttachMailInput,
): Promise<ActionResult<{ caseId: number; reference: string }>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<{ caseId: number; reference: string }>> => {
    const mail = await lockUnassignedMail(tx, input.mailId);
    if (!mail) return { ok: false, error: messages.inbound.alreadyHandled };
    const [target] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.reference, input.reference));
    if (!target) return { ok: false, error: messages.inbound.caseNotFound, fieldErrors: { reference: messages.inbound.caseNotFound } };
    const reply = await recordMailReply(tx, {
      caseId: target.id,
      subject: mail.subject,
      body: mail.textBody,
      files: await mailFiles(tx, mail.id),
    });
    if (!reply.ok) {
      const error = reply.reason === 'erased' ? messages.inbound.caseErased : messages.inbound.caseNotFound;
      return { ok: false, error, fieldErrors: { reference: error } };
    }
    await markMailHandled(tx, mail.id, { state: 'attached', caseId: target.id, messageId: reply.messageId, handledBy: actor.id });
    log.info({ event: 'inbound.attached', mailId: mail.id, caseId: target.id });
    return { ok: true, data: { caseId: target.id, reference: input.reference } };
  });
}
