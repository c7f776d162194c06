import { or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { companies } from '../../db/schema';

const MAX_SUGGESTIONS = 5;

export interface DuplicateSuggestion {
  id: number;
  name: string;
  street: string | null;
  postalCode: string;
  city: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  contactPerson: string | null;
  sectors: string[];
  certifications: string[];
  version: number;
  /** Same name (ignoring case) and same postal code: almost surely the same firm. */
  samePlace: boolean;
  similarity: number;
}

/**
 * Companies an offer may come from, most likely first: the same name and postal code, then
 * similar names (pg_trgm) with the same postal code or one nearby (same first two digits,
 * the German postal routing region).
 */
export async function duplicateSuggestions(
  tx: Executor,
  offer: { organisation: string; postalCode: string },
): Promise<DuplicateSuggestion[]> {
  const name = offer.organisation.toLowerCase();
  const lowerName = sql`lower(${companies.name})`;
  const samePlace = sql<boolean>`(${lowerName} = ${name} and ${companies.postalCode} = ${offer.postalCode})`;
  const similarity = sql<number>`similarity(${lowerName}, ${name})`;
  return tx
    .select({
      id: companies.id,
      name: companies.name,
      street: companies.street,
      postalCode: companies.postalCode,
      city: companies.city,
      email: companies.email,
      phone: companies.phone,
      website: companies.website,
      contactPerson: companies.contactPerson,
      sectors: companies.sectors,
      certifications: companies.certifications,
      version: companies.version,
      samePlace,
      similarity: sql<number>`${similarity}::float8`,
    })
    .from(companies)
    .where(or(samePlace, sql`(${lowerName} % ${name} and left(${companies.postalCode}, 2) = left(${offer.postalCode}, 2))`))
    .orderBy(sql`${samePlace} desc`, sql`${companies.postalCode} = ${offer.postalCode} desc`, sql`${similarity} desc`, companies.id)
    .limit(MAX_SUGGESTIONS);
}
