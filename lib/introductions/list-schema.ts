import { z } from 'zod';
import { INTRODUCTION_OUTCOMES } from '../../db/schema/vocabulary';
import { blankToUndefined as blank, id } from '../validation';

/** `/introductions` URL parameters; an invalid one falls back to its default. */
export const introductionFilterSchema = z.object({
  view: z.enum(['all', 'mine']).catch('all'),
  outcome: z.preprocess(blank, z.enum(INTRODUCTION_OUTCOMES).optional()).catch(undefined),
  expert: z.preprocess(blank, id.optional()).catch(undefined),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).default(1)).catch(1),
});
export type IntroductionFilter = z.output<typeof introductionFilterSchema>;

export function parseIntroductionFilter(raw: Record<string, string | string[] | undefined>): IntroductionFilter {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return introductionFilterSchema.parse(flat);
}
