import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import { db, searchDb } from '../../db/client';
import { capacityOffers, cases, companies, offerCaseMatches, users } from '../../db/schema';
import { isActiveOffer } from '../suppliers/offer-texts';
import { berlinDate } from '../time';
import { duplicateSuggestions } from './duplicates';

export async function countNewOffers(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(capacityOffers).where(eq(capacityOffers.status, 'new'));
  return row?.n ?? 0;
}

/** The review queue: new offers, oldest first. */
export function listNewOffers() {
  return db
    .select({
      id: capacityOffers.id,
      organisation: capacityOffers.organisation,
      postalCode: capacityOffers.postalCode,
      city: capacityOffers.city,
      offer: capacityOffers.offer,
      availableUntil: capacityOffers.availableUntil,
      createdAt: capacityOffers.createdAt,
    })
    .from(capacityOffers)
    .where(eq(capacityOffers.status, 'new'))
    .orderBy(asc(capacityOffers.createdAt), asc(capacityOffers.id));
}
export type OfferListEntry = Awaited<ReturnType<typeof listNewOffers>>[number];

/** An offer for its review page, with who reviewed it and the companies it may duplicate. */
export async function loadOfferReview(id: number) {
  const [row] = await db
    .select({ offer: capacityOffers, reviewer: users.name, company: companies.name })
    .from(capacityOffers)
    .leftJoin(users, eq(users.id, capacityOffers.reviewedById))
    .leftJoin(companies, eq(companies.id, capacityOffers.companyId))
    .where(eq(capacityOffers.id, id));
  if (!row) return undefined;
  const suggestions = row.offer.status === 'new' ? await duplicateSuggestions(searchDb, row.offer) : [];
  return { ...row, suggestions };
}
export type OfferReview = NonNullable<Awaited<ReturnType<typeof loadOfferReview>>>;

const matchColumns = {
  caseId: cases.id,
  reference: cases.reference,
  offerId: capacityOffers.id,
  offer: capacityOffers.offer,
  quantity: capacityOffers.quantity,
  availableUntil: capacityOffers.availableUntil,
  companyId: companies.id,
  company: companies.name,
  matchedAt: offerCaseMatches.createdAt,
};

function unseenMatches() {
  return db
    .select(matchColumns)
    .from(offerCaseMatches)
    .innerJoin(cases, eq(cases.id, offerCaseMatches.caseId))
    .innerJoin(capacityOffers, eq(capacityOffers.id, offerCaseMatches.offerId))
    .innerJoin(companies, eq(companies.id, capacityOffers.companyId))
    .$dynamic();
}

/** "Neue Angebote passend zu meinen Fällen": matches on my cases I have not opened since. */
export function myNewOfferMatches(userId: number) {
  return unseenMatches()
    .where(and(eq(cases.assigneeId, userId), isNull(offerCaseMatches.seenAt)))
    .orderBy(desc(offerCaseMatches.createdAt), asc(cases.id));
}
export type OfferMatchEntry = Awaited<ReturnType<typeof myNewOfferMatches>>[number];

/** The "Neues Angebot" markers of a case: matches its assignee has not seen yet. */
export function caseNewOfferMatches(caseId: number) {
  return unseenMatches()
    .where(and(eq(offerCaseMatches.caseId, caseId), isNull(offerCaseMatches.seenAt)))
    .orderBy(desc(offerCaseMatches.createdAt));
}

/** The assignee opened the case: its markers have been seen (others opening it change nothing). */
export async function markOfferMatchesSeen(caseId: number, userId: number): Promise<void> {
  const [c] = await db.select({ assigneeId: cases.assigneeId }).from(cases).where(eq(cases.id, caseId));
  if (c?.assigneeId !== userId) return;
  await db
    .update(offerCaseMatches)
    .set({ seenAt: new Date() })
    .where(and(eq(offerCaseMatches.caseId, caseId), isNull(offerCaseMatches.seenAt)));
}

/** A company's accepted offers still available today, for its page and its directory entry. */
export function activeCompanyOffers(companyId: number) {
  return db
    .select({
      id: capacityOffers.id,
      offer: capacityOffers.offer,
      quantity: capacityOffers.quantity,
      availableUntil: capacityOffers.availableUntil,
    })
    .from(capacityOffers)
    .where(and(eq(capacityOffers.companyId, companyId), isActiveOffer(berlinDate())))
    .orderBy(asc(capacityOffers.id));
}
export type CompanyOffer = Awaited<ReturnType<typeof activeCompanyOffers>>[number];
