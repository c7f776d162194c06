import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, WIDE } from '../helpers/browser';
import { signInAs } from '../helpers/staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('supplier results for staff', () => {
  it('switch to a compact list with contact data that stays through paging and a new search', async () => {
    const page = await openPage(browser, WIDE);
    await signInAs(page, 'expert', '/suppliers');
    // The demo directory's thousands of companies give more than one page.
    await page.goto('/suppliers?q=Messtechnik');
    await page.getByRole('link', { name: 'Kompakte Liste' }).click();
    await page.waitForURL((url) => url.searchParams.get('layout') === 'list');
    const rows = page.locator('li[data-supplier-id]');
    await rows.first().waitFor();
    await expect(rows.locator('a[href^="mailto:"], a[href^="tel:"]').count()).resolves.toBeGreaterThan(0);
    // Many results on one screen instead of two and a half cards.
    const onScreen = await rows.evaluateAll(
      (items) => items.filter((item) => item.getBoundingClientRect().bottom <= window.innerHeight).length,
    );
    expect(onScreen).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'suppliers-list-1440');

    await page.getByRole('navigation', { name: 'Seiten' }).getByRole('link', { name: 'Weiter' }).click();
    await page.waitForURL((url) => url.searchParams.get('offset') === '20');
    expect(new URL(page.url()).searchParams.get('layout')).toBe('list');
    await page.getByLabel('Suchbegriffe').fill('Sensorik');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Sensorik');
    expect(new URL(page.url()).searchParams.get('layout')).toBe('list');

    await page.getByRole('link', { name: 'Karten' }).click();
    await page.waitForURL((url) => !url.searchParams.has('layout'));
    await page.context().close();
  });
});
