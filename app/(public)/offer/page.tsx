import type { Metadata } from 'next';
import { connection } from 'next/server';
import { OfferForm } from '@/components/offers/offer-form';
import { messages } from '@/lib/i18n';
import { issueFormToken } from '@/lib/intake/form-token';
import { listSectionsWithDivisions } from '@/lib/sectors/queries';
import { submitOfferForm } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.offers;

export const metadata: Metadata = { title: t.title };

export default async function OfferPage() {
  await connection(); // the fill-time token must be issued per visit, never prerendered
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <PageTitle>{t.title}</PageTitle>
        <p className="text-slate-700">{t.intro}</p>
      </header>
      <OfferForm action={submitOfferForm} formToken={issueFormToken()} sectorGroups={await listSectionsWithDivisions()} />
    </div>
  );
}
