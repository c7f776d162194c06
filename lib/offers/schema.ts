import { z } from 'zod';
import { COMPANY_KINDS } from '../../db/schema/vocabulary';
import { messages } from '../i18n';
import { notPastDate } from '../intake/schema';
import { WZ_CODE } from '../suppliers/schema';
import { email, id, multiLine, note, optional, singleLine } from '../validation';

const m = messages.errors;

export const OFFER_LIMITS = { offer: 5000, offerMin: 20, quantity: 200, certifications: 20 } as const;

/** One value or several (the form's select gives one code, the API a list); blanks dropped, each once. */
const listOf = <T extends z.ZodType<string>>(item: T, max: number, split?: RegExp) =>
  z.preprocess(
    (v) => {
      const items = typeof v === 'string' ? (split ? v.split(split) : [v]) : (v ?? []);
      return Array.isArray(items) ? [...new Set(items.map((i) => (typeof i === 'string' ? i.trim() : i)).filter((i) => i !== ''))] : items;
    },
    z.array(item, { error: m.invalidInput }).max(max, { error: m.tooLong(max) }),
  );

/** An offer as the public form "Angebot melden" sends it. */
export const offerSchema = z.object({
  organisation: singleLine(200, 2),
  kind: z.enum(COMPANY_KINDS, { error: m.chooseOne }),
  street: optional(singleLine(200)),
  postal_code: z
    .string({ error: m.required })
    .trim()
    .regex(/^\d{5}$/, { error: m.postalCode }),
  city: singleLine(100, 2),
  website: optional(singleLine(300)),
  email,
  phone: optional(
    z
      .string({ error: m.phone })
      .trim()
      .max(40, { error: m.tooLong(40) })
      .regex(/^\+?[0-9 ()/-]{4,}$/, { error: m.phone }),
  ),
  contact_name: singleLine(120, 2),
  sectors: listOf(z.string().regex(WZ_CODE, { error: m.sector }), 5),
  // Typed as a list: "ISO 9001, IATF 16949" or one per line.
  certifications: listOf(singleLine(60), OFFER_LIMITS.certifications, /[,;\n]/),
  offer: multiLine(OFFER_LIMITS.offer, OFFER_LIMITS.offerMin),
  quantity: optional(singleLine(OFFER_LIMITS.quantity)),
  available_until: optional(notPastDate),
  consent: z.literal(true, { error: messages.offers.consentRequired }),
});
export type OfferInput = z.input<typeof offerSchema>;
export type Offer = z.output<typeof offerSchema>;

/** Which of the offer's values a merge takes over; the rest of the company stays as it is. */
export const MERGE_FIELDS = ['street', 'website', 'email', 'phone', 'contactPerson'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const reviewed = { offerId: id, version: id };

/** Merge an offer into an existing company (loaded at `companyVersion`), taking the chosen fields. */
export const mergeOfferSchema = z.object({
  ...reviewed,
  companyId: id,
  companyVersion: id,
  take: z.array(z.enum(MERGE_FIELDS)).default([]),
  addSectors: z.boolean().default(false),
  addCertifications: z.boolean().default(false),
});
export type MergeOffer = z.output<typeof mergeOfferSchema>;

export const createFromOfferSchema = z.object(reviewed);
export type CreateFromOffer = z.output<typeof createFromOfferSchema>;

export const rejectOfferSchema = z.object({ ...reviewed, note: note(1000).pipe(z.string().min(1, { error: m.required })) });
export type RejectOffer = z.output<typeof rejectOfferSchema>;
