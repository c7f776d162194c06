/**
 * GET /api/suppliers/search, called as a route handler: anonymous callers see the public
 * directory only (listed companies, no contact persons), signed-in staff see every company.
 */
import { sql } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/suppliers/search/route';
import { db } from '@/db/client';
import { companies, companyEvents } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { SOCKET_IP_HEADER } from '@/lib/client-ip';
import { messages } from '@/lib/i18n';
import { sidebarFacets } from '@/lib/suppliers/facets';
import { companyInputSchema, type CompanyInput } from '@/lib/suppliers/schema';
import { searchFacets } from '@/lib/suppliers/search';
import { supplierSearchSchema } from '@/lib/suppliers/search-schema';
import { saveCompany } from '@/lib/suppliers/write';
import { signedInSession, staffUser } from '../helpers/staff-users';

vi.mock('next-auth', async (orig) => ({ ...(await orig<typeof import('next-auth')>()), getServerSession: vi.fn() }));

const HIDDEN_CONTACT = 'Frau Verborgen-Kontakt';
const HIDDEN_NAME = 'Geheime Maskenmanufaktur Erfurt';

const company = (input: Partial<Record<keyof CompanyInput, unknown>>): CompanyInput =>
  companyInputSchema.parse({ kind: 'company', sectors: [], capabilities: [], certifications: [], publicListing: true, ...input });

const FIXTURES = [
  company({
    externalId: 'API-1',
    name: 'Thüringer Schutzausrüstung GmbH',
    postalCode: '07743',
    city: 'Jena',
    sectors: ['32.50'],
    capabilities: ['FFP2-Masken', 'OP-Masken'],
    certifications: ['EN 149'],
    contactPerson: 'Herr Öffentlich-Intern',
    description: 'Atemschutzmasken für Kliniken.',
  }),
  company({
    externalId: 'API-2',
    name: HIDDEN_NAME,
    postalCode: '99084',
    city: 'Erfurt',
    sectors: ['32.50'],
    capabilities: ['FFP2-Masken'],
    contactPerson: HIDDEN_CONTACT,
    phone: '+49 361 999999',
    publicListing: false,
  }),
  company({
    externalId: 'API-3',
    name: 'Chemiewerk Bad Köstritz',
    postalCode: '07586',
    city: 'Bad Köstritz',
    sectors: ['20.20'],
    capabilities: ['Händedesinfektion'],
    description: 'Desinfektionsmittel in Kanistern.',
  }),
];

const CONTRACT_FIELDS = [
  'id',
  'external_id',
  'name',
  'kind',
  'city',
  'postal_code',
  'district',
  'distance_km',
  'score',
  'sectors',
  'capabilities',
  'highlights',
];

let expert: StaffUser;

async function actAs(user: StaffUser | null) {
  const session = user && (await signedInSession(user));
  vi.mocked(getServerSession).mockResolvedValue(session as never);
}

async function search(query: string) {
  const response = await GET(new Request(`http://localhost/api/suppliers/search?${query}`));
  const text = await response.text();
  return {
    response,
    text,
    body: JSON.parse(text) as {
      total: number;
      relaxed?: boolean;
      results: Record<string, unknown>[];
      error?: string;
      field_errors?: Record<string, string>;
    },
  };
}

beforeAll(async () => {
  await db.execute(sql`truncate ${companies}, ${companyEvents} cascade`);
  await db.transaction(async (tx) => {
    for (const input of FIXTURES) await saveCompany(tx, input);
  });
  expert = await staffUser('Erika Expertin');
});

beforeEach(() => {
  vi.mocked(getServerSession).mockReset();
});

describe('GET /api/suppliers/search', () => {
  it('gives anonymous callers listed companies only, never contact persons', async () => {
    await actAs(null);
    for (const query of [
      'q=FFP2+Masken',
      'near=99084&radius_km=200',
      'sector=32.50',
      '',
      `q=${encodeURIComponent(HIDDEN_NAME)}`,
      'q=Verborgen',
    ]) {
      const { response, text, body } = await search(query);
      expect(response.status, query).toBe(200);
      expect(
        body.results.map((r) => r.name),
        query,
      ).not.toContain(HIDDEN_NAME);
      expect(text, query).not.toContain('Geheime');
      expect(text, query).not.toContain('Verborgen');
      expect(text, query).not.toContain('Öffentlich-Intern');
      expect(text, query).not.toContain('999999');
      expect(text, query).not.toMatch(/contact/i);
    }
    const all = await search('');
    expect(all.body.total).toBe(2);
    expect(all.response.headers.get('cache-control')).toContain('public');
  });

  it('answers in the documented shape', async () => {
    await actAs(null);
    const { body } = await search('q=FFP2+Masken&near=99084');
    expect(body.total).toBe(1);
    const [hit] = body.results;
    for (const field of CONTRACT_FIELDS) expect(hit, field).toHaveProperty(field);
    expect(hit).toMatchObject({
      external_id: 'API-1',
      name: 'Thüringer Schutzausrüstung GmbH',
      kind: 'company',
      city: 'Jena',
      postal_code: '07743',
    });
    expect(hit!.distance_km).toBeGreaterThan(30);
    expect(hit!.distance_km).toBeLessThan(60);
    expect(hit!.highlights).toEqual(expect.arrayContaining([{ field: 'capabilities', text: 'FFP2-Masken' }]));
    expect(body).toMatchObject({ relaxed: false, suggestions: null });
    // No listed company has masks and "dringend": the masks come anyway, and the answer says so.
    expect((await search('q=FFP2+Masken+dringend+500+St%C3%BCck')).body).toMatchObject({ total: 1, relaxed: true });
  });

  it('gives signed-in staff every company, uncached', async () => {
    await actAs(expert);
    const { response, body } = await search('q=FFP2+Masken&near=99084');
    expect(response.status).toBe(200);
    expect(body.total).toBe(2);
    // The unlisted one is in Erfurt itself: nearest first.
    expect(body.results.map((r) => r.name)).toEqual([HIDDEN_NAME, 'Thüringer Schutzausrüstung GmbH']);
    expect(body.results[0]!.distance_km).toBe(0);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect((await search('')).body.total).toBe(3);
  });

  it('treats a session of an unknown account as anonymous', async () => {
    await actAs({ id: 987_654, name: 'Gibt Es Nicht', email: 'weg@test.local', role: 'admin' });
    const { body, text } = await search('q=FFP2');
    expect(body.total).toBe(1);
    expect(text).not.toContain('Geheime');
  });

  it('refuses invalid parameters with 400 and German messages', async () => {
    await actAs(null);
    const { response, body } = await search('near=Erfurt&radius_km=9999&limit=0&kind=shop&sector=XYZ');
    expect(response.status).toBe(400);
    expect(body.error).toBe(messages.suppliers.invalidParams);
    expect(body.field_errors).toEqual({
      near: messages.suppliers.paramErrors.near,
      radius_km: messages.suppliers.paramErrors.radius_km,
      limit: messages.suppliers.paramErrors.limit,
      kind: messages.suppliers.paramErrors.kind,
      sector: messages.suppliers.paramErrors.sector,
    });
    expect((await search('offset=-1')).response.status).toBe(400);
  });
});

describe('rate limit of GET /api/suppliers/search', () => {
  const from = (ip: string, query = 'q=Masken') =>
    GET(new Request(`http://localhost/api/suppliers/search?${query}`, { headers: { [SOCKET_IP_HEADER]: ip } }));

  it('refuses anonymous callers over SEARCH_RATE_LIMIT per minute with 429, Retry-After and a German message', async () => {
    vi.stubEnv('SEARCH_RATE_LIMIT', '3');
    try {
      await actAs(null);
      for (let i = 0; i < 3; i++) expect((await from('203.0.113.7')).status).toBe(200);
      const refused = await from('203.0.113.7');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await refused.json()).toEqual({ error: messages.errors.rateLimited(1) });
      // Bad parameters do not get around it.
      expect((await from('203.0.113.7', 'limit=0')).status).toBe(429);
      // Another address has its own budget; staff are not limited.
      expect((await from('203.0.113.8')).status).toBe(200);
      await actAs(expert);
      for (let i = 0; i < 5; i++) expect((await from('203.0.113.7')).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('sidebar facets', () => {
  const parse = (params: Record<string, unknown>) => supplierSearchSchema.parse(params);

  it('count like searchFacets, each dimension without its own filter', async () => {
    for (const audience of ['staff', 'public'] as const) {
      for (const params of [{}, { q: 'Masken' }, { near: '99084', radius_km: 30 }, { q: 'FFP2', kind: 'company' }]) {
        expect(await sidebarFacets(parse(params), audience), JSON.stringify(params)).toEqual(await searchFacets(parse(params), audience));
      }
      const chosen = parse({ q: 'Masken', sector: '32.50', district: '16053' });
      const facets = await sidebarFacets(chosen, audience);
      expect(facets.sectors).toEqual((await searchFacets({ ...chosen, sector: undefined }, audience)).sectors);
      expect(facets.districts).toEqual((await searchFacets({ ...chosen, district: undefined }, audience)).districts);
      expect(facets.kinds).toEqual((await searchFacets(chosen, audience)).kinds);
    }
  });

  it('never count unlisted companies for the public', async () => {
    const facets = await sidebarFacets(parse({ q: 'FFP2' }), 'public');
    expect(facets.districts).toEqual({ '16053': 1 });
  });
});
