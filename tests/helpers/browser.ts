import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { E2E_MIN_FILL_SECONDS } from './app-environment';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export const WIDE = { width: 1440, height: 900 };
export const FULL_HD = { width: 1920, height: 1080 };

/** Debian's Chromium; the browser is never downloaded. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function openPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'de-DE', baseURL: inject('baseUrl') });
  return context.newPage();
}

/** Keeps a picture of what the test saw, for people reviewing the UI. */
export async function screenshot(page: Page, name: string) {
  const dir = path.join(process.cwd(), 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * Sends the filled request form as a person would: after the e2e server's minimum fill time,
 * which the steps of a test on an idle machine may not take.
 */
export async function submitRequestForm(page: Page) {
  await page.waitForTimeout(E2E_MIN_FILL_SECONDS * 1000 + 100);
  await page.getByRole('button', { name: 'Anfrage absenden' }).click();
}
