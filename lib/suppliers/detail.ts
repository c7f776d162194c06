import { and, desc, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies, companyEvents, districts, users, type CompanyChanges, type CompanyEvent } from '../../db/schema';

/** Everything staff see about a company (search helper columns left out), or undefined. */
export async function loadCompany(id: number) {
  const [row] = await db
    .select({
      id: companies.id,
      externalId: companies.externalId,
      name: companies.name,
      kind: companies.kind,
      street: companies.street,
      postalCode: companies.postalCode,
      city: companies.city,
      districtKey: companies.districtKey,
      districtName: districts.name,
      latitude: companies.latitude,
      longitude: companies.longitude,
      website: companies.website,
      email: companies.email,
      phone: companies.phone,
      contactPerson: companies.contactPerson,
      sectors: companies.sectors,
      capabilities: companies.capabilities,
      certifications: companies.certifications,
      employees: companies.employees,
      sizeClass: companies.sizeClass,
      description: companies.description,
      publicListing: companies.publicListing,
      source: companies.source,
      version: companies.version,
      verifiedAt: companies.verifiedAt,
      entryCheckSentAt: companies.entryCheckSentAt,
      createdAt: companies.createdAt,
      updatedAt: companies.updatedAt,
    })
    .from(companies)
    .leftJoin(districts, eq(districts.key, companies.districtKey))
    .where(eq(companies.id, id));
  return row;
}
export type CompanyDetail = NonNullable<Awaited<ReturnType<typeof loadCompany>>>;

/**
 * A publicly listed company with its public fields only; undefined for unlisted ones. The
 * column list is the privacy boundary: contact person and internal fields are never selected.
 */
export async function loadPublicCompany(id: number) {
  const [row] = await db
    .select({
      id: companies.id,
      name: companies.name,
      kind: companies.kind,
      postalCode: companies.postalCode,
      city: companies.city,
      districtKey: companies.districtKey,
      districtName: districts.name,
      latitude: companies.latitude,
      longitude: companies.longitude,
      website: companies.website,
      email: companies.email,
      phone: companies.phone,
      sectors: companies.sectors,
      capabilities: companies.capabilities,
      certifications: companies.certifications,
      description: companies.description,
    })
    .from(companies)
    .leftJoin(districts, eq(districts.key, companies.districtKey))
    .where(and(eq(companies.id, id), eq(companies.publicListing, true)));
  return row;
}
export type PublicCompany = NonNullable<Awaited<ReturnType<typeof loadPublicCompany>>>;

export type { CompanyChanges };
export type CompanyHistoryEntry = CompanyEvent & { id: number; actorName: string | null; createdAt: Date };

/** The company's change history, newest first. */
export async function loadCompanyHistory(companyId: number): Promise<CompanyHistoryEntry[]> {
  const rows = await db
    .select({
      id: companyEvents.id,
      type: companyEvents.type,
      data: companyEvents.data,
      actorName: users.name,
      createdAt: companyEvents.createdAt,
    })
    .from(companyEvents)
    .leftJoin(users, eq(users.id, companyEvents.actorId))
    .where(eq(companyEvents.companyId, companyId))
    .orderBy(desc(companyEvents.createdAt), desc(companyEvents.id));
  // Rows are written only as CompanyEventRow values: type and data belong together.
  return rows as CompanyHistoryEntry[];
}
