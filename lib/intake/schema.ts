import { z } from 'zod';
import {
  NEED_CATEGORIES,
  ORGANISATION_KINDS,
  URGENCIES,
} from '../../db/schema/vocabulary';
import { messages } from '../i18n';
import { DAY_MS } from '../time';

const m = messages.errors;

export const LIMITS = {
  organisation: 200,
  contactName: 120,
  email: 254,
  phone: 40,
  city: 100,
  description: 5000,
  descriptionMin: 20,
} as const;

// Single-line fields allow no control characters, line/paragraph separators or bidi overrides
// (which can disguise text); free text keeps tabs and line breaks.
const SINGLE_LINE = /^[^\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]*$/u;
const MULTI_LINE = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

const requiredText = (max: number, min = 1) =>
  z
    .string({ error: m.required })
    .trim()
    .min(min, { error: min === 1 ? m.required : m.tooShort(min) })
    .max(max, { error: m.tooLong(max) })
    .regex(SINGLE_LINE, { error: m.controlCharacters });

/** An optional field: missing, null, empty or blank all mean "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), schema.optional());

const isoDate = z.iso.date({ error: m.date }).refine(
  (value) => {
    // One day of grace, so a requester in another time zone is never refused "today".
    const yesterday = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
    return value >= yesterday;
  },
  { error: m.dateInPast },
);

/** A help request as the public form and `POST /api/requests` send it. */
export const helpRequestSchema = z.object({
  organisation: requiredText(LIMITS.organisation, 2),
  kind: z.enum(ORGANISATION_KINDS, { error: m.chooseOne }),
  contact_name: requiredText(LIMITS.contactName, 2),
  email: z
    .string({ error: m.required })
    .trim()
    .min(1, { error: m.required })
    .max(LIMITS.email, { error: m.tooLong(LIMITS.email) })
    .pipe(z.email({ error: m.email })),
  phone: optional(
    z
      .string({ error: m.phone })
      .trim()
      .max(LIMITS.phone, { error: m.tooLong(LIMITS.phone) })
      .regex(/^\+?[0-9 ()/-]{4,}$/, { error: m.phone }),
  ),
  postal_code: z
    .string({ error: m.required })
    .trim()
    .regex(/^\d{5}$/, { error: m.postalCode }),
  city: requiredText(LIMITS.city, 2),
  category: z.enum(NEED_CATEGORIES, { error: m.chooseOne }),
  description: z
    .string({ error: m.required })
    .trim()
    .min(LIMITS.descriptionMin, { error: m.tooShort(LIMITS.descriptionMin) })
    .max(LIMITS.description, { error: m.tooLong(LIMITS.description) })
    .regex(MULTI_LINE, { error: m.controlCharacters }),
  urgency: z.enum(URGENCIES, { error: m.chooseOne }),
  needed_by: optional(isoDate),
  sector: optional(
    z
      .string({ error: m.sector })
      .trim()
      .regex(/^\d{2}(\.\d{1,2}(\.\d)?)?$/, { error: m.sector }),
  ),
  consent: z.literal(true, { error: m.consent }),
});

export type HelpRequestInput = z.input<typeof helpRequestSchema>;
export type HelpRequest = z.output<typeof helpRequestSchema>;

/** What only the web form sends besides the request: spam traps and the retry key. */
export const formEnvelopeSchema = z.object({
  website: z.string().max(500).optional(),
  form_token: z.string().max(200),
  idempotency_key: z.string().uuid(),
});

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export const statusLookupSchema = z.object({
  reference: z
    .string({ error: m.required })
    .trim()
    .toUpperCase()
    .regex(/^LS-\d{4}-\d{5,}$/, { error: m.reference }),
  email: z
    .string({ error: m.required })
    .trim()
    .min(1, { error: m.required })
    .max(LIMITS.email, { error: m.tooLong(LIMITS.email) })
    .pipe(z.email({ error: m.email })),
});

export type StatusLookup = z.output<typeof statusLookupSchema>;

/** First message per field, for showing next to the inputs. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in out)) out[field] = issue.message;
  }
  return out;
}
