import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { capacityOffers } from '../../db/schema';
import { berlinDate } from '../time';

/** SQL: an accepted offer still available on `today` (a German calendar day; no date means open-ended). */
export const isActiveOffer = (today: string) =>
  and(eq(capacityOffers.status, 'accepted'), or(isNull(capacityOffers.availableUntil), gte(capacityOffers.availableUntil, today)));

/** The searchable text of an offer: what is offered and how much. */
export const offerText = (offer: { offer: string; quantity: string | null }) => [offer.offer, offer.quantity].filter(Boolean).join(' ');

/** The texts of the companies' active accepted offers, by company id (oldest offer first). */
export async function activeOfferTexts(tx: Executor, companyIds: number[], today = berlinDate()): Promise<Map<number, string[]>> {
  const texts = new Map<number, string[]>();
  if (companyIds.length === 0) return texts;
  const rows = await tx
    .select({ companyId: capacityOffers.companyId, offer: capacityOffers.offer, quantity: capacityOffers.quantity })
    .from(capacityOffers)
    .where(and(inArray(capacityOffers.companyId, companyIds), isActiveOffer(today)))
    .orderBy(capacityOffers.id);
  for (const row of rows) {
    const id = row.companyId!;
    texts.set(id, [...(texts.get(id) ?? []), offerText(row)]);
  }
  return texts;
}
