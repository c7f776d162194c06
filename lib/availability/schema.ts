import { z } from 'zod';
import { AVAILABILITY_ANSWERS } from '../../db/schema/availability';
import { messages } from '../i18n';
import { id, multiLine, note, optional, singleLine } from '../validation';

export { AVAILABILITY_ANSWERS };

const t = messages.availability;

export const LIMITS = { quantity: 200, leadTime: 200, price: 500, note: 2_000, phoneNote: 1_000 } as const;

// A checkbox posts "on"; JSON clients send booleans.
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** The expert asks some of the case's shortlisted suppliers. */
export const sendChecksSchema = z.object({
  caseId: id,
  companyIds: z.array(id, { error: t.chooseOne }).min(1, { error: t.chooseOne }).max(100),
});
export type SendChecksInput = z.input<typeof sendChecksSchema>;

/**
 * The supplier's answer on its link page. A "no" needs nothing more; "yes" and "partly" say how
 * much and how soon. The consent is its own unticked box: never inferred from the answer.
 */
export const availabilityAnswerSchema = z
  .object({
    token: z.string().max(200, { error: messages.conversations.linkInvalid }),
    answer: z.enum(AVAILABILITY_ANSWERS, { error: t.chooseAnswer }),
    quantity: optional(singleLine(LIMITS.quantity)),
    leadTime: optional(singleLine(LIMITS.leadTime)),
    priceNote: optional(singleLine(LIMITS.price)),
    note: note(LIMITS.note),
    consent: checkbox,
    // The honeypot people never see.
    website: z.string().max(500).optional(),
  })
  .refine((v) => v.answer === 'no' || v.quantity, { path: ['quantity'], error: t.quantityRequired })
  .refine((v) => v.answer === 'no' || v.leadTime, { path: ['leadTime'], error: t.leadTimeRequired });
export type AvailabilityAnswerInput = z.input<typeof availabilityAnswerSchema>;
export type AvailabilityAnswerValues = z.output<typeof availabilityAnswerSchema>;

/** A consent the supplier gave on the phone: staff write down what was said. */
export const phoneConsentSchema = z.object({ caseId: id, companyId: id, note: multiLine(LIMITS.phoneNote, 1) });
export type PhoneConsentInput = z.input<typeof phoneConsentSchema>;
