/**
 * Role × route matrix over HTTP against the running app: every staff page and staff API route,
 * requested with plain fetch (no redirects followed) as each kind of caller.
 *
 * Pages: signed out → redirect to /login, lacking the role → 403 with the "Keine Berechtigung"
 * page, otherwise 200. Staff APIs: signed out → 401, lacking the role → 403, otherwise 200.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StaffRole } from '../../lib/cases/vocabulary';
import { nodeRoutes } from '../../lib/http/node-routes';
import { launchBrowser, openPage, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { signInAs, staffAccount } from '../helpers/staff';
import { CookieJar, SESSION_COOKIE, signInOverHttp } from '../../scripts/http-session';

const baseUrl = inject('baseUrl');

// ---------------------------------------------------------------------------------------------
// HTTP with a tiny cookie jar
// ---------------------------------------------------------------------------------------------

type Jar = CookieJar;

/** Strings are sent as they are (CSV uploads), anything else as JSON. */
function request(method: string, route: string, jar: Jar, body?: unknown) {
  const headers: Record<string, string> = { cookie: jar.header() };
  if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
  return fetch(new URL(route, baseUrl), {
    method,
    redirect: 'manual',
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const signIn = (email: string, password: string) => signInOverHttp(baseUrl, email, password);

// ---------------------------------------------------------------------------------------------
// The matrix: routes and the least role they need
// ---------------------------------------------------------------------------------------------

interface StaffRoute {
  kind: 'page' | 'api';
  /** The route as the file system names it, e.g. /cases/[id]. */
  pattern: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  minRole: StaffRole;
  /** The concrete URL to request (filled in with real ids once the fixtures exist). */
  url: () => string;
  body?: string;
  /** What an authorized caller gets, when not 200 (a download of a file no fixture has: 404 after the checks). */
  authorizedStatus?: 404;
}

let existingCaseId: number;
let existingCompanyId: number;
const COMPANY_CSV =
  'external_id;name;kind;postal_code;city;wz_codes;public_listing\nMATRIX-1;Matrix-Prüfwerk GmbH;company;99084;Erfurt;32.50;nein\n';

const STAFF_PAGES: StaffRoute[] = [
  { kind: 'page', pattern: '/cases', method: 'GET', minRole: 'expert', url: () => '/cases' },
  { kind: 'page', pattern: '/cases/[id]', method: 'GET', minRole: 'expert', url: () => `/cases/${existingCaseId}` },
  { kind: 'page', pattern: '/account', method: 'GET', minRole: 'expert', url: () => '/account' },
  { kind: 'page', pattern: '/introductions', method: 'GET', minRole: 'expert', url: () => '/introductions?view=mine' },
  { kind: 'page', pattern: '/admin/users', method: 'GET', minRole: 'admin', url: () => '/admin/users' },
  { kind: 'page', pattern: '/admin/import', method: 'GET', minRole: 'admin', url: () => '/admin/import' },
  { kind: 'page', pattern: '/admin/outbox', method: 'GET', minRole: 'admin', url: () => '/admin/outbox' },
  { kind: 'page', pattern: '/admin/synonyms', method: 'GET', minRole: 'admin', url: () => '/admin/synonyms' },
  { kind: 'page', pattern: '/admin/templates', method: 'GET', minRole: 'admin', url: () => '/admin/templates' },
  { kind: 'page', pattern: '/mail', method: 'GET', minRole: 'expert', url: () => '/mail' },
  {
    kind: 'page',
    pattern: '/admin/privacy',
    method: 'GET',
    minRole: 'admin',
    url: () => '/admin/privacy?email=j.weiss%40mueller-praezision.de',
  },
  { kind: 'page', pattern: '/suppliers', method: 'GET', minRole: 'expert', url: () => '/suppliers?q=Matrix' },
  { kind: 'page', pattern: '/suppliers/new', method: 'GET', minRole: 'expert', url: () => '/suppliers/new' },
  { kind: 'page', pattern: '/suppliers/[id]', method: 'GET', minRole: 'expert', url: () => `/suppliers/${existingCompanyId}` },
  { kind: 'page', pattern: '/suppliers/review', method: 'GET', minRole: 'expert', url: () => '/suppliers/review' },
  { kind: 'page', pattern: '/suppliers/unverified', method: 'GET', minRole: 'expert', url: () => '/suppliers/unverified?page=2' },
  { kind: 'page', pattern: '/reports', method: 'GET', minRole: 'expert', url: () => '/reports?from=2026-01-01&to=2026-03-31' },
  { kind: 'page', pattern: '/offers', method: 'GET', minRole: 'expert', url: () => '/offers' },
  // A review page with a real offer is driven in tests/e2e/offers.test.ts.
  { kind: 'page', pattern: '/offers/[id]', method: 'GET', minRole: 'expert', url: () => '/offers/2147483647', authorizedStatus: 404 },
];

/** Staff-only API routes (guarded by authorizeRequest). */
const STAFF_APIS: StaffRoute[] = [
  { kind: 'api', pattern: '/api/admin/import', method: 'POST', minRole: 'admin', url: () => '/api/admin/import', body: COMPANY_CSV },
  { kind: 'api', pattern: '/api/suppliers/export', method: 'GET', minRole: 'expert', url: () => '/api/suppliers/export?q=Matrix' },
  {
    kind: 'api',
    pattern: '/api/admin/privacy/export',
    method: 'GET',
    minRole: 'admin',
    url: () => '/api/admin/privacy/export?email=j.weiss%40mueller-praezision.de',
  },
  { kind: 'api', pattern: '/api/reports/cases.csv', method: 'GET', minRole: 'expert', url: () => '/api/reports/cases.csv' },
  { kind: 'api', pattern: '/api/reports/introductions.csv', method: 'GET', minRole: 'expert', url: () => '/api/reports/introductions.csv' },
  { kind: 'api', pattern: '/api/reports/unmet-demand.csv', method: 'GET', minRole: 'expert', url: () => '/api/reports/unmet-demand.csv' },
  { kind: 'api', pattern: '/api/reports/search-misses.csv', method: 'GET', minRole: 'expert', url: () => '/api/reports/search-misses.csv' },
  // Served with a real file in tests/e2e/attachments.test.ts.
  {
    kind: 'api',
    pattern: '/api/attachments/[id]',
    method: 'GET',
    minRole: 'expert',
    url: () => '/api/attachments/2147483647',
    authorizedStatus: 404,
  },
];

/** API routes that are public on purpose, with what any caller (signed in or not) gets. */
const PUBLIC_APIS = [
  { pattern: '/api/health', method: 'GET', body: undefined, status: 200 },
  // An empty body is refused as invalid input, not as "not signed in".
  { pattern: '/api/requests', method: 'POST', body: {}, status: 400 },
  { pattern: '/api/offers', method: 'POST', body: {}, status: 400 },
  { pattern: '/api/auth/[...nextauth]', method: 'GET', url: '/api/auth/csrf', body: undefined, status: 200 },
  // The directory's API: anyone may search publicly listed companies.
  { pattern: '/api/suppliers/search', method: 'GET', url: '/api/suppliers/search?q=Masken', body: undefined, status: 200 },
] as const;

const ACTORS = ['anonymous', 'garbage cookie', 'forged token', 'deactivated', 'expert', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
const SIGNED_OUT: readonly Actor[] = ['anonymous', 'garbage cookie', 'forged token', 'deactivated'];

function expectedStatus(actor: Actor, route: StaffRoute): 'redirect to sign-in' | 401 | 403 | 200 | 404 {
  if (SIGNED_OUT.includes(actor)) return route.kind === 'page' ? 'redirect to sign-in' : 401;
  if (route.minRole === 'admin' && actor === 'expert') return 403;
  return route.authorizedStatus ?? 200;
}

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

const jars = {} as Record<Actor, Jar>;
const deactivatedUser = {
  name: 'Dietmar Deaktiviert',
  email: `dietmar.deaktiviert.${Date.now()}@leg.example`,
  password: 'dietmar-start-2026',
};
let browser: Browser;

/** Creates an expert through the admin UI, signs them in over HTTP, then deactivates them. */
async function deactivatedSession(): Promise<Jar> {
  const page = await openPage(browser);
  await signInAs(page, 'admin', '/admin/users');
  const form = page.getByRole('region', { name: 'Benutzer anlegen' });
  await form.getByLabel('Name').fill(deactivatedUser.name);
  await form.getByLabel('E-Mail-Adresse').fill(deactivatedUser.email);
  await form.getByLabel('Rolle').selectOption({ label: 'Expertin/Experte' });
  await form.getByLabel('Erstes Passwort').fill(deactivatedUser.password);
  await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await form.getByRole('status').filter({ hasText: 'Der Benutzer wurde angelegt.' }).waitFor();

  const jar = await signIn(deactivatedUser.email, deactivatedUser.password);
  // The session works while the account is active ...
  expect((await request('GET', '/cases', jar)).status).toBe(200);

  // ... and the admin then deactivates the account.
  await page.getByRole('button', { name: `Bearbeiten ${deactivatedUser.name}` }).click();
  const editor = page.getByRole('group', { name: deactivatedUser.name });
  await editor.getByRole('button', { name: 'Deaktivieren' }).click();
  await editor.getByRole('status').filter({ hasText: 'Das Konto ist deaktiviert' }).waitFor();
  await page.context().close();
  return jar;
}

/** A session token that claims to be an admin but is sealed with the wrong secret. */
async function forgedToken(): Promise<Jar> {
  const admin = staffAccount('admin');
  const token = await encode({
    secret: 'not-the-server-secret',
    token: { name: admin.name, email: admin.email, uid: 1, role: 'admin', signedInAt: Date.now() },
  });
  return new CookieJar().set(SESSION_COOKIE, token);
}

/** A company imported through the admin CSV upload, found through the staff search API. */
async function createCompany(adminJar: Jar): Promise<number> {
  const imported = await request('POST', '/api/admin/import', adminJar, COMPANY_CSV);
  expect(imported.status).toBe(200);
  await imported.text();
  const found = await request('GET', '/api/suppliers/search?q=Matrix-Pr%C3%BCfwerk', adminJar);
  const { results } = (await found.json()) as { results: { id: number; name: string }[] };
  return results.find((r) => r.name === 'Matrix-Prüfwerk GmbH')!.id;
}

/** A case submitted through the public API, found by its reference in the admin's queue. */
async function createCase(adminJar: Jar): Promise<number> {
  const submitted = await request('POST', '/api/requests', new CookieJar(), validRequest({ organisation: 'Matrix-Test GmbH' }));
  expect(submitted.status).toBe(201);
  const { reference } = (await submitted.json()) as { reference: string };
  const queue = await request('GET', `/cases?view=all&q=${encodeURIComponent(reference)}`, adminJar);
  const id = /href="\/cases\/(\d+)"/.exec(await queue.text())?.[1];
  if (!id) throw new Error(`case ${reference} not found in the queue`);
  return Number(id);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = staffAccount('admin');
  const expert = staffAccount('expert');
  jars.anonymous = new CookieJar();
  jars['garbage cookie'] = new CookieJar().set(SESSION_COOKIE, 'garbage.not-a-jwt.at-all');
  jars['forged token'] = await forgedToken();
  jars.admin = await signIn(admin.email, admin.password);
  jars.expert = await signIn(expert.email, expert.password);
  jars.deactivated = await deactivatedSession();
  existingCaseId = await createCase(jars.admin);
  existingCompanyId = await createCompany(jars.admin);
});

afterAll(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------

const CELLS = [...STAFF_PAGES, ...STAFF_APIS].flatMap((route) =>
  ACTORS.map((actor) => ({ route, actor, pattern: route.pattern, method: route.method, expected: expectedStatus(actor, route) })),
);

describe('staff route authorization matrix', () => {
  it.each(CELLS)('$method $pattern as $actor → $expected', async ({ route, actor, expected }) => {
    const response = await request(route.method, route.url(), jars[actor], route.body);
    if (expected === 'redirect to sign-in') {
      expect(response.status).toBeGreaterThanOrEqual(300);
      expect(response.status).toBeLessThan(400);
      const location = new URL(response.headers.get('location') ?? '', baseUrl);
      expect(location.origin).toBe(new URL(baseUrl).origin);
      expect(location.pathname).toBe('/login');
      return;
    }
    expect(response.status).toBe(expected);
    if (route.kind === 'page' && expected === 403) {
      expect(await response.text()).toContain('Keine Berechtigung');
    }
  });

  it('refuses a new sign-in of the deactivated account', async () => {
    await expect(signIn(deactivatedUser.email, deactivatedUser.password)).rejects.toThrow(/sign-in .* failed/);
  });

  it('shows the 403 page in the browser, with a way back to the queue', async () => {
    const page = await openPage(browser);
    await signInAs(page, 'expert');
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' }).waitFor();
    await screenshot(page, 'forbidden-desktop');
    await page.getByRole('link', { name: /Zurück zur Vorgangsliste/ }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await page.context().close();
  });
});

describe('public API routes stay public', () => {
  const cells = PUBLIC_APIS.flatMap((api) => ACTORS.map((actor) => ({ ...api, actor })));
  it.each(cells)('$method $pattern as $actor → $status', async (cell) => {
    const url = 'url' in cell ? cell.url : cell.pattern;
    const response = await request(cell.method, url, jars[cell.actor], cell.body);
    expect(response.status).toBe(cell.status);
  });
});

describe('ids beyond int4 in the URL', () => {
  // Regression: these were a 500 (the database refused the id) instead of "not found".
  it.each([
    ['/directory/2147483648', 'anonymous'],
    ['/cases/2147483648', 'expert'],
    ['/suppliers/2147483648', 'expert'],
    ['/offers/2147483648', 'expert'],
    ['/cases/99999999999999999999', 'expert'],
    ['/api/attachments/2147483648', 'expert'],
    // The supplier's availability page: a link id beyond int4, and a forged signature.
    ['/supplier/check/2147483648.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'anonymous'],
    ['/supplier/check/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'anonymous'],
  ] as const)('%s as %s → 404', async (route, actor) => {
    const response = await request('GET', route, jars[actor]);
    expect(response.status).toBe(404);
  });

  it('opens the request form without a company name for ?company= beyond int4', async () => {
    const response = await request('GET', '/request?company=2147483648', jars.anonymous);
    expect(response.status).toBe(200);
  });
});

describe('the matrix is complete', () => {
  const root = process.cwd();

  /** Route patterns of the files named `file` under `dir` (route groups like (staff) drop out). */
  function routes(dir: string, file: string): string[] {
    const found: string[] = [];
    const walk = (current: string) => {
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const full = path.join(current, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === file) {
          const segments = path.relative(path.join(root, 'app'), current).split(path.sep);
          found.push(`/${segments.filter((s) => s && !/^\(.*\)$/.test(s)).join('/')}`);
        }
      }
    };
    walk(path.join(root, dir));
    return found.sort();
  }

  it('covers every page under app/(staff)', () => {
    expect(routes('app/(staff)', 'page.tsx')).toEqual(STAFF_PAGES.map((p) => p.pattern).sort());
  });

  it('covers every API route, as staff-only or deliberately public', () => {
    const known = new Set([...STAFF_APIS.map((a) => a.pattern), ...PUBLIC_APIS.map((a) => a.pattern)]);
    expect(routes('app/api', 'route.ts').filter((route) => !known.has(route))).toEqual([]);
  });

  it('covers every route the app server answers before Next.js', () => {
    const known = new Set([...STAFF_APIS, ...PUBLIC_APIS].map((a) => `${a.method} ${a.pattern}`));
    expect(nodeRoutes().filter(({ method, path }) => !known.has(`${method} ${path}`))).toEqual([]);
    expect(nodeRoutes().length).toBeGreaterThan(0);
  });
});
