import { NextResponse } from 'next/server';
import { currentStaff } from '@/lib/auth/session';
import { clientIp } from '@/lib/client-ip';
import { config } from '@/lib/config';
import { isCrossSiteRequest } from '@/lib/http/cross-site';
import { messages } from '@/lib/i18n';
import { logError } from '@/lib/log';
import { type Audience, searchSuppliers, type SupplierHit } from '@/lib/suppliers/search';
import { consumePublicSearch } from '@/lib/suppliers/public-search-limit';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';

/**
 * The fields a search result carries in the API, listed one by one: a field added to
 * SupplierHit later stays out of the public answer until it is named here.
 */
function apiHit(hit: SupplierHit) {
  return {
    id: hit.id,
    external_id: hit.external_id,
    name: hit.name,
    kind: hit.kind,
    city: hit.city,
    postal_code: hit.postal_code,
    district: hit.district,
    latitude: hit.latitude,
    longitude: hit.longitude,
    distance_km: hit.distance_km,
    score: hit.score,
    sectors: hit.sectors,
    capabilities: hit.capabilities,
    certifications: hit.certifications,
    highlights: hit.highlights,
  };
}

/** German messages per refused parameter (the search schema itself carries none). */
function paramErrors(issues: { path: PropertyKey[] }[]): Record<string, string> {
  const known = messages.suppliers.paramErrors as Record<string, string>;
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in out)) out[field] = known[field] ?? messages.errors.invalidInput;
  }
  return out;
}

/** Supplier search as JSON. Signed-in staff search every company; everyone else the public directory. */
export async function GET(request: Request) {
  const settings = config();
  // Another site's page never sees what a signed-in staff member would.
  const crossSite = isCrossSiteRequest(request.headers, settings);
  const audience: Audience = !crossSite && (await currentStaff()) ? 'staff' : 'public';
  // Anonymous callers share the directory's database with the staff: a scraper or a loop in a
  // partner's script must not slow the desk down. Staff are signed in and not limited.
  if (audience === 'public') {
    const limit = await consumePublicSearch(clientIp(request.headers, settings.TRUST_PROXY_HOPS));
    if (!limit.ok) {
      return NextResponse.json(
        { error: messages.errors.rateLimited(Math.ceil(limit.retryAfterSeconds / 60)) },
        { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'no-store' } },
      );
    }
  }
  const url = new URL(request.url);
  const parsed = supplierSearchSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    return NextResponse.json(
      { error: messages.suppliers.invalidParams, field_errors: paramErrors(parsed.error.issues) },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  // Staff answers must never land in a shared cache; public ones may be cached briefly.
  const headers = { 'Cache-Control': audience === 'staff' ? 'private, no-store' : 'public, max-age=60', Vary: 'Cookie' };
  try {
    const { total, capped, results, relaxed, suggestions } = await searchSuppliers(parsed.data, audience);
    return NextResponse.json({ total, capped, relaxed, suggestions, results: results.map(apiHit) }, { headers });
  } catch (error) {
    logError('api.suppliers.search.error', error);
    return NextResponse.json({ error: messages.errors.unexpected }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
