/**
 * Sessions end on the server (ASVS 7.3, 7.4.1): a copied session cookie stops working when its
 * session is signed out, when the user signs out everywhere, and when they change their password.
 */
import { decode, encode } from 'next-auth/jwt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CookieJar, SESSION_COOKIE, signInOverHttp } from '../../scripts/http-session';
import { launchBrowser, openPage } from '../helpers/browser';
import { signInAs, staffAccount } from '../helpers/staff';

const baseUrl = inject('baseUrl');
const expert = staffAccount('expert');
// The e2e servers' NEXTAUTH_SECRET (tests/helpers/app-environment.ts).
const E2E_SECRET = 'e2e-secret';

/** What a copied cookie gets at the queue: 200 while its session lives, else the sign-in page. */
async function queueWith(cookie: string): Promise<number | string> {
  const response = await fetch(new URL('/cases', baseUrl), { redirect: 'manual', headers: { cookie } });
  return response.status === 200 ? 200 : new URL(response.headers.get('location') ?? '', baseUrl).pathname;
}

async function signOutOverHttp(jar: CookieJar) {
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl), { headers: { cookie: jar.header() } });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL('/api/auth/signout', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  expect(response.status).toBeLessThan(400);
}

async function changePassword(page: Page, from: string, to: string) {
  await page.goto('/account');
  await page.getByLabel('Aktuelles Passwort').fill(from);
  await page.getByLabel(/^Neues Passwort \*?$/).fill(to);
  await page.getByLabel('Neues Passwort wiederholen').fill(to);
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await page.getByText('Ihr Passwort wurde geändert.').waitFor();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sessions end on the server', () => {
  it('a copied cookie no longer opens /cases once its session signed out', async () => {
    const jar = await signInOverHttp(baseUrl, expert.email, expert.password);
    const copied = jar.header();
    expect(await queueWith(copied)).toBe(200);
    await signOutOverHttp(jar);
    expect(await queueWith(copied)).toBe('/login');
  });

  it('a token sealed with the server secret but naming no session row opens nothing', async () => {
    const jar = await signInOverHttp(baseUrl, expert.email, expert.password);
    const real = await decode({ secret: E2E_SECRET, token: jar.header().match(/next-auth\.session-token=([^;]+)/)![1] });
    expect(real?.sid).toEqual(expect.any(String));
    const invented = await encode({ secret: E2E_SECRET, token: { ...real, sid: 'invented-session-id' } });
    expect(await queueWith(`${SESSION_COOKIE}=${invented}`)).toBe('/login');
    expect(await queueWith(jar.header())).toBe(200);
  });

  it('„Überall abmelden“ ends the sessions in other browsers and this one', async () => {
    const elsewhere = (await signInOverHttp(baseUrl, expert.email, expert.password)).header();
    const page = await openPage(browser);
    await signInAs(page, 'expert', '/account');
    const here = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect(await queueWith(elsewhere)).toBe(200);
    await page.getByRole('button', { name: 'Überall abmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await queueWith(elsewhere)).toBe('/login');
    expect(await queueWith(here)).toBe('/login');
    await page.context().close();
  });

  it('an own password change ends the other sessions and keeps the one it was made in', async () => {
    const elsewhere = (await signInOverHttp(baseUrl, expert.email, expert.password)).header();
    const page = await openPage(browser);
    await signInAs(page, 'expert', '/account');
    const changed = `${expert.password}-neu`;
    try {
      await changePassword(page, expert.password, changed);
      expect(await queueWith(elsewhere)).toBe('/login');
      await page.goto('/cases');
      expect(new URL(page.url()).pathname).toBe('/cases');
    } finally {
      await changePassword(page, changed, expert.password);
      await page.context().close();
    }
  });
});

describe('after sign-in only same-origin paths', () => {
  const tricks = ['/%5Cevil.example/phish', '/%09/evil.example'];

  it.each(tricks)('callbackUrl=%s leads a signed-in user to the queue, not another host', async (trick) => {
    const jar = await signInOverHttp(baseUrl, expert.email, expert.password);
    const response = await fetch(new URL(`/login?callbackUrl=${trick}`, baseUrl), {
      redirect: 'manual',
      headers: { cookie: jar.header() },
    });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!, baseUrl).href).toBe(new URL('/cases', baseUrl).href);
  });

  it.each(tricks)('the sign-in form with callbackUrl=%s ends on this site', async (trick) => {
    const page = await openPage(browser);
    await page.goto(`/login?callbackUrl=${trick}`);
    await page.getByLabel('E-Mail-Adresse').fill(expert.email);
    await page.getByLabel('Passwort').fill(expert.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
    await page.context().close();
  });
});
