import { inArray } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies } from '../../db/schema';

export interface SupplierContact {
  email: string | null;
  phone: string | null;
  website: string | null;
  contactPerson: string | null;
}

/** Contact data of the companies on a staff result page, for the compact list (never public). */
export async function supplierContacts(ids: number[]): Promise<Record<number, SupplierContact>> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({
      id: companies.id,
      email: companies.email,
      phone: companies.phone,
      website: companies.website,
      contactPerson: companies.contactPerson,
    })
    .from(companies)
    .where(inArray(companies.id, ids));
  return Object.fromEntries(rows.map(({ id, ...contact }) => [id, contact]));
}
