import Link from 'next/link';
import { messages } from '@/lib/i18n';

const t = messages.directory;

/** The way from the public directory to a help request; from a company page, about that company. */
export function RequestCallout({ companyId }: { companyId?: number }) {
  return (
    <aside aria-labelledby="request-callout" className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
      <h2 id="request-callout" className="font-semibold text-brand-800">
        {t.ctaTitle}
      </h2>
      <p className="mt-1 text-sm text-slate-800">{t.ctaText}</p>
      <Link
        href={companyId ? `/request?company=${companyId}` : '/request'}
        className="mt-3 inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800"
      >
        {companyId ? t.ctaCompany : t.cta}
      </Link>
    </aside>
  );
}
