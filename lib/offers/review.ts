import { eq } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { type CapacityOffer, type Company, capacityOffers, companies, companyEvents, users } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { messages } from '../i18n';
import { log } from '../log';
import type { CompanyInput } from '../suppliers/schema';
import { findExisting, refreshSearchFields, saveCompany } from '../suppliers/write';
import { berlinDate } from '../time';
import { matchOpenCases } from './matching';
import type { CreateFromOffer, MergeField, MergeOffer, RejectOffer } from './schema';

const t = messages.offers;

export type ReviewResult = ActionResult<{ companyId: number | null; matchedCases: number }>;

type Locked = { ok: true; offer: CapacityOffer } | { ok: false; error: string };

/** The offer, locked, if it is still new at the version the reviewer saw; else who reviewed it first. */
async function lockNewOffer(tx: Executor, offerId: number, version: number): Promise<Locked> {
  const [offer] = await tx.select().from(capacityOffers).where(eq(capacityOffers.id, offerId)).for('update');
  if (!offer) return { ok: false, error: t.notFound };
  if (offer.status === 'new' && offer.version === version) return { ok: true, offer };
  const [reviewer] = offer.reviewedById ? await tx.select({ name: users.name }).from(users).where(eq(users.id, offer.reviewedById)) : [];
  return { ok: false, error: t.conflict(reviewer?.name ?? null) };
}

/** A stored company as the write path's input, unchanged. */
function companyInputOf(company: Company): CompanyInput {
  return {
    externalId: company.externalId ?? undefined,
    name: company.name,
    kind: company.kind,
    street: company.street ?? undefined,
    postalCode: company.postalCode,
    city: company.city,
    latitude: company.latitude ?? undefined,
    longitude: company.longitude ?? undefined,
    website: company.website ?? undefined,
    email: company.email ?? undefined,
    phone: company.phone ?? undefined,
    contactPerson: company.contactPerson ?? undefined,
    sectors: company.sectors,
    capabilities: company.capabilities,
    certifications: company.certifications,
    employees: company.employees ?? undefined,
    description: company.description,
    publicListing: company.publicListing,
    source: company.source ?? undefined,
  };
}

/** The offer's value of a field a merge may take over. */
function offerValue(offer: CapacityOffer, field: MergeField): string | undefined {
  const value = field === 'contactPerson' ? offer.contactName : offer[field];
  return value ?? undefined;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * What every acceptance does once the company is written: the offer accepted and linked, its
 * history entry, the company's search fields with the offer, and the open cases it may serve.
 */
async function accept(tx: Executor, actor: StaffUser, offer: CapacityOffer, company: { id: number; name: string }) {
  const now = new Date();
  await tx
    .update(capacityOffers)
    .set({ status: 'accepted', companyId: company.id, reviewedById: actor.id, reviewedAt: now, version: offer.version + 1, updatedAt: now })
    .where(eq(capacityOffers.id, offer.id));
  await tx.insert(companyEvents).values({
    companyId: company.id,
    type: 'offer_accepted',
    actorId: actor.id,
    data: { offerId: offer.id, offer: offer.offer, availableUntil: offer.availableUntil },
  });
  const today = berlinDate(now);
  await refreshSearchFields(tx, [company.id], today);
  // An offer that expired while waiting for review still updates the company, but serves no case.
  const active = offer.availableUntil === null || offer.availableUntil >= today;
  const matched = active ? await matchOpenCases(tx, offer, company, actor.id) : [];
  log.info({ event: 'offers.accepted', offerId: offer.id, companyId: company.id, by: actor.id, matchedCases: matched.length });
  return { companyId: company.id, matchedCases: matched.length };
}

/** Merges an offer into an existing company: the chosen contact fields, sectors and certifications added. */
export async function mergeOffer(actor: StaffUser, input: MergeOffer): Promise<ReviewResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ReviewResult> => {
    const locked = await lockNewOffer(tx, input.offerId, input.version);
    if (!locked.ok) return locked;
    const { offer } = locked;
    const [company] = await tx.select().from(companies).where(eq(companies.id, input.companyId)).for('update');
    if (!company) return { ok: false, error: messages.suppliers.notFound };
    if (company.version !== input.companyVersion) return { ok: false, error: t.companyChanged };
    const merged = companyInputOf(company);
    for (const field of input.take) {
      const value = offerValue(offer, field);
      if (value !== undefined) merged[field] = value;
    }
    if (input.addSectors) merged.sectors = union(company.sectors, offer.sectors);
    if (input.addCertifications) merged.certifications = union(company.certifications, offer.certifications);
    await saveCompany(tx, merged, { actorId: actor.id, existing: company });
    return { ok: true, data: await accept(tx, actor, offer, company) };
  });
}

/** Creates a new company from the offer through the company write path (geocoding, district, history). */
export async function createCompanyFromOffer(actor: StaffUser, input: CreateFromOffer): Promise<ReviewResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ReviewResult> => {
    const locked = await lockNewOffer(tx, input.offerId, input.version);
    if (!locked.ok) return locked;
    const { offer } = locked;
    const company: CompanyInput = {
      name: offer.organisation,
      kind: offer.kind,
      street: offer.street ?? undefined,
      postalCode: offer.postalCode,
      city: offer.city,
      website: offer.website ?? undefined,
      email: offer.email,
      phone: offer.phone ?? undefined,
      contactPerson: offer.contactName,
      sectors: offer.sectors,
      capabilities: [],
      certifications: offer.certifications,
      description: '',
      publicListing: false,
      source: t.source,
    };
    if (await findExisting(tx, company)) return { ok: false, error: t.companyExists };
    const { id } = await saveCompany(tx, company, { actorId: actor.id, existing: null });
    return { ok: true, data: await accept(tx, actor, offer, { id, name: offer.organisation }) };
  });
}

/** Rejects an offer with the reviewer's note; no company changes. */
export async function rejectOffer(actor: StaffUser, input: RejectOffer): Promise<ReviewResult> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ReviewResult> => {
    const locked = await lockNewOffer(tx, input.offerId, input.version);
    if (!locked.ok) return locked;
    const now = new Date();
    await tx
      .update(capacityOffers)
      .set({
        status: 'rejected',
        reviewNote: input.note,
        reviewedById: actor.id,
        reviewedAt: now,
        version: locked.offer.version + 1,
        updatedAt: now,
      })
      .where(eq(capacityOffers.id, input.offerId));
    log.info({ event: 'offers.rejected', offerId: input.offerId, by: actor.id });
    return { ok: true, data: { companyId: null, matchedCases: 0 } };
  });
}
