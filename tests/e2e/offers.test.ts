import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, berlinDate } from '@/lib/time';
import { E2E_MIN_FILL_SECONDS } from '../helpers/app-environment';
import { axeViolations } from '../helpers/axe';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { signInAs } from '../helpers/staff';

let browser: Browser;

// Words of this run: the company's name (unique among the demo companies) and a word only the
// offer's text holds, so finding the company by it shows the offer is searchable.
const token = `Of${randomBytes(5).toString('hex')}`;
const offerWord = `Titan${randomBytes(4).toString('hex')}`;
const COMPANY = `Drehteilewerk Apolda ${token}`;
const CSV = [
  'external_id;name;kind;postal_code;city;wz_codes;capabilities;email;public_listing',
  `${token}-1;${COMPANY};company;99510;Apolda;25.62;Drehteile;info@alt.example;ja`,
].join('\n');
const until = addDays(berlinDate(), 60);

async function importCompany() {
  const admin = await openPage(browser, DESKTOP);
  await signInAs(admin, 'admin', '/admin/import');
  const response = await admin.request.post('/api/admin/import', { data: CSV, headers: { 'content-type': 'text/csv' } });
  expect(response.status()).toBe(200);
  await admin.context().close();
}

async function fillOffer(page: Page) {
  await page.getByLabel('Name der Organisation').fill(COMPANY);
  await page.getByLabel('Postleitzahl').fill('99510');
  await page.getByLabel(/^Ort/).fill('Apolda');
  await page.getByLabel('Branche (WZ 2008, optional)').selectOption('25');
  await page.getByLabel('Zertifizierungen (optional)').fill('ISO 9001, EN 9100');
  await page.getByLabel(/^Ansprechperson/).fill('Karla Dreher');
  await page.getByLabel('E-Mail-Adresse').fill('vertrieb@drehteile.example');
  await page.getByLabel('Was bieten Sie an?').fill(`Freie Kapazität für ${offerWord}-Drehteile aus Titan, Kleinserien ab 50 Stück.`);
  await page.getByLabel('Menge oder Umfang (optional)').fill('2 Schichten pro Woche');
  await page.getByLabel('Verfügbar bis (optional)').fill(until);
  await page.getByLabel(/Ich bin einverstanden/).check();
}

/** A help request whose need the offer serves, filed through the public API. */
async function fileMatchingRequest(): Promise<string> {
  const response = await fetch(`${inject('baseUrl')}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      validRequest({
        organisation: `Pumpenbau ${token}`,
        description: `Wir suchen ${offerWord}-Drehteile für eine Pumpenserie, 200 Stück.`,
      }),
    ),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

beforeAll(async () => {
  browser = await launchBrowser();
  await importCompany();
});
afterAll(async () => {
  await browser?.close();
});

describe('an offer of capacity, from the public form to the supplier search', () => {
  it('the public form is reachable from the start page, accessible, refuses bad input in German and confirms on a phone', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto('/');
    await page.getByRole('link', { name: 'Angebot melden' }).click();
    await page.waitForURL((url) => url.pathname === '/offer');
    expect(await axeViolations(page)).toEqual([]);

    // Nothing filled in: German messages next to the fields, focus on the first.
    await page.getByRole('button', { name: 'Angebot senden' }).click();
    await page.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('organisation');
    await page.getByText('Ohne Ihre Einwilligung können wir das Angebot nicht bearbeiten.').waitFor();

    await fillOffer(page);
    await page.getByLabel('Verfügbar bis (optional)').fill('2020-01-01');
    await page.waitForTimeout(E2E_MIN_FILL_SECONDS * 1000 + 100);
    await page.getByRole('button', { name: 'Angebot senden' }).click();
    await page.getByText('Das Datum liegt in der Vergangenheit.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offer-form-errors-phone');

    await page.getByLabel('Verfügbar bis (optional)').fill(until);
    await page.getByRole('button', { name: 'Angebot senden' }).click();
    await page.waitForURL((url) => url.pathname === '/offer/received');
    await page.getByRole('heading', { name: 'Vielen Dank für Ihr Angebot' }).waitFor();
    await screenshot(page, 'offer-received-phone');
    await page.context().close();
  });

  it('an expert reviews it, merges it into the existing company, and finds the company by the offer', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    // A case of the expert's whose need the offer serves.
    const reference = await fileMatchingRequest();
    await page.goto(`/cases?view=all&q=${reference}`);
    await page.getByRole('link', { name: reference }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    const caseUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByRole('button', { name: 'Übernehmen' }).waitFor({ state: 'detached' });

    await page
      .getByRole('navigation', { name: 'Bereiche' })
      .getByRole('link', { name: /^Angebote/ })
      .click();
    await page.waitForURL((url) => url.pathname === '/offers');
    await screenshot(page, 'offers-queue-desktop');
    await page.getByRole('link', { name: COMPANY }).click();
    await page.waitForURL(/\/offers\/\d+$/);

    const suggestion = page.getByRole('form', { name: `In dieses Unternehmen übernehmen: ${COMPANY}` });
    await page.getByText('Gleicher Name und gleiche PLZ').waitFor();
    await suggestion.getByLabel(/E-Mail/).check();
    await screenshot(page, 'offer-review-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'offer-review-phone');
    await page.setViewportSize(DESKTOP);
    await suggestion.getByRole('button', { name: 'In dieses Unternehmen übernehmen' }).click();
    // Demo cases of others may match too: at least the expert's own one does.
    await page.getByText(/Das Angebot ist übernommen\. Es passt zu \d+ offenen F/).waitFor();
    const reviewUrl = new URL(page.url()).pathname;

    // The assignee finds it among the offers for their cases and, once, on the case.
    await page.goto('/offers');
    const matches = page.locator('section', { has: page.getByRole('heading', { name: 'Neue Angebote passend zu meinen Fällen' }) });
    await matches.getByRole('link', { name: reference }).click();
    await page.waitForURL((url) => url.pathname === caseUrl);
    const marker = page.getByRole('region', { name: 'Neues Angebot' });
    await marker.getByText(new RegExp(`${offerWord}-Drehteile`)).waitFor();
    await screenshot(page, 'offer-case-marker-desktop');
    await page.getByText(`Neues Angebot von ${COMPANY} passt zu diesem Fall`).first().waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Verlauf' }).waitFor();
    await expect(marker.count()).resolves.toBe(0);

    await page.goto(reviewUrl);

    await page.getByRole('link', { name: `Zum Unternehmen: ${COMPANY}` }).click();
    await page.waitForURL(/\/suppliers\/\d+$/);
    const offers = page.locator('section', { has: page.getByRole('heading', { name: 'Aktuelle Angebote' }) });
    await offers.getByText(new RegExp(`${offerWord}-Drehteile`)).waitFor();
    await offers.getByText(/verfügbar bis/).waitFor();
    const companyId = /\/suppliers\/(\d+)$/.exec(page.url())![1];
    await page.getByRole('link', { name: 'vertrieb@drehteile.example' }).waitFor();
    await page.getByText('Angebot übernommen').first().waitFor();

    await page.goto('/suppliers');
    await page.getByLabel('Suchbegriffe').fill(offerWord);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL(/q=/);
    await expect(page.getByTestId('result-total').textContent()).resolves.toBe('1–1 von 1 Treffern');
    await expect(page.locator('li[data-supplier-id]').first().getByRole('link').first().textContent()).resolves.toBe(COMPANY);
    await screenshot(page, 'offer-found-desktop');

    // The company is listed: its directory entry shows the offer too.
    await page.goto(`/directory/${companyId}`);
    await page.getByText(new RegExp(`${offerWord}-Drehteile`)).waitFor();
    await page.context().close();
  });
});
