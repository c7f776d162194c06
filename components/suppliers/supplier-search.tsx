import Link from 'next/link';
import type { ReactNode } from 'react';
import type { DistrictCollection } from '@/lib/geo/district-geojson';
import { messages } from '@/lib/i18n';
import { searchHref, type SearchState } from '@/lib/suppliers/search-url';
import type { SearchView } from '@/lib/suppliers/search-view';
import { FilterPanel } from './filter-panel';
import type { SupplierContact } from '@/lib/suppliers/contacts';
import { ResultsWithMap, type Shortlist } from './results-with-map';
import { type CaseOrigin, SearchForm } from './search-form';
import { SearchNotice } from './search-notice';
import { SectorTree } from './sector-tree';

const t = messages.suppliers;

interface Props {
  /** The page the search lives on (/suppliers or /directory); results link below it. */
  path: string;
  state: SearchState;
  view: SearchView;
  caseOrigin?: CaseOrigin;
  districtShapes: DistrictCollection;
  tileUrl?: string;
  tileAttribution?: string;
  /** Extra links above the results (e.g. the CSV export for staff). */
  actions?: ReactNode;
  shortlist?: Shortlist;
  /** Staff can switch between cards and a compact list with contact data (`layout=list`). */
  layoutToggle?: boolean;
  contacts?: Record<number, SupplierContact>;
}

function FacetBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-700">{title}</h2>
      {children}
    </section>
  );
}

/** Search form, filter sidebar with counts, results and map: shared by staff search and public directory. */
export function SupplierSearch({
  path,
  state,
  view,
  caseOrigin,
  districtShapes,
  tileUrl,
  tileAttribution,
  actions,
  shortlist,
  layoutToggle,
  contacts,
}: Props) {
  const { results } = view;
  const from = results.total === 0 ? 0 : state.offset + 1;
  const to = Math.min(state.offset + state.limit, results.total);
  const link = 'rounded px-1 text-sm leading-snug hover:bg-brand-50';
  const hits = results.results.map(({ score: _score, ...hit }) => hit);

  return (
    <div className="space-y-4">
      <SearchForm path={path} state={state} facets={view.facets} caseOrigin={caseOrigin} />
      <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <FilterPanel label={t.filters}>
          <FacetBox title={t.sectorTree}>
            {state.sector && (
              <Link href={searchHref(path, state, { sector: undefined })} className={`${link} mb-1 block text-brand-700 underline`}>
                {t.allSectors}
              </Link>
            )}
            {view.sectors.length > 0 ? (
              <SectorTree nodes={view.sectors} path={path} state={state} />
            ) : (
              <p className="text-sm text-slate-600">{t.noFacet}</p>
            )}
          </FacetBox>
          <FacetBox title={t.districts}>
            {state.district && (
              <Link href={searchHref(path, state, { district: undefined })} className={`${link} mb-1 block text-brand-700 underline`}>
                {t.allDistricts}
              </Link>
            )}
            {view.districts.length > 0 ? (
              <ul>
                {view.districts.map((d) => (
                  <li key={d.key}>
                    <Link
                      href={searchHref(path, state, { district: d.key })}
                      aria-current={state.district === d.key ? 'true' : undefined}
                      className={`${link} flex justify-between gap-2 py-0.5 ${
                        state.district === d.key ? 'bg-brand-100 font-semibold text-brand-800' : 'text-slate-800'
                      }`}
                    >
                      <span>{d.name}</span>
                      <span className="tabular-nums text-slate-600">({d.count.toLocaleString('de-DE')})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t.noFacet}</p>
            )}
          </FacetBox>
        </FilterPanel>

        <div className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className="font-semibold text-slate-900" role="status" data-testid="result-total">
              {results.total > 0 ? t.range(from, to, results.total, results.capped) : t.hits(0)}
            </p>
            {layoutToggle && results.total > 0 && (
              <nav aria-label={t.layout.label} className="flex gap-1 text-sm">
                {([undefined, 'list'] as const).map((layout) => (
                  <Link
                    key={layout ?? 'cards'}
                    href={searchHref(path, state, { layout, offset: state.offset })}
                    aria-current={state.layout === layout ? 'page' : undefined}
                    className={`rounded-md border px-2.5 py-1 font-medium ${state.layout === layout ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-brand-800 hover:bg-slate-100'}`}
                  >
                    {layout ? t.layout.list : t.layout.cards}
                  </Link>
                ))}
              </nav>
            )}
            {actions}
          </div>
          <SearchNotice path={path} state={state} results={results} />
          {results.total === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t.noResults}</p>
          ) : (
            <ResultsWithMap
              hits={hits}
              mapPoints={view.map.points}
              mapCapped={view.map.capped}
              total={results.total}
              terms={results.terms}
              sectorTitles={view.sectorTitles}
              basePath={path}
              districts={districtShapes}
              tileUrl={tileUrl}
              tileAttribution={tileAttribution}
              origin={results.origin}
              radiusKm={results.origin ? state.radius_km : undefined}
              shortlist={shortlist}
              contacts={contacts}
            />
          )}
          {(results.total > state.limit || results.capped) && (
            <nav aria-label={t.pages} className="flex flex-wrap items-center justify-between gap-3 text-sm">
              <span>{t.range(from, to, results.total, results.capped)}</span>
              <div className="flex gap-2">
                {state.offset > 0 && (
                  <Link
                    href={searchHref(path, state, { offset: Math.max(0, state.offset - state.limit) })}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
                  >
                    {t.previous}
                  </Link>
                )}
                {(to < results.total || results.capped) && (
                  <Link
                    href={searchHref(path, state, { offset: state.offset + state.limit })}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
                  >
                    {t.next}
                  </Link>
                )}
              </div>
            </nav>
          )}
        </div>
      </div>
    </div>
  );
}
