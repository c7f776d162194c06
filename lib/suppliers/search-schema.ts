import { z } from 'zod';
import { COMPANY_KINDS, SIZE_CLASSES } from '../../db/schema/vocabulary';
import { blankToUndefined, optional } from '../validation';
import { WZ_CODE } from './schema';

// A parameter left empty in a URL is a parameter not given.
const param = optional;

/** The furthest a search pages; a search without words counts its matches this far (search-plan.ts). */
export const MAX_OFFSET = 10_000;

/** Search parameters, shared by the staff page, the public directory and the JSON API. */
export const supplierSearchSchema = z.object({
  q: param(z.string().trim().max(200)),
  sector: param(z.string().trim().regex(WZ_CODE)),
  district: param(z.string().regex(/^\d{5}$/)),
  // A postal code ("99084") or coordinates ("50.98,11.03").
  near: param(
    z
      .string()
      .trim()
      .regex(/^(?:\d{5}|-?\d{1,2}(?:\.\d+)?,\s*-?\d{1,3}(?:\.\d+)?)$/),
  ),
  radius_km: param(z.coerce.number().min(1).max(500)),
  certification: param(z.string().trim().max(60)),
  kind: param(z.enum(COMPANY_KINDS)),
  size: param(z.enum(SIZE_CLASSES)),
  // "1": only entries their company confirmed within the last 24 months.
  verified: param(z.enum(['1'])),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  offset: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(MAX_OFFSET).default(0)),
});
export type SupplierSearch = z.output<typeof supplierSearchSchema>;

/** Lenient parse for page URLs: an invalid parameter is dropped instead of failing the page. */
export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SupplierSearch {
  const flat: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) flat[key] = Array.isArray(value) ? value[0] : value;
  for (const key of Object.keys(supplierSearchSchema.shape) as (keyof SupplierSearch)[]) {
    const single = supplierSearchSchema.shape[key].safeParse(flat[key]);
    if (!single.success) delete flat[key];
  }
  return supplierSearchSchema.parse(flat);
}
