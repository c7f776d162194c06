import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, submitRequestForm } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fillRequest(page: Page, email: string) {
  await page.getByLabel('Name der Organisation').fill('Glaswerk Ilmenau-Süd GmbH & Co. KG');
  await page.getByLabel('Art der Organisation').selectOption({ label: 'Unternehmen' });
  await page.getByLabel('Postleitzahl').fill('98693');
  await page.getByLabel(/^Ort/).fill('Ilmenau');
  await page.getByLabel('Ihre Branche').selectOption('23');
  await page.getByLabel('Ihr Name').fill('Grete Müßig');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Telefon (optional)').fill('03677 123 45');
  await page.getByLabel('Was wird benötigt?').selectOption({ label: 'Rohstoffe' });
  await page
    .getByLabel('Beschreibung')
    .fill('Quarzsand in Glasqualität, 20 t pro Monat. <b>Dringend</b> – unser Lieferant ist ausgefallen 😟');
  await page.getByLabel('Menge (optional)').fill('20 t pro Monat');
  await page.getByLabel('Dringlichkeit').selectOption({ label: 'Sofort' });
  await page.getByLabel(/Ich willige ein/).check();
}

describe('public help request', () => {
  it('leads from the landing page to the form', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Lieferkette');
    await screenshot(page, 'home-phone');
    // The tab shows Lotse's icon.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const served = await page.request.get(icon!);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toContain('image/svg+xml');
    await page.getByRole('main').getByRole('link', { name: 'Hilfeanfrage stellen' }).click();
    await page.waitForURL('**/request');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Hilfeanfrage stellen');
    await page.context().close();
  });

  it('is submitted on a phone after correcting an error, and its status can be looked up', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto('/request');
    await screenshot(page, 'request-empty-phone');

    await fillRequest(page, 'grete.muessig@glaswerk');
    await page.getByRole('button', { name: 'Anfrage absenden' }).click();
    const emailError = page.locator('#email-error');
    await expect(emailError.textContent()).resolves.toContain('gültige E-Mail-Adresse');
    await page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie' }).waitFor();
    await screenshot(page, 'request-error-phone');
    // Everything typed is still there.
    await expect(page.getByLabel('Name der Organisation').inputValue()).resolves.toBe('Glaswerk Ilmenau-Süd GmbH & Co. KG');
    await expect(page.getByLabel('Beschreibung').inputValue()).resolves.toContain('😟');

    await page.getByLabel('E-Mail-Adresse').fill('grete.muessig@glaswerk.example');
    await submitRequestForm(page);
    await page.waitForURL('**/request/received?ref=*');
    const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^LS-\d{4}-\d{5}$/);
    await expect(page.getByTestId('confirmation-email').textContent()).resolves.toBe(
      'Die Bestätigung geht an grete.muessig@glaswerk.example',
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Vorgangsnummer kopieren' }).click();
    await page.getByRole('status').filter({ hasText: 'Kopiert.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(reference);
    await screenshot(page, 'request-received-phone');

    await page.getByRole('link', { name: 'Status abfragen' }).click();
    await page.waitForURL('**/request/status?ref=*');
    await expect(page.getByLabel('Vorgangsnummer').inputValue()).resolves.toBe(reference);
    await page.getByLabel('E-Mail-Adresse').fill('someone-else@example.org');
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await page.getByRole('alert').filter({ hasText: 'keine Anfrage gefunden' }).waitFor();

    // As people type it: lower case, without the leading zeros.
    const [, year, number] = /^LS-(\d{4})-(\d+)$/.exec(reference)!;
    await page.getByLabel('Vorgangsnummer').fill(`ls-${year}-${Number(number)}`);
    await page.getByLabel('E-Mail-Adresse').fill('Grete.Muessig@glaswerk.example');
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await expect(page.getByTestId('public-status').textContent()).resolves.toContain('Eingegangen');
    await screenshot(page, 'status-phone');
    await page.context().close();
  });

  it('moves focus to a refusal from the server on a phone, far below the message', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto('/request');
    await fillRequest(page, 'grete.muessig@glaswerk.example');
    // The connection fails while sending: the form says so where the person is looking.
    await page.route('**/request', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
    await submitRequestForm(page);
    await page.getByRole('alert').filter({ hasText: 'unerwarteter Fehler' }).waitFor();
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, visible: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(focused.text).toContain('unerwarteter Fehler');
    expect(focused.visible).toBe(true);
    await screenshot(page, 'request-refused-phone');
    await page.context().close();
  });

  it('shows German errors for an empty form on a desktop and stores nothing', async () => {
    const page = await openPage(browser, DESKTOP);
    await page.goto('/request');
    await page.getByRole('button', { name: 'Anfrage absenden' }).click();
    await expect(page.locator('#organisation-error').textContent()).resolves.toBe('Bitte füllen Sie dieses Feld aus.');
    await expect(page.locator('#description-error').textContent()).resolves.toBe('Bitte füllen Sie dieses Feld aus.');
    await page.getByText('Mindestens 20 Zeichen.').waitFor();
    await expect(page.locator('#consent-error').textContent()).resolves.toContain('Einwilligung');
    // The first invalid field has the focus, so keyboard users land on it.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('organisation');
    await screenshot(page, 'request-errors-desktop');
    await page.context().close();
  });
});
