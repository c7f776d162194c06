import { type NextRequest, NextResponse } from 'next/server';
import { authorizeRequest } from '@/app/guards';
import { messages } from '@/lib/i18n';
import { log } from '@/lib/log';
import { toCsv } from '@/lib/suppliers/csv';
import { companiesForExport } from '@/lib/suppliers/import';
import { searchCompanyIds } from '@/lib/suppliers/search';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';

const FILTERS = ['q', 'sector', 'district', 'near', 'radius_km', 'certification', 'kind', 'size'] as const;
const MAX_IDS = 10_000;

/** `1,2,3` as ids; undefined when absent, null when malformed. */
function parseIds(raw: string | null): number[] | undefined | null {
  if (raw === null) return undefined;
  const parts = raw.split(',');
  if (parts.length > MAX_IDS || !parts.every((part) => /^\d{1,9}$/.test(part))) return null;
  return [...new Set(parts.map(Number))];
}

/**
 * Staff download suppliers as CSV in the import format: every match of a search (the query
 * parameters of /api/suppliers/search; paging is ignored), the companies in `ids=1,2,3`, or
 * all companies without parameters.
 */
export async function GET(request: NextRequest) {
  const user = await authorizeRequest('expert');
  if (user instanceof NextResponse) return user;
  const params = request.nextUrl.searchParams;
  const ids = parseIds(params.get('ids'));
  const search = supplierSearchSchema.safeParse(Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? undefined])));
  if (!search.success || ids === null) {
    return NextResponse.json({ error: messages.export.invalidParameters }, { status: 400 });
  }
  const filtered = FILTERS.some((key) => search.data[key] !== undefined);
  let selected = ids;
  if (filtered) {
    const matches = await searchCompanyIds(search.data, 'staff');
    const wanted = ids && new Set(ids);
    selected = wanted ? matches.filter((id) => wanted.has(id)) : matches;
  }
  const companies = await companiesForExport(selected);
  log.info({ event: 'suppliers.exported', userId: user.id, count: companies.length, filtered, byIds: ids !== undefined });
  return new Response(toCsv(companies), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${messages.export.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
