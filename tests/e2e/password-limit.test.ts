/** bcrypt reads 72 bytes: a longer new password is refused in German, naming the limit. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { signInAs, staffAccount } from '../helpers/staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('refuses a new password of 37 umlauts (74 bytes) on /account, naming the limit', async () => {
  const page = await openPage(browser, PHONE);
  await signInAs(page, 'expert', '/account');
  const tooLong = 'ä'.repeat(37);
  await page.getByLabel('Aktuelles Passwort').fill(staffAccount('expert').password);
  await page.getByLabel(/^Neues Passwort \*?$/).fill(tooLong);
  await page.getByLabel('Neues Passwort wiederholen').fill(tooLong);
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.locator('#new-password-error').textContent()).resolves.toContain('höchstens 72 Bytes');
  await screenshot(page, 'account-password-too-long-phone');
  await expect(page.getByText('Ihr Passwort wurde geändert.').count()).resolves.toBe(0);
  await page.context().close();
});
