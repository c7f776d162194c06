import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { signInAs, staffAccount } from '../helpers/staff';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const requester = {
  email: `petra.pfeiffer.${Date.now()}@pfeiffer-drehteile.de`,
  contact_name: 'Petra Pfeiffer',
  organisation: 'Pfeiffer Drehteile GmbH',
  phone: '+49 3641 556677',
};

async function submit(): Promise<string> {
  const response = await fetch(new URL('/api/requests', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest(requester)),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

describe('requester export and erasure (/admin/privacy)', () => {
  it('finds the cases by email, exports them as JSON, and erases them after confirmation', async () => {
    const reference = await submit();
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'admin', '/admin/privacy');
    await page.getByRole('heading', { level: 1, name: 'Datenschutz: Auskunft und Löschung' }).waitFor();

    await page.getByLabel('E-Mail-Adresse der anfragenden Person').fill(requester.email.toUpperCase());
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('heading', { name: '1 Anfrage gefunden' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await expect(row.textContent()).resolves.toContain(requester.organisation);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export als JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('lotse-auskunft.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.email).toBe(requester.email);
    expect(exported.cases).toHaveLength(1);
    expect(exported.cases[0]).toMatchObject({ reference, contactName: requester.contact_name, phone: requester.phone });
    expect(exported.cases[0].events.map((e: { type: string }) => e.type)).toContain('submitted');
    expect(exported.mails[0]).toMatchObject({ recipient: requester.email });
    await screenshot(page, 'privacy-admin-desktop');

    // Nothing is erased without the confirmation.
    const erase = page.getByRole('region', { name: 'Daten löschen' });
    await erase.getByRole('button', { name: 'Löschen' }).click();
    await erase.getByText('Bitte bestätigen Sie die Löschung.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '1 Anfrage gefunden' }).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(reference) }).textContent()).resolves.toContain(requester.organisation);

    await erase.getByLabel(/Ich habe die Identität/).check();
    await erase.getByRole('button', { name: 'Löschen' }).click();
    await erase
      .getByRole('status')
      .filter({ hasText: 'Gelöscht: 1 Anfrage anonymisiert, 1 E-Mail aus dem Postausgang entfernt.' })
      .waitFor();

    // Searching again shows the anonymised case and who erased it.
    await page.goto(`/admin/privacy?email=${encodeURIComponent(requester.email)}`);
    const anonymisedRow = page.getByRole('row', { name: new RegExp(reference) });
    await expect(anonymisedRow.textContent()).resolves.toContain('[anonymisiert]');
    await expect(anonymisedRow.textContent()).resolves.toContain('anonymisiert am');
    await page
      .getByRole('listitem')
      .filter({ hasText: `1 Anfrage gelöscht von ${staffAccount('admin').name}` })
      .waitFor();
    await expect(page.getByRole('link', { name: 'Export als JSON' }).count()).resolves.toBe(0);
    await screenshot(page, 'privacy-admin-erased-desktop');

    await anonymisedRow.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    for (const value of [requester.contact_name, requester.email, requester.organisation, requester.phone])
      expect(body).not.toContain(value);
    expect(body).toContain('Personenbezogene Daten auf Wunsch der anfragenden Person gelöscht');
    await screenshot(page, 'case-anonymised-desktop');
    await page.context().close();

    const phone = await openPage(browser, PHONE);
    await signInAs(phone, 'admin', '/admin/privacy');
    await phone.goto(`/admin/privacy?email=${encodeURIComponent(requester.email)}`);
    await phone.getByRole('row', { name: new RegExp(reference) }).waitFor();
    await screenshot(phone, 'privacy-admin-phone');
    await phone.context().close();
  });

  it('says clearly when the address is not valid or has no cases', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'admin', '/admin/privacy');
    await page.goto('/admin/privacy?email=keine-adresse');
    await page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein').waitFor();
    await page.goto('/admin/privacy?email=niemand%40example.org');
    await page.getByRole('heading', { name: 'Zu dieser E-Mail-Adresse sind keine Anfragen gespeichert.' }).waitFor();
    await page.context().close();
  });
});

describe('legal pages', () => {
  it('links imprint and privacy policy from the public footer', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await openPage(browser, viewport);
      await page.goto('/');
      const footer = page.getByRole('navigation', { name: 'Rechtliches' });
      await footer.getByRole('link', { name: 'Impressum' }).click();
      await page.waitForURL((url) => url.pathname === '/impressum');
      await page.getByRole('heading', { level: 1, name: 'Impressum' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Angaben gemäß § 5 DDG' }).waitFor();
      await expect(page.locator('main').textContent()).resolves.toContain('[Platzhalter: Straße und Hausnummer]');
      await screenshot(page, `impressum-${viewport.width}`);

      await footer.getByRole('link', { name: 'Datenschutzerklärung' }).click();
      await page.waitForURL((url) => url.pathname === '/datenschutz');
      await page.getByRole('heading', { level: 1, name: 'Datenschutz' }).waitFor();
      await page.getByText('Fassung vom 2026-11-24').waitFor();
      await screenshot(page, `datenschutz-${viewport.width}`);
      await page.context().close();
    }
  });
});
