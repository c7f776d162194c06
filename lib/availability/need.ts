import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cases, districts } from '../../db/schema';
import { formatDate } from '../format';
import { messages } from '../i18n';

const t = messages.availability;

/**
 * What a supplier may learn of a case: the need, never who has it. The columns are picked one by
 * one so a new personal column of `cases` cannot slip into a supplier's mail or page; the
 * requester's own words may still name them, so the description is masked (see `withoutRequester`).
 */
export async function loadNeed(executor: Executor, caseId: number) {
  const [row] = await executor
    .select({
      reference: cases.reference,
      status: cases.status,
      category: cases.category,
      description: cases.description,
      quantity: cases.quantity,
      neededBy: cases.neededBy,
      districtName: districts.name,
      requester: {
        organisation: cases.organisation,
        contactName: cases.contactName,
      },
    })
    .from(cases)
    .leftJoin(districts, eq(districts.key, cases.districtKey))
    .where(eq(cases.id, caseId));
  if (!row) return undefined;
  const { requester, ...need } = row;
  return { ...need, description: withoutRequester(need.description, requester) };
}
export type Need = NonNullable<Awaited<ReturnType<typeof loadNeed>>>;

/** The need as lines of a plain-text mail. */
export function needText(need: Need): string {
  return [
    `${t.reference}: ${need.reference}`,
    `${t.category}: ${messages.categories[need.category]}`,
    ...(need.quantity ? [`${t.neededQuantity}: ${need.quantity}`] : []),
    ...(need.neededBy ? [`${t.neededBy}: ${formatDate(need.neededBy)}`] : []),
    `${t.district}: ${need.districtName ?? t.noDistrict}`,
    `${t.description}:`,
    ...need.description.split('\n').map((line) => `  ${line}`),
  ].join('\n');
}

export interface Requester {
  organisation: string;
  contactName: string;
}

// Any address or phone number, not only the requester's: a colleague's number identifies the
// requester as well. A phone number starts with + or 0 and has at least 6 more digits; dates
// ("01.12.2026") and quantities ("50.000 Stück") have dots and do not match.
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/gu;
const PHONE = /\(?(?:\+|\b0)\d(?:[ \-/()]*\d){5,}/g;
const LEGAL_FORM = /\s+(?:gmbh(?:\s*&\s*co\.?\s*kg)?|ag|kg|ohg|ug(?:\s*\(haftungsbeschränkt\))?|e\.\s?v\.|e\.\s?k\.|gbr|mbh|se)\.?$/iu;
/** Name parts this short ("Li", "Ng") would mask ordinary words inside the text. */
const MIN_NAME_PART = 3;
/** A part of the contact's name worth masking alone: capitalised, so "von" or "de" are not. */
const isNamePart = (part: string) => /^\p{Lu}/u.test(part) && part.replace(/\.$/, '').length >= MIN_NAME_PART;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The requester's description as a supplier may read it: the organisation (with and without its
 * legal form), the contact's full name and each capitalised part of it, and every mail address
 * and phone number replaced by a placeholder. Runs on every mail and page, so a description edited later
 * is masked as well.
 */
export function withoutRequester(description: string, requester: Requester): string {
  const organisation = requester.organisation.trim();
  const names = [
    organisation,
    organisation.replace(LEGAL_FORM, ''),
    requester.contactName.trim(),
    ...requester.contactName.split(/\s+/).filter(isNamePart),
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  let text = description.replace(EMAIL, t.maskedEmail).replace(PHONE, t.maskedPhone);
  for (const name of new Set(names)) {
    text = text.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?![\\p{L}\\d])`, 'giu'), t.maskedName);
  }
  return text;
}
