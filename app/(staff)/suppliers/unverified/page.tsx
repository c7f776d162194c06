import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/app/guards';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { parseIdParam } from '@/lib/validation';
import { loadUnverified, UNVERIFIED_PAGE_SIZE } from '@/lib/suppliers/verified';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.entries;

export const metadata: Metadata = { title: t.unverifiedTitle };

/** Entries their company has not confirmed for more than 24 months (never confirmed first), page by page. */
export default async function UnverifiedPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requireStaffPage('expert', '/suppliers/unverified');
  const { page: raw } = await searchParams;
  const page = (typeof raw === 'string' ? parseIdParam(raw) : undefined) ?? 1;
  const { rows, total } = await loadUnverified(page);
  const pages = Math.max(1, Math.ceil(total / UNVERIFIED_PAGE_SIZE));
  const pageLink = (n: number) => (n === 1 ? '/suppliers/unverified' : `/suppliers/unverified?page=${n}`);
  return (
    <div className="space-y-5">
      <Link href="/suppliers" className="text-sm text-brand-700 underline underline-offset-4">
        ← {messages.suppliers.back}
      </Link>
      <PageTitle>{t.unverifiedTitle}</PageTitle>
      <p className="text-slate-700">
        {t.unverifiedIntro} {t.unverifiedCount(total)}.
      </p>
      {total === 0 ? (
        <p className="text-slate-700">{t.unverifiedEmpty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {messages.suppliers.fields.name}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {messages.suppliers.fields.city}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.verifiedColumn}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t.checkSentColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/suppliers/${row.id}`} className="text-brand-700 underline-offset-4 hover:underline">
                      {row.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {row.postalCode} {row.city}
                  </td>
                  <td className="px-3 py-2">{row.verifiedAt ? formatDate(row.verifiedAt) : t.neverVerified}</td>
                  <td className="px-3 py-2">{row.entryCheckSentAt ? formatDate(row.entryCheckSentAt) : messages.suppliers.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={messages.suppliers.pages} className="flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={pageLink(page - 1)} className="text-brand-700 underline underline-offset-4">
              {messages.suppliers.previous}
            </Link>
          )}
          <span>
            {page} / {pages}
          </span>
          {page < pages && (
            <Link href={pageLink(page + 1)} className="text-brand-700 underline underline-offset-4">
              {messages.suppliers.next}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
