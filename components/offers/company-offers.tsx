import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import type { CompanyOffer } from '@/lib/offers/queries';
import { Panel } from '../suppliers/company-parts';

const t = messages.offers;

/** How much and until when, as one line. */
export const offerTerms = (offer: Pick<CompanyOffer, 'quantity' | 'availableUntil'>) =>
  [offer.quantity, offer.availableUntil ? t.availableUntil(formatDate(offer.availableUntil)) : t.openEnded].filter(Boolean).join(' · ');

/** A company's accepted offers still available, on its staff page and its directory entry. */
export function CompanyOffers({ offers }: { offers: CompanyOffer[] }) {
  if (offers.length === 0) return null;
  return (
    <Panel title={t.activeTitle}>
      <ul className="space-y-3">
        {offers.map((offer) => (
          <li key={offer.id} className="space-y-0.5">
            <p className="whitespace-pre-wrap text-slate-900">{offer.offer}</p>
            <p className="text-sm text-slate-600">{offerTerms(offer)}</p>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
