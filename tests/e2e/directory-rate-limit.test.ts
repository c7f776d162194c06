/**
 * The public directory counts against the anonymous search limit (SEARCH_RATE_LIMIT, shared
 * with GET /api/suppliers/search); past it a visitor reads a German notice instead of results.
 * Its own server with a small limit, so the shared e2e server's limit stays untouched.
 */
import { expect, it } from 'vitest';
import { startAppServer } from '../../scripts/app-server';
import { freshAppEnvironment } from '../helpers/app-environment';
import { DESKTOP, launchBrowser, screenshot } from '../helpers/browser';

it('shows a German notice once the address has used up its searches', async () => {
  const { env, drop } = await freshAppEnvironment({ SEARCH_RATE_LIMIT: '3' });
  const app = await startAppServer(env, 120_000, () => {});
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: DESKTOP, locale: 'de-DE', baseURL: app.baseUrl })).newPage();
    for (let i = 0; i < 2; i++) expect((await fetch(new URL('/api/suppliers/search?q=Masken', app.baseUrl))).status).toBe(200);
    // Next.js's route announcer is an alert too; the notice is the one with text.
    const notice = page.getByRole('alert').filter({ hasText: 'Zu viele Anfragen' });
    await page.goto('/directory?q=Masken');
    await expect(notice.count()).resolves.toBe(0);
    await page.goto('/directory?q=Handschuhe');
    await expect(notice.textContent()).resolves.toBe('Zu viele Anfragen von Ihrem Anschluss. Bitte versuchen Sie es in 1 Minute erneut.');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Anbieterverzeichnis');
    await screenshot(page, 'directory-rate-limited');
    expect((await fetch(new URL('/api/suppliers/search?q=Masken', app.baseUrl))).status).toBe(429);
  } finally {
    await browser.close();
    await app.stop();
    await drop();
  }
});
