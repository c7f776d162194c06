import { and, asc, count, eq } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { cases, inboundMailFiles, inboundMails, type InboundMail } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { recordCaseEvents } from '../cases/events';
import { firstResponseDue } from '../cases/first-response';
import { config } from '../config';
import { messages } from '../i18n';
import { nextReference } from '../intake/reference';
import { log } from '../log';
import { checkMailFiles, type MailFile } from './files';
import { storeAttachments } from '../attachments/store';
import type { NewCaseFromMailInput } from './schema';

export type UnassignedMail = Pick<InboundMail, 'id' | 'fromAddress' | 'subject' | 'textBody' | 'receivedAt'> & { fileNames: string[] };

/** The mail no reply token matched, oldest first: staff work it off like a queue. */
export async function listUnassignedMail(actor: StaffUser): Promise<UnassignedMail[]> {
  assertRole(actor, 'expert');
  const mails = await db
    .select({
      id: inboundMails.id,
      fromAddress: inboundMails.fromAddress,
      subject: inboundMails.subject,
      textBody: inboundMails.textBody,
      receivedAt: inboundMails.receivedAt,
    })
    .from(inboundMails)
    .where(eq(inboundMails.state, 'unassigned'))
    .orderBy(asc(inboundMails.receivedAt), asc(inboundMails.id));
  const files = await db
    .select({ mailId: inboundMailFiles.inboundMailId, fileName: inboundMailFiles.fileName })
    .from(inboundMailFiles)
    .innerJoin(inboundMails, eq(inboundMails.id, inboundMailFiles.inboundMailId))
    .where(eq(inboundMails.state, 'unassigned'));
  return mails.map((m) => ({ ...m, fileNames: files.filter((f) => f.mailId === m.id).map((f) => f.fileName) }));
}

/** For the staff navigation's count. */
export async function countUnassignedMail(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(inboundMails).where(eq(inboundMails.state, 'unassigned'));
  return row?.n ?? 0;
}

/**
 * The mail while it is still unassigned, locked: of two staff members handling it at once,
 * the second finds it gone.
 */
export async function lockUnassignedMail(tx: Executor, mailId: number): Promise<InboundMail | undefined> {
  const [mail] = await tx
    .select()
    .from(inboundMails)
    .where(and(eq(inboundMails.id, mailId), eq(inboundMails.state, 'unassigned')))
    .for('update');
  return mail;
}

/** The files kept with an unassigned mail, for the case it goes to. */
export async function mailFiles(tx: Executor, mailId: number): Promise<MailFile[]> {
  return tx
    .select({ fileName: inboundMailFiles.fileName, content: inboundMailFiles.content })
    .from(inboundMailFiles)
    .where(eq(inboundMailFiles.inboundMailId, mailId))
    .orderBy(asc(inboundMailFiles.id));
}

/** The mail went to a case: its state, and no second copy of its files. */
export async function markMailHandled(
  tx: Executor,
  mailId: number,
  change: Pick<InboundMail, 'state' | 'caseId' | 'messageId' | 'handledBy'>,
) {
  await tx.delete(inboundMailFiles).where(eq(inboundMailFiles.inboundMailId, mailId));
  await tx.update(inboundMails).set(change).where(eq(inboundMails.id, mailId));
}

// A case from a mail has only what the mail says: the sender, and the text as the need.
// Postal code and city stay empty for triage to fill in; no consent was given on the form.
const CONSENT_BY_MAIL = 'mail';

/** "Neuen Fall anlegen": a case from the sender and text, in triage, tagged as from mail. */
export async function startCaseFromMail(
  actor: StaffUser,
  input: NewCaseFromMailInput,
  now = new Date(),
): Promise<ActionResult<{ caseId: number; reference: string }>> {
  assertRole(actor, 'expert');
  const result = await db.transaction(async (tx) => {
    const mail = await lockUnassignedMail(tx, input.mailId);
    if (!mail) return undefined;
    const files = await checkMailFiles(await mailFiles(tx, mail.id));
    const reference = await nextReference(tx, now);
    const [created] = await tx
      .insert(cases)
      .values({
        reference,
        organisation: mail.fromAddress.split('@')[1] ?? mail.fromAddress,
        organisationKind: 'other',
        contactName: mail.fromAddress,
        email: mail.fromAddress,
        postalCode: '',
        city: '',
        category: 'other',
        description: [mail.subject, mail.textBody, ...files.notes].filter(Boolean).join('\n\n'),
        urgency: 'flexible',
        tags: [messages.inbound.caseTag],
        consentVersion: CONSENT_BY_MAIL,
        consentedAt: mail.receivedAt,
        firstResponseDueAt: firstResponseDue(now, config().FIRST_RESPONSE_WORKING_DAYS),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    await storeAttachments(tx, { caseId: created!.id, messageId: null, files: files.accepted });
    await recordCaseEvents(tx, [
      { caseId: created!.id, type: 'submitted', data: { reference, geocoded: false }, actorId: actor.id, createdAt: now },
    ]);
    await markMailHandled(tx, mail.id, { state: 'new_case', caseId: created!.id, messageId: null, handledBy: actor.id });
    return { caseId: created!.id, reference };
  });
  if (!result) return { ok: false, error: messages.inbound.alreadyHandled };
  log.info({ event: 'inbound.new_case', mailId: input.mailId, caseId: result.caseId });
  return { ok: true, data: result };
}
