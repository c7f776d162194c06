import type { Metadata } from 'next';
import { requesterIp } from '@/app/requester-ip';
import { Alert } from '@/components/ui/alert';
import { RequestCallout } from '@/components/suppliers/request-callout';
import { SupplierSearch } from '@/components/suppliers/supplier-search';
import { config } from '@/lib/config';
import { districtGeoJson } from '@/lib/geo/district-geojson';
import { messages } from '@/lib/i18n';
import { consumePublicSearch } from '@/lib/suppliers/public-search-limit';
import { parseSearchParams } from '@/lib/suppliers/search-schema';
import { loadSearchView } from '@/lib/suppliers/search-view';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.directory;

export const metadata: Metadata = { title: t.title };

/** The public directory: the staff search over publicly listed companies and their public fields. */
export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseSearchParams(await searchParams);
  const limit = await consumePublicSearch(await requesterIp());
  if (!limit.ok) {
    return (
      <div className="space-y-4">
        <PageTitle>{t.title}</PageTitle>
        <Alert tone="error">{messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60))}</Alert>
      </div>
    );
  }
  const view = await loadSearchView(params, 'public');
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();

  return (
    // Wider than the public pages' reading column: list and map need the room.
    <div className="relative left-1/2 w-[min(80rem,calc(100vw-2rem))] -translate-x-1/2 space-y-4">
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <div className="space-y-2">
          <PageTitle>{t.title}</PageTitle>
          <p className="max-w-3xl text-slate-700">{t.intro}</p>
        </div>
        <RequestCallout />
      </div>
      <SupplierSearch
        path="/directory"
        state={params}
        view={view}
        districtShapes={districtGeoJson()}
        tileUrl={MAP_TILE_URL}
        tileAttribution={MAP_TILE_ATTRIBUTION}
      />
    </div>
  );
}
