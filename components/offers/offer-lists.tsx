import Link from 'next/link';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import type { OfferListEntry, OfferMatchEntry } from '@/lib/offers/queries';

const t = messages.offers;

const until = (date: string | null) => (date ? formatDate(date) : t.openEnded);

/** The review queue: new offers, oldest first. */
export function NewOfferList({ offers }: { offers: OfferListEntry[] }) {
  if (offers.length === 0) return <p className="text-slate-700">{t.noneNew}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {offers.map((offer) => (
        <li key={offer.id} className="space-y-1 p-4">
          <p className="flex flex-wrap items-baseline gap-x-3">
            <Link href={`/offers/${offer.id}`} className="font-semibold text-brand-700 underline underline-offset-4">
              {offer.organisation}
            </Link>
            <span className="text-sm text-slate-600">
              {offer.postalCode} {offer.city} · {t.receivedAt} {formatDateTime(offer.createdAt)} · {t.until} {until(offer.availableUntil)}
            </span>
          </p>
          <p className="line-clamp-2 text-slate-800">{offer.offer}</p>
        </li>
      ))}
    </ul>
  );
}

/** "Neue Angebote passend zu meinen Fällen": each with its case and the offering company. */
export function OfferMatchList({ matches }: { matches: OfferMatchEntry[] }) {
  if (matches.length === 0) return <p className="text-slate-700">{t.noMatches}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {matches.map((match) => (
        <li key={`${match.offerId}-${match.caseId}`} className="space-y-1 p-4">
          <p className="flex flex-wrap items-baseline gap-x-3">
            <Link href={`/cases/${match.caseId}`} className="font-semibold text-brand-700 underline underline-offset-4">
              {match.reference}
            </Link>
            <Link href={`/suppliers/${match.companyId}`} className="text-brand-700 underline underline-offset-4">
              {match.company}
            </Link>
            <span className="text-sm text-slate-600">
              {t.until} {until(match.availableUntil)}
            </span>
          </p>
          <p className="line-clamp-2 text-slate-800">{match.offer}</p>
        </li>
      ))}
    </ul>
  );
}
