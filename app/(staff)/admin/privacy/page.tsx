import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/app/guards';
import { EraseRequesterForm } from '@/components/admin/erase-requester-form';
import { StatusBadge } from '@/components/cases/badges';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { formatDate, formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { findRequester } from '@/lib/privacy/requester';
import { requesterEmailSchema } from '@/lib/privacy/schema';
import { eraseRequesterData } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.dataProtection;

export const metadata: Metadata = { title: t.title };

export default async function PrivacyAdminPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  await requireStaffPage('admin', '/admin/privacy');
  const raw = (await searchParams).email;
  const typed = typeof raw === 'string' ? raw : '';
  const parsed = typed ? requesterEmailSchema.safeParse({ email: typed }) : undefined;
  const email = parsed?.success ? parsed.data.email : undefined;
  const found = email ? await findRequester(email) : undefined;
  const withData = found?.cases.filter((c) => !c.anonymisedAt).length ?? 0;
  const searchError = parsed && !parsed.success ? parsed.error.issues[0]?.message : undefined;

  return (
    <div className="max-w-4xl space-y-5">
      <PageTitle>{t.title}</PageTitle>
      <p className="text-slate-700">{t.intro}</p>

      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-72">
          <Field id="privacy-email" label={t.emailLabel} error={searchError}>
            <input
              id="privacy-email"
              name="email"
              type="email"
              defaultValue={typed}
              autoComplete="off"
              maxLength={254}
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? 'privacy-email-error' : undefined}
              className={inputClass}
            />
          </Field>
        </div>
        <Button type="submit">{t.search}</Button>
      </form>

      {email && found && (
        <>
          <section aria-labelledby="privacy-results" className="space-y-3">
            <h2 id="privacy-results" className="text-lg font-semibold text-slate-900">
              {found.cases.length > 0 ? t.results(found.cases.length) : t.nothingFound}
            </h2>
            {found.cases.length > 0 && (
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="w-full text-left text-sm">
                  <thead className="bg-slate-50 text-slate-700">
                    <tr>
                      <th scope="col" className="px-3 py-2">
                        {t.reference}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {t.status}
                      </th>
                      <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                        {t.submittedAt}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {t.organisation}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {found.cases.map((c) => (
                      <tr key={c.id}>
                        <td className="px-3 py-2 font-mono">
                          <Link href={`/cases/${c.id}`} className="text-brand-700 underline">
                            {c.reference}
                          </Link>
                        </td>
                        <td className="px-3 py-2">
                          <StatusBadge status={c.status} />
                        </td>
                        <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{formatDate(c.createdAt)}</td>
                        <td className="px-3 py-2">
                          {c.organisation}
                          {c.anonymisedAt && (
                            <span className="block text-xs text-slate-600">{t.anonymisedOn(formatDate(c.anonymisedAt))}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {withData > 0 && (
              <a
                href={`/api/admin/privacy/export?email=${encodeURIComponent(email)}`}
                download
                className="inline-flex rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
              >
                {t.export}
              </a>
            )}
          </section>

          <EraseRequesterForm key={email} email={email} caseCount={withData} action={eraseRequesterData} />

          {found.erasures.length > 0 && (
            <section aria-labelledby="privacy-erasures" className="space-y-2">
              <h2 id="privacy-erasures" className="text-lg font-semibold text-slate-900">
                {t.erasuresTitle}
              </h2>
              <ul className="list-disc space-y-1 pl-5 text-slate-800">
                {found.erasures.map((e) => (
                  <li key={e.id}>{t.erasureEntry(formatDateTime(e.createdAt), e.actorName, e.caseIds.length)}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
