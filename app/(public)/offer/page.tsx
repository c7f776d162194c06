import type { Metadata } from 'next';
import { connection } from 'next/server';
import { OfferForm } from '@/components/offers/offer-form';
import { messages } from '@/lib/i18n';
import { issueFormToken } from '@/lib/intake/form-token';
import { listSectionsWithDivisions } from '@/lib/sectors/queries';
import { submitOfferForm } from './actions';

const t = messages.offers;

export const metadata: Metadata = { title: t.title };

export default async function OfferPage() {
  await connection(); // the fill-time token must be issued per visit, never prerendered
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-brand-800 sm:text-3xl">{t.title}</h1>
        <p className="text-slate-700">{t.intro}</p>
      </header>
      <OfferForm action={submitOfferForm} formToken={issueFormToken()} sectorGroups={await listSectionsWithDivisions()} />
    </div>
  );
}
