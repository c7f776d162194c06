import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { NewOfferList, OfferMatchList } from '@/components/offers/offer-lists';
import { messages } from '@/lib/i18n';
import { listNewOffers, myNewOfferMatches } from '@/lib/offers/queries';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.offers;

export const metadata: Metadata = { title: t.queueTitle };

export default async function OffersPage() {
  const user = await requireStaffPage('expert', '/offers');
  const [offers, matches] = await Promise.all([listNewOffers(), myNewOfferMatches(user.id)]);
  return (
    <div className="space-y-8">
      <PageTitle>{t.queueTitle}</PageTitle>
      <section className="space-y-3" aria-labelledby="new-offers">
        <h2 id="new-offers" className="text-lg font-semibold text-brand-800">
          {t.newTitle}
        </h2>
        <NewOfferList offers={offers} />
      </section>
      <section className="space-y-3" aria-labelledby="offer-matches">
        <h2 id="offer-matches" className="text-lg font-semibold text-brand-800">
          {t.matchesTitle}
        </h2>
        <OfferMatchList matches={matches} />
      </section>
    </div>
  );
}
