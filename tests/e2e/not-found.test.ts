import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { signInAs } from '../helpers/staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a missing page and returns the 404 status and what the CSP blocked on the way. */
async function openMissing(page: Page, path: string) {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) blocked.push(message.text());
  });
  const response = await page.goto(path);
  await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
  return { status: response?.status(), blocked };
}

describe('pages that do not exist', () => {
  it('answer an unknown address in German, within the CSP, with a way back to the start page', async () => {
    const page = await openPage(browser, PHONE);
    const { status, blocked } = await openMissing(page, '/gibt-es-nicht');
    expect(status).toBe(404);
    expect(blocked).toEqual([]);
    await expect(page.title()).resolves.toBe('Seite nicht gefunden · Lotse');
    await expect(page.getByText('could not be found').count()).resolves.toBe(0);
    await screenshot(page, 'not-found-phone');
    await page.getByRole('main').getByRole('link', { name: 'Zur Startseite' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.context().close();
  });

  it('answer a missing directory company inside the public frame', async () => {
    const page = await openPage(browser, DESKTOP);
    const { status } = await openMissing(page, '/directory/999999999');
    expect(status).toBe(404);
    await page.getByRole('link', { name: 'Anbieterverzeichnis' }).first().waitFor();
    await page.context().close();
  });

  it('answer a missing case inside the staff frame, leading back to the queue', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    const { status, blocked } = await openMissing(page, '/cases/999999999');
    expect(status).toBe(404);
    expect(blocked).toEqual([]);
    await page.getByRole('main').getByRole('link', { name: 'Zur Vorgangsliste' }).waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    await screenshot(page, 'not-found-staff-desktop');
    await page.context().close();
  });
});
