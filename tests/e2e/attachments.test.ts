import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, PHONE, DESKTOP, screenshot, submitRequestForm } from '../helpers/browser';
import { samplePdf, sampleExe } from '../helpers/sample-files';
import { signInAs } from '../helpers/staff';

const baseUrl = inject('baseUrl');
// Unique per run, so the queue search finds only this file's cases.
const ORGANISATION = `Anhangwerk ${Date.now().toString(36)} GmbH`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fillRequest(page: Page) {
  await page.getByLabel('Name der Organisation').fill(ORGANISATION);
  await page.getByLabel('Art der Organisation').selectOption({ label: 'Unternehmen' });
  await page.getByLabel('Postleitzahl').fill('07743');
  await page.getByLabel(/^Ort/).fill('Jena');
  await page.getByLabel('Ihr Name').fill('Frieda Feldmann');
  await page.getByLabel('E-Mail-Adresse').fill('f.feldmann@anhangwerk.example');
  await page.getByLabel('Was wird benötigt?').selectOption({ label: 'Rohstoffe' });
  await page.getByLabel('Beschreibung').fill('Edelstahlblech 1.4301, 2 mm, 300 Tafeln – Datenblatt anbei.');
  await page.getByLabel('Dringlichkeit').selectOption({ label: 'Sofort' });
  await page.getByLabel(/Ich willige ein/).check();
}

describe('files with the help request', () => {
  let reference: string;

  it('refuses a program renamed to .pdf in German, then sends the request with a real PDF', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto('/request');
    await fillRequest(page);
    const files = page.getByLabel('Dateien anhängen (optional)');
    // The picker speaks German whatever the browser's language, and its button opens the chooser.
    await page.getByText('Keine Datei ausgewählt').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('Dateien auswählen').click()]);
    await chooser.setFiles([
      { name: 'Datenblatt.pdf', mimeType: 'application/pdf', buffer: samplePdf() },
      { name: 'Angebot.pdf', mimeType: 'application/pdf', buffer: sampleExe() },
    ]);
    await page.getByText('2 Dateien: Datenblatt.pdf, Angebot.pdf').waitFor();
    await submitRequestForm(page);
    await page.locator('#files-error').filter({ hasText: 'Die Datei „Angebot.pdf“ hat kein erlaubtes Format' }).waitFor();
    await expect(files.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'request-file-refused-phone');

    await files.setInputFiles([{ name: 'Datenblatt.pdf', mimeType: 'application/pdf', buffer: samplePdf() }]);
    await submitRequestForm(page);
    await page.waitForURL('**/request/received?ref=*');
    reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^LS-\d{4}-\d{5}$/);
    await page.context().close();
  });

  it('stored one case with only the accepted file, which experts download as an attachment', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    await page.goto(`/cases?view=all&q=${encodeURIComponent(ORGANISATION)}`);
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();

    await expect(page.getByRole('link', { name: /herunterladen$/ }).count()).resolves.toBe(1);
    await expect(page.getByText('Angebot.pdf').count()).resolves.toBe(0);
    await expect(page.getByText('PDF · ').first().textContent()).resolves.toBe(`PDF · ${samplePdf().byteLength} Bytes`);
    await screenshot(page, 'case-files-desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Datenblatt.pdf herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Datenblatt.pdf');
    expect(readFileSync((await download.path())!).equals(samplePdf())).toBe(true);

    const href = await page.getByRole('link', { name: 'Datenblatt.pdf herunterladen' }).getAttribute('href');
    const served = await page.request.get(href!);
    expect(served.status()).toBe(200);
    expect(served.headers()).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Datenblatt.pdf"; filename*=UTF-8''Datenblatt.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    for (const unknown of ['999999', '99999999999', 'abc']) {
      expect((await page.request.get(`/api/attachments/${unknown}`)).status()).toBe(404);
    }
    // Without a session the file is not served.
    expect((await fetch(new URL(href!, baseUrl))).status).toBe(401);

    // The refused attempt left no case behind.
    await page.goto(`/cases?view=all&q=${encodeURIComponent(ORGANISATION)}`);
    await page.getByRole('link', { name: reference }).waitFor();
    await expect(page.getByRole('link', { name: /^LS-\d{4}-\d{5}$/ }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('the requester replies with a PDF on a phone and the expert downloads it from the case', async () => {
    const phone = await openPage(browser, PHONE);
    await phone.goto('/request/status');
    await phone.getByLabel('Vorgangsnummer').fill(reference);
    await phone.getByLabel('E-Mail-Adresse').fill('f.feldmann@anhangwerk.example');
    await phone.getByRole('button', { name: 'Status abfragen' }).click();
    await phone.getByRole('link', { name: 'Nachrichten ansehen und antworten' }).click();
    await phone.getByRole('textbox', { name: /Ihre Antwort/ }).fill('Hier noch die Zeichnung mit den Maßen.');
    await phone
      .getByLabel('Dateien anhängen (optional)')
      .setInputFiles([{ name: 'Zeichnung Maße.pdf', mimeType: 'application/pdf', buffer: samplePdf() }]);
    await screenshot(phone, 'thread-reply-file-phone');
    await phone.getByRole('button', { name: 'Antwort senden' }).click();
    await phone.getByText('Vielen Dank, Ihre Antwort ist bei uns eingegangen.').waitFor();
    // The requester's page offers no download: files are served to staff only.
    await expect(phone.getByRole('link', { name: /herunterladen/ }).count()).resolves.toBe(0);
    await phone.context().close();

    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    await page.goto(`/cases?view=all&q=${encodeURIComponent(ORGANISATION)}`);
    await page.getByRole('link', { name: reference }).click();
    const reply = page.getByRole('article', { name: /Antwort der anfragenden Person/ });
    await reply.getByText('Hier noch die Zeichnung mit den Maßen.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reply.getByRole('link', { name: 'Zeichnung Maße.pdf herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Zeichnung Maße.pdf');
    expect(readFileSync((await download.path())!).equals(samplePdf())).toBe(true);

    // The expert answers with a file of their own: it is listed under the message.
    await page.getByRole('radio', { name: 'Nachricht an die anfragende Person' }).check();
    await page.getByLabel('Betreff').fill('Unser Angebot');
    await page.getByRole('textbox', { name: 'Nachricht', exact: true }).fill('Anbei unser Angebot.');
    await page
      .getByLabel('Dateien anhängen (optional)')
      .setInputFiles([{ name: 'Angebot.pdf', mimeType: 'application/pdf', buffer: samplePdf() }]);
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    const sent = page.getByRole('article', { name: /An die anfragende Person/ });
    await sent.getByRole('link', { name: 'Angebot.pdf herunterladen' }).waitFor();
    await page.context().close();
  });
});
