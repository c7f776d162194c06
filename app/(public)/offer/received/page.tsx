import type { Metadata } from 'next';
import Link from 'next/link';
import { messages } from '@/lib/i18n';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.offers.received;

export const metadata: Metadata = { title: t.title };

export default function OfferReceivedPage() {
  return (
    <div className="space-y-8">
      <PageTitle>{t.title}</PageTitle>
      <section className="space-y-2 rounded-lg border border-green-700 bg-green-50 p-5 sm:p-6">
        <p className="text-slate-900">{t.text}</p>
      </section>
      <div className="flex flex-wrap gap-4">
        <Link href="/offer" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
          {t.another}
        </Link>
        <Link href="/" className="rounded-md border border-slate-300 bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-slate-100">
          {t.home}
        </Link>
      </div>
    </div>
  );
}
