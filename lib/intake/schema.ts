import { z } from 'zod';
import { NEED_CATEGORIES, ORGANISATION_KINDS, URGENCIES } from '../../db/schema/vocabulary';
import { messages } from '../i18n';
import { DAY_MS } from '../time';
import { email, multiLine, optional, reference, singleLine } from '../validation';

const m = messages.errors;

export const LIMITS = {
  organisation: 200,
  contactName: 120,
  email: 254,
  phone: 40,
  city: 100,
  description: 5000,
  descriptionMin: 20,
  quantity: 200,
} as const;

/** A date as `YYYY-MM-DD`, today or later. */
export const notPastDate = z.iso.date({ error: m.date }).refine(
  (value) => {
    // One day of grace, so a requester in another time zone is never refused "today".
    const yesterday = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
    return value >= yesterday;
  },
  { error: m.dateInPast },
);

/** A help request as the public form and `POST /api/requests` send it. */
export const helpRequestSchema = z.object({
  organisation: singleLine(LIMITS.organisation, 2),
  kind: z.enum(ORGANISATION_KINDS, { error: m.chooseOne }),
  contact_name: singleLine(LIMITS.contactName, 2),
  email,
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
  city: singleLine(LIMITS.city, 2),
  category: z.enum(NEED_CATEGORIES, { error: m.chooseOne }),
  description: multiLine(LIMITS.description, LIMITS.descriptionMin),
  quantity: optional(singleLine(LIMITS.quantity)),
  urgency: z.enum(URGENCIES, { error: m.chooseOne }),
  needed_by: optional(notPastDate),
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

export const statusLookupSchema = z.object({ reference, email });

export type StatusLookup = z.output<typeof statusLookupSchema>;
