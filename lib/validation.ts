import { z } from 'zod';
import type { ActionFailure } from './action-result';
import { messages } from './i18n';

const m = messages.errors;

// Single-line fields allow no control characters, line/paragraph separators or bidi overrides
// (which can disguise text); free text keeps tabs and line breaks. PostgreSQL cannot store NUL
// in text at all, so a NUL that got through would be a 500 instead of a message.
const SINGLE_LINE = /^[^\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]*$/u;
const MULTI_LINE = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

/** The largest id a PostgreSQL `integer` column holds; a larger one is "not found", not an error. */
export const MAX_ID = 2_147_483_647;

/** Missing, null, empty or blank all mean "not given". */
export const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/** An optional field: blank input is `undefined`, anything else must pass `schema`. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** One line of text, trimmed; `min` 1 means required. */
export const singleLine = (max: number, min = 1) =>
  z
    .string({ error: m.required })
    .trim()
    // An empty field is missing, not short: the first message says so.
    .min(Math.min(min, 1), { error: m.required })
    .min(min, { error: m.tooShort(min) })
    .max(max, { error: m.tooLong(max) })
    .regex(SINGLE_LINE, { error: m.controlCharacters });

/** Free text with line breaks, trimmed; `min` 0 allows it empty. */
export const multiLine = (max: number, min = 0) =>
  z
    .string({ error: m.required })
    .trim()
    // An empty field is missing, not short: the first message says so.
    .min(Math.min(min, 1), { error: m.required })
    .min(min, { error: m.tooShort(min) })
    .max(max, { error: m.tooLong(max) })
    .regex(MULTI_LINE, { error: m.controlCharacters });

/** Free text that may be missing: then it is ''. */
export const note = (max: number) => z.preprocess((v) => v ?? '', multiLine(max));

export const email = z
  .string({ error: m.required })
  .trim()
  .min(1, { error: m.required })
  .max(254, { error: m.tooLong(254) })
  .pipe(z.email({ error: m.email }));

/** A case's reference: year and number of the year. */
export const REFERENCE_PATTERN = /^LS-(\d{4})-(\d{5,})$/;

/** "ls-2026-12", "LS 2026 00012" and "LS-2026-00012" are one reference, however people type it. */
export function normaliseReference(typed: string): string {
  const match = /^LS[\s-]*(\d{4})[\s-]*(\d+)$/i.exec(typed.trim());
  return match ? `LS-${match[1]}-${match[2]!.padStart(5, '0')}` : typed.trim().toUpperCase();
}

/** A case's reference as requesters and staff type it. */
export const reference = z
  .string({ error: m.required })
  .transform(normaliseReference)
  .pipe(z.string().regex(REFERENCE_PATTERN, { error: m.reference }));

/** A row id, as a number or the string a form or URL carries. */
export const id = z.coerce
  .number({ error: m.invalidInput })
  .int({ error: m.invalidInput })
  .positive({ error: m.invalidInput })
  .max(MAX_ID, { error: m.invalidInput });

/** The `[id]` of a route: a positive int4 in plain digits, or undefined (the page answers 404). */
export function parseIdParam(raw: string): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value <= MAX_ID ? value : undefined;
}

/** First message per top-level field (a list entry's error sits on the list), for showing next to the inputs. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in out)) out[field] = issue.message;
  }
  return out;
}

/** The one shape every action answers invalid input with. */
export function invalidInput(error: z.ZodError): ActionFailure {
  return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(error) };
}
