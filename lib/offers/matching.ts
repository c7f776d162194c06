import { and, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cases, type CapacityOffer, isOpenStatus, offerCaseMatches } from '../../db/schema';
import { recordCaseEvents } from '../cases/events';
import { keyTerms } from '../introductions/candidates';
import { notifyOfferMatch } from '../notifications/notify';
import { offerText } from '../suppliers/offer-texts';
import { fold, stem } from '../suppliers/text';

type MatchedOffer = Pick<CapacityOffer, 'id' | 'offer' | 'quantity' | 'sectors' | 'availableUntil'>;

/** The WZ divisions (two digits) of sector codes; sections (letters) name no division. */
const divisionsOf = (codes: string[]) => new Set(codes.filter((code) => /^\d{2}/.test(code)).map((code) => code.slice(0, 2)));

/**
 * Whether an offer may serve a case: one of the case's key terms (its nouns and product codes,
 * as the candidate search takes them) occurs, stemmed, in the offer's text; and where both name
 * a WZ sector, they share the division.
 */
export function offerServesCase(
  c: { description: string; sector: string | null },
  offer: { foldedText: string; divisions: Set<string> },
): boolean {
  if (c.sector && offer.divisions.size > 0 && !offer.divisions.has(c.sector.slice(0, 2))) return false;
  return keyTerms(c.description).some((term) => offer.foldedText.includes(stem(fold(term))));
}

/**
 * Inside the acceptance's transaction: the open, assigned cases the offer may serve get a match
 * (shown on the case until its assignee opens it), an event and a mail to the assignee. A case
 * already matched to the offer is left alone, so running it twice notifies once.
 */
export async function matchOpenCases(
  tx: Executor,
  offer: MatchedOffer,
  company: { id: number; name: string },
  /** Who accepted the offer: the history names them, not the requester. */
  actorId: number,
): Promise<number[]> {
  const open = await tx
    .select({
      id: cases.id,
      reference: cases.reference,
      category: cases.category,
      urgency: cases.urgency,
      description: cases.description,
      sector: cases.sector,
      assigneeId: cases.assigneeId,
    })
    .from(cases)
    .where(and(isNotNull(cases.assigneeId), isOpenStatus(cases.status)));
  const served = { foldedText: fold(offerText(offer)), divisions: divisionsOf(offer.sectors) };
  const matching = open.filter((c) => offerServesCase(c, served));
  if (matching.length === 0) return [];
  const inserted = await tx
    .insert(offerCaseMatches)
    .values(matching.map((c) => ({ offerId: offer.id, caseId: c.id })))
    .onConflictDoNothing()
    .returning({ caseId: offerCaseMatches.caseId });
  const matched = matching.filter((c) => inserted.some((row) => row.caseId === c.id));
  await recordCaseEvents(
    tx,
    matched.map((c) => ({
      caseId: c.id,
      actorId,
      type: 'offer_matched' as const,
      data: { offerId: offer.id, companyId: company.id, company: company.name },
    })),
  );
  for (const c of matched) await notifyOfferMatch(tx, c, company.name);
  return matched.map((c) => c.id);
}
