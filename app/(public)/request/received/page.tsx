import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ConfirmationDetails } from '@/components/confirmation-details';
import { messages } from '@/lib/i18n';
import { REFERENCE_PATTERN } from '@/lib/validation';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.received;

export const metadata: Metadata = { title: t.title };

export default async function ReceivedPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const { ref } = await searchParams;
  if (!ref || !REFERENCE_PATTERN.test(ref)) redirect('/request');
  return (
    <div className="space-y-8">
      <PageTitle>{t.title}</PageTitle>
      <section className="rounded-lg border border-green-700 bg-green-50 p-5 sm:p-6" aria-labelledby="reference-label">
        <p id="reference-label" className="text-sm font-medium text-green-900">
          {t.referenceLabel}
        </p>
        <p className="mt-1 font-mono text-3xl font-bold tracking-wide text-slate-900" data-testid="reference">
          {ref}
        </p>
        <p className="mt-3 text-slate-800">{t.keepReference}</p>
        <ConfirmationDetails reference={ref} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-brand-800">{t.nextTitle}</h2>
        <ol className="list-decimal space-y-2 pl-6 text-slate-800">
          {t.next.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <div className="flex flex-wrap gap-4">
        <Link
          href={`/request/status?ref=${encodeURIComponent(ref)}`}
          className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
        >
          {t.statusLink}
        </Link>
        <Link
          href="/request"
          className="rounded-md border border-slate-300 bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-slate-100"
        >
          {t.newRequest}
        </Link>
      </div>
    </div>
  );
}
