import Link from 'next/link';
import type { CaseDetail } from '@/lib/cases/detail';
import { messages } from '@/lib/i18n';
import { candidateSearch, caseNear } from '@/lib/introductions/candidates';
import { sectorTitles } from '@/lib/sectors/queries';
import { searchSuppliers } from '@/lib/suppliers/search';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';
import { searchQuery } from '@/lib/suppliers/search-url';
import type { ShortlistActions } from './shortlist-button';
import { ResultRow } from '../suppliers/results-with-map';
import { RADII } from '../suppliers/search-form';

const t = messages.introductions.candidates;
const SHOWN = 10;

interface Props {
  c: CaseDetail['case'];
  /** The search the page URL asks for; without one, the search is filled from the request. */
  requested: { q: string; radius_km?: string } | null;
  shortlisted: number[];
  shortlistActions: ShortlistActions;
}

/** The best candidates for a case, searchable right on the case page. */
export async function CaseCandidates({ c, requested, shortlisted, shortlistActions }: Props) {
  const near = caseNear(c);
  const search = requested ?? (await candidateSearch(c));
  const parsed = supplierSearchSchema.safeParse({ ...search, near, limit: SHOWN });
  const params = parsed.success ? parsed.data : supplierSearchSchema.parse({ q: search.q?.slice(0, 200), near, limit: SHOWN });
  const results = params.q ? await searchSuppliers(params, 'staff') : undefined;
  const titles = results ? await sectorTitles(results.results.flatMap((r) => r.sectors)) : {};
  const fullSearch = `/suppliers?${searchQuery({ ...params, near: undefined, case: c.id, limit: 20 })}`;

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t.hint}</p>
      <form action={`/cases/${c.id}#kandidaten`} className="flex flex-wrap items-end gap-2" role="search" aria-label={t.title}>
        <div className="min-w-48 flex-1">
          <label htmlFor="candidate-q" className="block text-sm font-medium text-slate-900">
            {t.query}
          </label>
          <input
            id="candidate-q"
            name="q"
            defaultValue={params.q ?? ''}
            className="block w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="candidate-radius" className="block text-sm font-medium text-slate-900">
            {messages.suppliers.radius}
          </label>
          <select
            id="candidate-radius"
            name="radius_km"
            defaultValue={params.radius_km ?? ''}
            className="block rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            {RADII.map((km) => (
              <option key={km} value={km}>
                {messages.suppliers.radiusOption(km)}
              </option>
            ))}
            <option value="">{messages.suppliers.anyRadius}</option>
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t.search}
        </button>
      </form>
      {!results ? (
        <p className="text-sm text-slate-700">{t.noTerms}</p>
      ) : results.total === 0 ? (
        <p className="text-sm text-slate-700">{t.none}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <p className="font-semibold" role="status">
              {t.total(results.results.length, results.total, results.capped)}
              {' · '}
              {t.from(`${c.postalCode} ${c.city}`)}
            </p>
            <Link href={fullSearch} className="text-brand-700 underline underline-offset-4">
              {t.allWithMap}
            </Link>
          </div>
          <ol className="space-y-3">
            {results.results.map(({ score: _score, ...hit }) => (
              <li key={hit.id} className="rounded-lg border border-slate-200 p-3" data-candidate-id={hit.id}>
                <ResultRow
                  hit={hit}
                  terms={results.terms}
                  sectorTitles={titles}
                  basePath="/suppliers"
                  located={hit.latitude !== null}
                  selected={false}
                  shortlist={{ caseId: c.id, companyIds: shortlisted, actions: shortlistActions }}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
