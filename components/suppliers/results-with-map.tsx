'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DistrictCollection } from '@/lib/geo/district-geojson';
import { messages } from '@/lib/i18n';
import type { SupplierContact } from '@/lib/suppliers/contacts';
import type { MapPoint, SupplierHit } from '@/lib/suppliers/search';
import { ShortlistButton, type ShortlistActions } from '../introductions/shortlist-button';
import { MarkedText } from './marked-text';
import type { MapSelection } from './supplier-map';

const t = messages.suppliers;

// Leaflet needs `window`: the map is only ever rendered in the browser.
const SupplierMap = dynamic(() => import('./supplier-map'), {
  ssr: false,
  loading: () => <div className="h-full min-h-64 w-full animate-pulse rounded-lg border border-slate-300 bg-slate-100" />,
});

export type ResultHit = Omit<SupplierHit, 'score'>;

interface Props {
  hits: ResultHit[];
  /** Every located match, capped (the page's hits may be missing when capped). */
  mapPoints: MapPoint[];
  mapCapped: boolean;
  total: number;
  terms: string[];
  sectorTitles: Record<string, string>;
  /** Where a result's name links to: `${basePath}/${id}`. */
  basePath: string;
  districts: DistrictCollection;
  tileUrl?: string;
  tileAttribution?: string;
  origin: { latitude: number; longitude: number } | null;
  radiusKm?: number;
  /** Searching for a case: each result can go on its shortlist. */
  shortlist?: Shortlist;
  /** Given, the results are a compact list with these contact data instead of cards. */
  contacts?: Record<number, SupplierContact>;
}

export interface Shortlist {
  caseId: number;
  companyIds: number[];
  actions: ShortlistActions;
}

/** The result list and the map side by side (stacked on phones), with one shared selection. */
export function ResultsWithMap({
  hits,
  mapPoints,
  mapCapped,
  total,
  terms,
  sectorTitles,
  basePath,
  districts,
  tileUrl,
  tileAttribution,
  origin,
  radiusKm,
  shortlist,
  contacts,
}: Props) {
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const rows = useRef(new Map<number, HTMLLIElement>());
  const onPage = useMemo(
    () =>
      hits
        .filter((h) => h.latitude !== null && h.longitude !== null)
        .map((h) => ({ id: h.id, name: h.name, latitude: h.latitude!, longitude: h.longitude! })),
    [hits],
  );
  const located = useMemo(() => new Set(onPage.map((p) => p.id)), [onPage]);
  const points = useMemo(() => [...onPage, ...mapPoints.filter((p) => !located.has(p.id))], [onPage, mapPoints, located]);

  const selectFromMap = useCallback((id: number) => setSelection({ id, from: 'map' }), []);
  const selectFromList = (id: number) => setSelection((previous) => (previous?.id === id ? previous : { id, from: 'list' }));

  useEffect(() => {
    if (selection?.from !== 'map') return;
    rows.current.get(selection.id)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selection]);

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section aria-labelledby="results-title" className="min-w-0">
        <h2 id="results-title" className="sr-only">
          {t.results}
        </h2>
        <p className="mb-2 text-sm text-slate-600">{t.resultsHint}</p>
        <ol className={contacts ? 'space-y-1' : 'space-y-3'}>
          {hits.map((hit) => {
            const isSelected = selection?.id === hit.id;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users select through onFocus, which focus on the row's links reaches
              <li
                key={hit.id}
                ref={(element) => {
                  if (element) rows.current.set(hit.id, element);
                  else rows.current.delete(hit.id);
                }}
                data-supplier-id={hit.id}
                data-selected={isSelected ? 'true' : undefined}
                onClick={() => selectFromList(hit.id)}
                onFocus={() => selectFromList(hit.id)}
                className={`scroll-mt-4 rounded-lg border bg-white transition-colors ${contacts ? 'px-3 py-1.5' : 'p-3 sm:p-4'} ${
                  isSelected ? 'border-amber-500 ring-2 ring-amber-400' : 'border-slate-200 hover:border-slate-300'
                }`}
              >
                {contacts ? (
                  <CompactRow hit={hit} contact={contacts[hit.id]} basePath={basePath} selected={isSelected} shortlist={shortlist} />
                ) : (
                  <ResultRow
                    hit={hit}
                    terms={terms}
                    sectorTitles={sectorTitles}
                    basePath={basePath}
                    located={located.has(hit.id)}
                    selected={isSelected}
                    shortlist={shortlist}
                  />
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <div className="min-w-0 xl:sticky xl:top-4 xl:self-start">
        <SupplierMap
          points={points}
          onPage={located}
          basePath={basePath}
          selection={selection}
          onSelect={selectFromMap}
          districts={districts}
          tileUrl={tileUrl}
          tileAttribution={tileAttribution}
          origin={origin}
          radiusKm={radiusKm}
          height="min(36rem, 80vh)"
        />
        {mapCapped ? (
          <p className="mt-1 text-sm text-slate-700" data-testid="map-capped">
            {t.mapCapped(mapPoints.length, total)}
          </p>
        ) : (
          points.length > onPage.length && <p className="mt-1 text-xs text-slate-600">{t.mapAll}</p>
        )}
        {!tileUrl && <p className="mt-1 text-xs text-slate-600">{t.mapOffline}</p>}
      </div>
    </div>
  );
}

interface RowProps {
  hit: ResultHit;
  terms: string[];
  sectorTitles: Record<string, string>;
  basePath: string;
  located: boolean;
  selected: boolean;
  shortlist?: Shortlist;
}

/** The company confirmed its entry within the last 24 months. */
function VerifiedBadge() {
  return (
    <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">{messages.entries.verifiedBadge}</span>
  );
}

/** One supplier found: why it matched, how far away, and (for a case) its shortlist button. */
export function ResultRow({ hit, terms, sectorTitles, basePath, located, selected, shortlist }: RowProps) {
  const snippets = hit.highlights.filter((h) => h.field === 'description' || h.field === 'certifications');
  return (
    // On a phone a hit is name, place and its first capabilities; the rest is on its page.
    <article className="space-y-1.5 sm:space-y-2">
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="text-base font-semibold">
          <Link
            href={`${basePath}/${hit.id}`}
            className="text-brand-700 underline-offset-4 hover:underline"
            aria-current={selected ? 'true' : undefined}
          >
            <MarkedText text={hit.name} terms={terms} />
          </Link>
        </h3>
        {hit.distance_km !== null && (
          <span className="whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-sm font-medium tabular-nums text-slate-800">
            {t.distance(hit.distance_km)}
          </span>
        )}
      </header>
      <p className="text-sm text-slate-700">
        {t.kinds[hit.kind]} · {hit.postal_code} {hit.city}
        {hit.district && hit.district !== hit.city ? ` · ${hit.district}` : ''}
        {!located && <span className="text-slate-500"> · {t.notOnMap}</span>}
        {hit.verified && <VerifiedBadge />}
      </p>
      {hit.capabilities.length > 0 && (
        <div className="text-sm">
          <span className="sr-only">{t.capabilities}: </span>
          <ul className="flex flex-wrap gap-1.5 max-sm:[&>li:nth-child(n+4)]:hidden">
            {hit.capabilities.slice(0, 8).map((capability) => (
              <li key={capability} className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5">
                <MarkedText text={capability} terms={terms} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {hit.sectors.length > 0 && (
        <p className="hidden text-sm text-slate-700 sm:block">
          <span className="font-medium">{t.sectors}: </span>
          {hit.sectors.map((code, i) => (
            <span key={code}>
              {i > 0 && '; '}
              <span className="font-mono text-xs">{code}</span> {sectorTitles[code] ?? ''}
            </span>
          ))}
        </p>
      )}
      {snippets.length > 0 && (
        <div className="hidden text-sm text-slate-700 sm:block">
          <span className="font-medium">{t.matchedIn}: </span>
          {snippets.map((h, i) => (
            <span key={i}>
              {i > 0 && ' · '}
              <span className="text-slate-600">{t.highlightFields[h.field]}</span> „<MarkedText text={h.text} terms={terms} />“
            </span>
          ))}
        </div>
      )}
      {shortlist && <ShortlistToggle hit={hit} shortlist={shortlist} />}
    </article>
  );
}

/** One supplier in the compact list: name, place, distance and how to reach it, on one or two lines. */
function CompactRow({
  hit,
  contact,
  basePath,
  selected,
  shortlist,
}: {
  hit: ResultHit;
  contact?: SupplierContact;
  basePath: string;
  selected: boolean;
  shortlist?: Shortlist;
}) {
  return (
    <article className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-sm">
      <h3 className="font-semibold">
        <Link
          href={`${basePath}/${hit.id}`}
          className="text-brand-700 underline-offset-4 hover:underline"
          aria-current={selected ? 'true' : undefined}
        >
          {hit.name}
        </Link>
      </h3>
      <span className="text-slate-700">
        {hit.postal_code} {hit.city}
        {hit.distance_km !== null && ` · ${t.distance(hit.distance_km)}`}
        {hit.verified && <VerifiedBadge />}
      </span>
      <span className="flex flex-wrap gap-x-3 text-slate-800">
        {contact?.contactPerson && <span>{contact.contactPerson}</span>}
        {contact?.phone && (
          <a href={`tel:${contact.phone}`} className="text-brand-700 underline">
            {contact.phone}
          </a>
        )}
        {contact?.email && (
          <a href={`mailto:${contact.email}`} className="text-brand-700 underline [overflow-wrap:anywhere]">
            {contact.email}
          </a>
        )}
        {!contact?.phone && !contact?.email && <span className="text-slate-500">{t.layout.noContact}</span>}
      </span>
      {shortlist && <ShortlistToggle hit={hit} shortlist={shortlist} />}
    </article>
  );
}

/** A result's button onto or off the case's shortlist. */
function ShortlistToggle({ hit, shortlist }: { hit: ResultHit; shortlist: Shortlist }) {
  return (
    <ShortlistButton
      caseId={shortlist.caseId}
      companyId={hit.id}
      companyName={hit.name}
      shortlisted={shortlist.companyIds.includes(hit.id)}
      actions={shortlist.actions}
    />
  );
}
