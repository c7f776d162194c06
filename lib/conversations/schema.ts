import { z } from 'zod';
import { CASE_STATUSES } from '../../db/schema';
import { messages } from '../i18n';
import { id, multiLine, optional, singleLine } from '../validation';
import { unknownVariables } from './template-text';

/** Text whose `{{…}}` must all be known template variables. */
const withKnownVariables = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((text, ctx) => {
    const unknown = unknownVariables(text);
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: messages.conversations.unknownVariables(unknown) });
  });

export const LIMITS = { subject: 200, body: 10_000, reply: 5_000 } as const;

/** Staff writing to the requester from the case page. */
export const messageSchema = z.object({
  caseId: id,
  version: id,
  subject: singleLine(LIMITS.subject),
  body: multiLine(LIMITS.body, 1),
  templateKey: optional(z.string().max(40)),
});
export type MessageFormInput = z.input<typeof messageSchema>;

/** The requester's answer on their thread page; `website` is the honeypot people never see. */
export const threadReplySchema = z.object({
  token: z.string().max(200, { error: messages.conversations.linkInvalid }),
  body: multiLine(LIMITS.reply, 1),
  website: z.string().max(500).optional(),
});
export type ThreadReplyInput = z.input<typeof threadReplySchema>;

export const templateSchema = z.object({
  id,
  version: id,
  name: singleLine(100),
  subject: withKnownVariables(singleLine(LIMITS.subject)),
  body: withKnownVariables(multiLine(LIMITS.body, 1)),
  setsStatus: z.preprocess((v) => (v === '' ? null : v), z.enum(CASE_STATUSES, { error: messages.errors.chooseOne }).nullable()),
});
export type TemplateFormInput = z.input<typeof templateSchema>;
