import { caseMessages } from '../../db/schema';
import { db } from '../../db/client';
import type { ActionResult } from '../action-result';
import { storeAttachments } from '../attachments/store';
import type { CheckedFile } from '../attachments/validate';
import { assertRole, type StaffUser } from '../auth/staff';
import { canTransition } from '../cases/lifecycle';
import { editableState, lastEditorName, lockCase, writeChange, type EditableState } from '../cases/update';
import { config } from '../config';
import { messages } from '../i18n';
import { enqueueMail } from '../outbox/enqueue';
import { findTemplate, renderTemplate, templateValues } from './templates';
import { replyAddress, subjectTag } from '../inbound/reply-token';
import { createAccessLink, signedLinkToken } from './access-links';
import { threadPathOf } from './thread';

export interface MessageInput {
  caseId: number;
  version: number;
  subject: string;
  body: string;
  templateKey?: string;
  /** Checked files that go with the message, in its mail as attachments. */
  files?: CheckedFile[];
}

export type SendMessageResult = ActionResult<{ version: number; messageId: number }, { current: EditableState }>;

/**
 * Writes to the requester: the message, a fresh personal link to the thread, the mail in the
 * outbox and the template's status, in one transaction against the version staff saw. Like
 * any staff change it counts as the first response.
 */
export async function sendMessage(actor: StaffUser, input: MessageInput): Promise<SendMessageResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<SendMessageResult> => {
    const current = await lockCase(tx, input.caseId);
    if (!current) return { ok: false, error: messages.cases.notFound };
    if (current.version !== input.version) {
      return { ok: false, error: messages.cases.conflict(await lastEditorName(tx, current.id)), current: editableState(current) };
    }
    if (current.anonymisedAt) return { ok: false, error: messages.conversations.caseErased };
    const template = input.templateKey ? await findTemplate(tx, input.templateKey) : undefined;
    if (input.templateKey && !template) return { ok: false, error: messages.conversations.unknownTemplate };
    const status = template?.setsStatus ?? current.status;
    if (!canTransition(current.status, status)) return { ok: false, error: messages.cases.transitionRefused(current.status, status) };

    const values = templateValues(current, actor);
    const subject = renderTemplate(input.subject, values);
    const body = renderTemplate(input.body, values);
    const now = new Date();
    const [message] = await tx
      .insert(caseMessages)
      .values({
        caseId: current.id,
        direction: 'outbound',
        channel: 'email',
        authorId: actor.id,
        subject,
        body,
        templateKey: template?.key ?? null,
        createdAt: now,
      })
      .returning({ id: caseMessages.id });
    await storeAttachments(tx, { caseId: current.id, messageId: message!.id, files: input.files ?? [] });
    const days = config().REPLY_LINK_DAYS;
    const token = signedLinkToken((await createAccessLink(tx, { purpose: 'requester_thread', caseId: current.id, days, now })).id);
    // With an inbound mailbox, a plain reply finds the case by the token in its address or subject.
    const replyTo = replyAddress(token);
    await enqueueMail(tx, {
      template: 'requester_message',
      recipient: current.email,
      caseId: current.id,
      messageId: message!.id,
      subject: replyTo
        ? `${subject} ${subjectTag(current.reference, token)}`
        : messages.conversations.mailSubject(subject, current.reference),
      body: messages.conversations.mailBody({ body, threadUrl: `${config().baseUrl}${threadPathOf(token)}`, days }),
      replyTo,
    });
    const version = await writeChange(tx, actor, current, status !== current.status ? { status } : {}, [
      { type: 'message_sent', data: { messageId: message!.id, subject, template: template?.key ?? null } },
      ...(status !== current.status ? [{ type: 'status_changed' as const, data: { from: current.status, to: status, reason: null } }] : []),
    ]);
    return { ok: true, data: { version, messageId: message!.id } };
  });
}
