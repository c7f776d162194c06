import { z } from 'zod';
import { messages } from '../i18n';
import { id } from '../validation';
import { type CompanyFormValues, formToInput } from './form';
import { companyInputSchema } from './schema';

/** Applied at once when the company corrects them: how to reach it is its own business. */
export const CONTACT_FIELDS = ['email', 'phone', 'website', 'contactPerson'] as const;
/** Proposed by the company, applied only after staff review. */
export const REVIEWED_FIELDS = [
  'name',
  'street',
  'postalCode',
  'city',
  'sectors',
  'capabilities',
  'certifications',
  'description',
] as const;

/**
 * Every answer carries the link, the company version the page showed (a change in between is
 * refused) and `url`, the honeypot people never see (`website` is a real field here).
 */
const answerBase = {
  token: z.string().max(200, { error: messages.conversations.linkInvalid }),
  version: id,
  url: z.string().max(500).optional(),
};

export const entryConfirmSchema = z.object({ ...answerBase, choice: z.literal('confirm') });

export const entryListingSchema = z.object({
  ...answerBase,
  choice: z.literal('listing'),
  publicListing: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: messages.errors.chooseOne })),
});

type CorrectedField = (typeof CONTACT_FIELDS)[number] | (typeof REVIEWED_FIELDS)[number];
const correctionFields = companyInputSchema.pick(
  Object.fromEntries([...CONTACT_FIELDS, ...REVIEWED_FIELDS].map((key) => [key, true])) as { [K in CorrectedField]: true },
);

/** The correction form's values: the entry's fields as typed (lists one per line, WZ codes by comma). */
export type EntryCorrectionValues = Pick<CompanyFormValues, CorrectedField> & {
  token: string;
  version: number;
  url: string;
  choice: 'correct';
};

export const entryCorrectionSchema = z.preprocess(
  // formToInput reads only the fields the values have.
  (v: EntryCorrectionValues) => formToInput(v as unknown as CompanyFormValues),
  correctionFields.extend({ ...answerBase, choice: z.literal('correct') }),
);

export type EntryConfirm = z.output<typeof entryConfirmSchema>;
export type EntryListing = z.output<typeof entryListingSchema>;
export type EntryCorrection = z.output<typeof entryCorrectionSchema>;
export type EntryAnswer = EntryConfirm | EntryListing | EntryCorrection;

/** The schema for the choice a submitted answer names (each of the page's three forms has its own). */
export function entryAnswerSchemaOf(raw: unknown) {
  const choice = typeof raw === 'object' && raw !== null && 'choice' in raw ? raw.choice : undefined;
  if (choice === 'listing') return entryListingSchema;
  if (choice === 'correct') return entryCorrectionSchema;
  return entryConfirmSchema;
}

/** Staff apply or reject a proposal, against the company version they saw. */
export const entryReviewSchema = z.object({ changeId: id, version: id, apply: z.boolean() });
export type EntryReview = z.output<typeof entryReviewSchema>;

/** Staff merge the duplicate `removeId` into `keepId`, both at the versions the preview showed. */
export const mergeSchema = z
  .object({ keepId: id, keepVersion: id, removeId: id, removeVersion: id })
  .refine((v) => v.keepId !== v.removeId, { error: messages.entries.mergeSelf, path: ['removeId'] });
export type MergeInput = z.output<typeof mergeSchema>;
