import { z } from 'zod';
import { COMPANY_KINDS, type SIZE_CLASSES } from '../../db/schema/vocabulary';
import { messages } from '../i18n';
import { blankToUndefined, email, note, optional, singleLine } from '../validation';

const m = messages.errors;
const optionalText = (max: number) => optional(singleLine(max));
const list = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split('|') : v),
    z
      .array(singleLine(max, 0))
      .transform((items) => [...new Set(items.filter(Boolean))])
      .pipe(z.array(z.string()).max(50, { error: m.tooLong(50) })),
  );

export const WZ_CODE = /^(?:[A-U]|\d{2}(?:\.\d{1,2}(?:\.\d)?)?)$/;

/** A company as import, API and edit form deliver it. Lists may be arrays or `a|b|c`. */
export const companyInputSchema = z.object({
  externalId: optionalText(100),
  name: singleLine(200, 2),
  kind: z.enum(COMPANY_KINDS, { error: m.chooseOne }),
  street: optionalText(200),
  postalCode: z
    .string({ error: m.required })
    .trim()
    .regex(/^\d{5}$/, { error: m.postalCode }),
  city: singleLine(100, 2),
  latitude: z.preprocess(blankToUndefined, z.coerce.number({ error: m.invalidInput }).min(47).max(56).optional()),
  longitude: z.preprocess(blankToUndefined, z.coerce.number({ error: m.invalidInput }).min(5).max(16).optional()),
  website: optionalText(300),
  email: optional(email),
  phone: optionalText(60),
  contactPerson: optionalText(200),
  sectors: list(10).pipe(z.array(z.string().regex(WZ_CODE, { error: m.sector }))),
  capabilities: list(120),
  certifications: list(60),
  employees: z.preprocess(blankToUndefined, z.coerce.number({ error: m.invalidInput }).int().min(0).max(1_000_000).optional()),
  description: note(5000),
  publicListing: z.boolean(),
  source: optionalText(100),
});
export type CompanyInput = z.output<typeof companyInputSchema>;

export function sizeClassOf(employees: number | undefined): (typeof SIZE_CLASSES)[number] | null {
  if (employees === undefined) return null;
  if (employees < 10) return 'micro';
  if (employees < 50) return 'small';
  if (employees < 250) return 'medium';
  return 'large';
}
