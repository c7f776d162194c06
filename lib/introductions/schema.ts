import { z } from 'zod';
import { AGREEMENT_KINDS, INTRODUCTION_CHANNELS, INTRODUCTION_OUTCOMES } from '../../db/schema/vocabulary';
import { messages } from '../i18n';
import { id, note, optional } from '../validation';
import { LIMITS } from './limits';

const m = messages.errors;
const optionalDate = optional(z.iso.date({ error: m.date }));

export const shortlistAddSchema = z.object({ caseId: id, companyId: id, note: note(LIMITS.shortlistNote) });
export const shortlistRemoveSchema = z.object({ caseId: id, companyId: id });

export const introductionSchema = z
  .object({
    caseId: id,
    companyId: id,
    introducedOn: z.iso.date({ error: m.date }),
    channel: z.enum(INTRODUCTION_CHANNELS, { error: m.chooseOne }),
    note: note(LIMITS.note),
    followUpOn: optionalDate,
  })
  .refine((v) => !v.followUpOn || v.followUpOn >= v.introducedOn, {
    path: ['followUpOn'],
    error: messages.introductions.errors.followUpBeforeIntroduction,
  });
export type IntroductionInput = z.input<typeof introductionSchema>;
export type NewIntroduction = z.output<typeof introductionSchema>;

export const outcomeSchema = z
  .object({
    introductionId: id,
    version: id,
    outcome: z.enum(INTRODUCTION_OUTCOMES, { error: m.chooseOne }),
    agreementKind: optional(z.enum(AGREEMENT_KINDS, { error: m.chooseOne })),
    followUpOn: optionalDate,
    note: note(LIMITS.note),
  })
  .refine((v) => v.outcome !== 'agreement' || v.agreementKind, {
    path: ['agreementKind'],
    error: messages.introductions.errors.agreementKindRequired,
  });
export type OutcomeInput = z.input<typeof outcomeSchema>;
export type OutcomeUpdate = z.output<typeof outcomeSchema>;

export const sendIntroductionSchema = z.object({ introductionId: id });

/** What a requester can answer on the feedback page: the final outcomes and "in contact". */
export const FEEDBACK_ANSWERS = ['in_contact', 'agreement', 'no_fit', 'no_answer'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

/** The requester's answer on the feedback page; `website` is the honeypot people never see. */
export const feedbackSchema = z
  .object({
    token: z.string().max(200, { error: messages.conversations.linkInvalid }),
    answer: z.enum(FEEDBACK_ANSWERS, { error: m.chooseOne }),
    agreementKind: optional(z.enum(AGREEMENT_KINDS, { error: m.chooseOne })),
    website: z.string().max(500).optional(),
  })
  .refine((v) => v.answer !== 'agreement' || v.agreementKind, {
    path: ['agreementKind'],
    error: messages.introductions.errors.agreementKindRequired,
  });
export type FeedbackInput = z.input<typeof feedbackSchema>;
export type Feedback = z.output<typeof feedbackSchema>;
