import Link from 'next/link';
import { messages } from '@/lib/i18n';
import type { OfferMatchEntry } from '@/lib/offers/queries';
import { offerTerms } from './company-offers';

const t = messages.offers;

/** "Neues Angebot" on a case: accepted offers that may serve it, until its assignee has opened it. */
export function NewOfferMarker({ matches }: { matches: OfferMatchEntry[] }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby="new-offer" className="space-y-2 rounded-lg border-l-4 border-amber-500 bg-amber-50 p-4">
      <h2 id="new-offer" className="font-semibold text-amber-950">
        {t.markerTitle}
      </h2>
      <ul className="space-y-2">
        {matches.map((match) => (
          <li key={match.offerId} className="space-y-0.5">
            <p>
              {t.markerHint}{' '}
              <Link href={`/suppliers/${match.companyId}`} className="font-medium text-brand-700 underline underline-offset-4">
                {match.company}
              </Link>
            </p>
            <p className="whitespace-pre-wrap text-slate-900">{match.offer}</p>
            <p className="text-sm text-slate-700">{offerTerms(match)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
