import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/app/guards';
import { shortlistCandidate, unshortlistCandidate } from '@/app/(staff)/introductions/actions';
import { SupplierSearch } from '@/components/suppliers/supplier-search';
import { loadCase } from '@/lib/cases/detail';
import { config } from '@/lib/config';
import { districtGeoJson } from '@/lib/geo/district-geojson';
import { messages } from '@/lib/i18n';
import { parseIdParam } from '@/lib/validation';
import { caseNear } from '@/lib/introductions/candidates';
import { loadShortlist } from '@/lib/introductions/shortlist';
import { supplierContacts } from '@/lib/suppliers/contacts';
import { pendingEntryChangeCount } from '@/lib/suppliers/entry-review';
import { isSearchMiss, recordSearchMiss } from '@/lib/suppliers/search-misses';
import { parseSearchParams } from '@/lib/suppliers/search-schema';
import { searchQuery, type SearchState } from '@/lib/suppliers/search-url';
import { loadSearchView } from '@/lib/suppliers/search-view';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.suppliers;

export const metadata: Metadata = { title: t.title };

type Params = Record<string, string | string[] | undefined>;

/** `?case=42`: distances from that case's location, unless a postal code is given. */
async function caseOriginOf(raw: Params) {
  const value = Array.isArray(raw.case) ? raw.case[0] : raw.case;
  const id = value === undefined ? undefined : parseIdParam(value);
  if (id === undefined) return undefined;
  const detail = await loadCase(id);
  if (!detail) return undefined;
  const c = detail.case;
  return {
    id: c.id,
    reference: c.reference,
    place: `${c.postalCode} ${c.city}`,
    near: caseNear(c),
  };
}

export default async function SuppliersPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireStaffPage('expert', '/suppliers');
  const raw = await searchParams;
  const params = parseSearchParams(raw);
  const caseOrigin = await caseOriginOf(raw);
  const layout = (Array.isArray(raw.layout) ? raw.layout[0] : raw.layout) === 'list' ? 'list' : undefined;
  const state: SearchState = { ...params, case: caseOrigin?.id, layout };
  const search = { ...params, near: params.near ?? caseOrigin?.near };
  const [view, shortlist, pendingChanges] = await Promise.all([
    loadSearchView(search, 'staff'),
    caseOrigin ? loadShortlist(caseOrigin.id) : undefined,
    pendingEntryChangeCount(),
  ]);
  // Where supply is missing: the unmet-demand report counts what experts searched in vain.
  if (isSearchMiss(params, view.results.total)) await recordSearchMiss(params.q!);
  const contacts = layout === 'list' ? await supplierContacts(view.results.results.map((hit) => hit.id)) : undefined;
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();
  const exportQuery = searchQuery({ ...search, limit: 20, offset: 0 });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <PageTitle>{t.title}</PageTitle>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Link href="/suppliers/review" className="text-sm text-brand-700 underline underline-offset-4">
            {messages.entries.reviewNav(pendingChanges)}
          </Link>
          <Link href="/suppliers/unverified" className="text-sm text-brand-700 underline underline-offset-4">
            {messages.entries.unverifiedNav}
          </Link>
          <Link
            href="/suppliers/new"
            className="rounded-md border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t.newSupplier}
          </Link>
        </div>
      </div>
      <SupplierSearch
        path="/suppliers"
        state={state}
        view={view}
        caseOrigin={caseOrigin && { id: caseOrigin.id, reference: caseOrigin.reference, place: caseOrigin.place }}
        districtShapes={districtGeoJson()}
        tileUrl={MAP_TILE_URL}
        tileAttribution={MAP_TILE_ATTRIBUTION}
        shortlist={
          caseOrigin &&
          shortlist && {
            caseId: caseOrigin.id,
            companyIds: shortlist.map((s) => s.companyId),
            actions: { add: shortlistCandidate, remove: unshortlistCandidate },
          }
        }
        contacts={contacts}
        layoutToggle
        actions={
          view.results.total > 0 && (
            <a
              href={`/api/suppliers/export${exportQuery ? `?${exportQuery}` : ''}`}
              className="text-sm font-medium text-brand-700 underline underline-offset-4"
            >
              {t.exportCsv}
            </a>
          )
        }
      />
    </div>
  );
}
