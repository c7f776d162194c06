import { z } from 'zod';
import { AGREEMENT_KINDS, INTRODUCTION_CHANNELS, INTRODUCTION_OUTCOMES } from '../../db/schema/vocabulary';
import { messages } from '../i18n';
import { id, note, optional } from '../validation';
import { LIMITS } from './limits';

const m = messages.errors;
const optionalDate = optional(z.iso.date({ error: m.date }));
// A checkbox posts "on"; JSON clients send booleans.
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const shortlistAddSchema = z.object({ caseId: id, companyId: id, note: note(LIMITS.shortlistNote) });
export const shortlistRemoveSchema = z.object({ caseId: id, companyId: id });

export const introductionSchema = z
  .object({
    caseId: id,
    companyId: id,
    introducedOn: z.iso.date({ error: m.date }),
    channel: z.enum(INTRODUCTION_CHANNELS, { error: m.chooseOne }),
    note: note(LIMITS.note),
    contactShared: checkbox,
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
