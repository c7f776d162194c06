import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { RequestForm } from '@/components/request-form';
import { attachmentLimits } from '@/lib/attachments/store';
import { messages } from '@/lib/i18n';
import { issueFormToken } from '@/lib/intake/form-token';
import { listSectionsWithDivisions } from '@/lib/sectors/queries';
import { loadPublicCompany } from '@/lib/suppliers/detail';
import { parseIdParam } from '@/lib/validation';
import { submitRequestForm } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.request;

export const metadata: Metadata = { title: t.title };

/** A request started from a directory entry (`?company=<id>`) begins with that company's name. */
async function aboutCompany(raw: string | string[] | undefined): Promise<string> {
  const id = parseIdParam(String((Array.isArray(raw) ? raw[0] : raw) ?? ''));
  if (id === undefined) return '';
  const company = await loadPublicCompany(id);
  return company ? t.aboutCompany(company.name) : '';
}

export default async function RequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection(); // the fill-time token must be issued per visit, never prerendered
  const [sectorGroups, description] = await Promise.all([listSectionsWithDivisions(), aboutCompany((await searchParams).company)]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <PageTitle>{t.title}</PageTitle>
        <p className="text-slate-700">{t.intro}</p>
        <p className="text-slate-700">
          {messages.offers.linkHint}{' '}
          <Link href="/offer" className="font-medium text-brand-700 underline underline-offset-4">
            {messages.offers.link}
          </Link>
        </p>
      </header>
      <RequestForm
        action={submitRequestForm}
        formToken={issueFormToken()}
        sectorGroups={sectorGroups}
        attachmentLimits={attachmentLimits()}
        initialDescription={description}
      />
    </div>
  );
}
