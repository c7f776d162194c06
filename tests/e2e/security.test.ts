/**
 * Security headers and cross-site refusal against the running app: every kind of response
 * carries the headers; the pages work in Chromium under the nonce CSP without a single
 * violation; requests another site makes through a browser are refused.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages } from '../../lib/i18n';
import { type CookieJar, signInOverHttp } from '../../scripts/http-session';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, submitRequestForm } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { serverActionId } from '../helpers/server-actions';
import { signInAs, staffAccount } from '../helpers/staff';

const baseUrl = inject('baseUrl');
const EVIL = 'https://evil.example';
const token = `S${Date.now().toString(36)}`;
const COMPANY = `Sicherheitsprüfwerk ${token} GmbH`;

let browser: Browser;
let admin: CookieJar;
beforeAll(async () => {
  browser = await launchBrowser();
  const account = staffAccount('admin');
  admin = await signInOverHttp(baseUrl, account.email, account.password);
  // A supplier to find on the map, on either database (PostgreSQL has no demo companies).
  const csv = `external_id;name;kind;postal_code;city;wz_codes;capabilities;public_listing\nSEC-${token};${COMPANY};company;99084;Erfurt;32.50;Schutzmasken;ja\n`;
  const imported = await fetch(new URL('/api/admin/import', baseUrl), {
    method: 'POST',
    headers: { cookie: admin.header(), 'content-type': 'text/csv' },
    body: csv,
  });
  expect(imported.status).toBe(200);
  await imported.text();
});
afterAll(async () => {
  await browser?.close();
});

function expectSecurityHeaders(response: Response, what: string) {
  const csp = response.headers.get('content-security-policy') ?? '';
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc, what).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(scriptSrc, what).not.toContain('unsafe-inline');
  expect(scriptSrc, what).not.toContain('unsafe-eval');
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('permissions-policy'), what).toContain('camera=()');
  // The test server runs over plain HTTP (PUBLIC_BASE_URL http://…): no HSTS, no upgrades.
  expect(response.headers.get('strict-transport-security'), what).toBeNull();
  expect(csp, what).not.toContain('upgrade-insecure-requests');
}

describe('security headers', () => {
  it('are on pages, API answers, static files, errors and refusals', async () => {
    const page = await fetch(new URL('/', baseUrl));
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, 'page');
    const html = await page.text();
    // Next.js put the nonce of this very response on its scripts.
    const nonce = page.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1];
    expect(html).toContain(`nonce="${nonce}"`);
    const again = await fetch(new URL('/', baseUrl));
    expect(again.headers.get('content-security-policy')).not.toBe(page.headers.get('content-security-policy'));

    const stylesheet = html.match(/\/_next\/static\/[^"]+\.css/)?.[0];
    expect(stylesheet).toBeDefined();
    const responses: [string, Response][] = [
      ['static', await fetch(new URL(stylesheet!, baseUrl))],
      ['api', await fetch(new URL('/api/health', baseUrl))],
      ['api 400', await fetch(new URL('/api/requests', baseUrl), { method: 'POST', body: '{' })],
      ['api 401', await fetch(new URL('/api/suppliers/export', baseUrl))],
      ['page 404', await fetch(new URL('/gibt-es-nicht', baseUrl))],
      ['redirect', await fetch(new URL('/cases', baseUrl), { redirect: 'manual' })],
      ['refusal', await fetch(new URL('/api/requests', baseUrl), { method: 'POST', headers: { origin: EVIL }, body: '{}' })],
    ];
    for (const [what, response] of responses) expectSecurityHeaders(response, what);
    expect(responses.map(([, r]) => r.status)).toEqual([200, 200, 400, 401, 404, 307, 403]);
  });
});

/** Collects CSP violations, script errors and CSP console messages of a page. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /CSP|Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  return problems;
}

describe('the content security policy in Chromium', () => {
  it('blocks an injected inline script, so the watch below can see violations', async () => {
    const page = await openPage(browser, DESKTOP);
    const problems = await watchViolations(page);
    await page.goto('/');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/x.png" onerror="window.hacked = true">'));
    await expect.poll(() => problems.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { hacked?: boolean }).hacked)).toBeUndefined();
    await page.context().close();
  });

  it('lets a requester submit the form on a phone without a violation', async () => {
    const page = await openPage(browser, PHONE);
    const problems = await watchViolations(page);
    await page.goto('/request');
    await page.getByLabel('Name der Organisation').fill('Glaswerk Ilmenau GmbH');
    await page.getByLabel('Art der Organisation').selectOption({ label: 'Unternehmen' });
    await page.getByLabel('Postleitzahl').fill('98693');
    await page.getByLabel(/^Ort/).fill('Ilmenau');
    await page.getByLabel('Ihr Name').fill('Grete Müßig');
    await page.getByLabel('E-Mail-Adresse').fill(`grete-${token}@glaswerk.example`);
    await page.getByLabel('Was wird benötigt?').selectOption({ label: 'Rohstoffe' });
    await page.getByLabel('Beschreibung').fill('Quarzsand in Glasqualität, 20 t pro Monat, ab sofort.');
    await page.getByLabel('Dringlichkeit').selectOption({ label: 'Sofort' });
    await page.getByLabel(/Ich willige ein/).check();
    await submitRequestForm(page);
    await page.waitForURL('**/request/received?ref=*');
    await page.goto('/directory');
    await page.locator('.leaflet-container').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets staff sign in, search suppliers on the map and open a case without a violation', async () => {
    const created = await fetch(new URL('/api/requests', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validRequest({ organisation: `CSP-Prüfung ${token}` })),
    });
    const { reference } = (await created.json()) as { reference: string };

    const page = await openPage(browser, DESKTOP);
    const problems = await watchViolations(page);
    await signInAs(page, 'expert', '/cases');
    await page.goto(`/suppliers?q=${encodeURIComponent(token)}`);
    await page.getByRole('link', { name: COMPANY }).first().waitFor();
    await page.locator('.leaflet-container .leaflet-marker-icon').first().waitFor();
    await screenshot(page, 'security-suppliers-map');
    await page.goto(`/cases?view=all&q=${reference}`);
    await page.getByRole('link', { name: reference }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    await page.locator('svg[role="img"]').first().waitFor(); // the district map
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

/** The request form's server action, called as React does, with chosen browser headers. */
async function callFormAction(headers: Record<string, string>) {
  const actionId = serverActionId('submitRequestForm');
  return fetch(new URL('/request', baseUrl), {
    method: 'POST',
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', ...headers },
    body: JSON.stringify([{}, {}]),
  });
}

const postRequest = (headers: Record<string, string>, email = `x-${token}-${Math.random()}@example.org`) =>
  fetch(new URL('/api/requests', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(validRequest({ email })),
  });

async function expectRefused(response: Response) {
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ error: messages.security.crossSite });
}

describe('cross-site requests', () => {
  it('are refused for server actions, with Next.js checking Origin against Host behind it', async () => {
    await expectRefused(await callFormAction({ origin: EVIL }));
    await expectRefused(await callFormAction({ 'sec-fetch-site': 'cross-site' }));
    await expectRefused(await callFormAction({ origin: 'null' }));
    // Same origin: the action runs and answers with its German validation result.
    const own = await callFormAction({ origin: baseUrl, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(messages.request.fixErrors);
    // An Origin that passes protectRequest (the public address) but differs from Host: Next.js's own
    // check refuses, and the action never runs.
    const mismatch = await callFormAction({ origin: baseUrl, 'x-forwarded-host': 'lotse.internal:8443' });
    expect(mismatch.status).toBeGreaterThanOrEqual(400);
    expect(await mismatch.text()).not.toContain(messages.request.fixErrors);
  });

  it('are refused for the public JSON API from browsers, which other servers may still call', async () => {
    await expectRefused(await postRequest({ origin: EVIL }));
    await expectRefused(await postRequest({ 'sec-fetch-site': 'cross-site' }));
    await expectRefused(await postRequest({ 'sec-fetch-site': 'same-site' }));
    expect((await postRequest({})).status).toBe(201);
    expect((await postRequest({ origin: baseUrl, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('are refused for staff API routes even with a valid session', async () => {
    const cookie = admin.header();
    await expectRefused(
      await fetch(new URL('/api/admin/import', baseUrl), { method: 'POST', headers: { cookie, origin: EVIL }, body: 'name\nX' }),
    );
    await expectRefused(await fetch(new URL('/api/suppliers/export', baseUrl), { headers: { cookie, 'sec-fetch-site': 'cross-site' } }));
    const own = await fetch(new URL(`/api/suppliers/export?q=${token}`, baseUrl), { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(COMPANY);
    // The search answers another site's page as it answers the public, never as staff.
    const search = (headers: Record<string, string>) =>
      fetch(new URL(`/api/suppliers/search?q=${token}`, baseUrl), { headers: { cookie, ...headers } });
    expect((await search({ 'sec-fetch-site': 'same-origin' })).headers.get('cache-control')).toBe('private, no-store');
    expect((await search({ 'sec-fetch-site': 'cross-site' })).headers.get('cache-control')).toBe('public, max-age=60');
  });

  it("stores nothing when another site makes a visitor's browser post to the API", async () => {
    const reference = async () => {
      const response = await postRequest({});
      return Number(((await response.json()) as { reference: string }).reference.split('-').at(-1));
    };
    const before = await reference();
    // Another site (localhost vs 127.0.0.1 are different sites; a real loopback server, so the
    // browser's private-network checks do not stop the request first) sends a "simple" request,
    // which browsers send without a preflight.
    const otherSite = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Fremde Seite</title>'),
    );
    await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
    const { port } = otherSite.address() as AddressInfo;
    const target = new URL('/api/requests', baseUrl).href;
    const page = await openPage(browser, DESKTOP);
    await page.goto(`http://localhost:${port}/`);
    const answered = page.waitForResponse((response) => response.url() === target);
    await page.evaluate(
      ([url, body]) =>
        void fetch(url!, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }),
      [target, JSON.stringify(validRequest({ email: `csrf-${token}@example.org` }))],
    );
    // The request reached the server, which refused it.
    expect((await answered).status()).toBe(403);
    await page.context().close();
    otherSite.close();
    expect(await reference()).toBe(before + 1);
  });
});
