import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { fileRequest } from '../helpers/requests';
import { signInAs } from '../helpers/staff';

let browser: Browser;

async function openCaseFromQueue(page: Page, reference: string) {
  await page.goto(`/cases?view=new&q=${reference}`);
  await page.getByRole('link', { name: reference }).click();
  await page.waitForURL(/\/cases\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(reference);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('triage', () => {
  it('an expert takes a new case, prioritises it, notes and moves it to searching', async () => {
    const reference = await fileRequest('Optikwerk Lobeda GmbH', 'Wir suchen 200 Liter Isopropanol für die Linsenreinigung, dringend.');
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    await expect(page.getByRole('heading', { name: 'Vorgänge' }).isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: /^Neu \(/ }).click();
    await page.getByRole('link', { name: reference }).waitFor();
    await screenshot(page, 'queue-desktop');

    // Keyboard: focus the row, take the case with "a".
    await page.goto(`/cases?view=new&q=${reference}`);
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await page.getByText(`${reference} ist jetzt Ihnen zugewiesen.`).waitFor();

    await openCaseFromQueue(page, reference);
    await expect(page.getByLabel('Bearbeitet von').inputValue()).resolves.not.toBe('');
    await page.getByLabel('Priorität').selectOption({ label: 'Dringend' });
    await page.getByLabel('Status').selectOption({ label: 'Suche läuft' });
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    await page.getByLabel('Interne Notiz').fill('Rückruf bei <b>Hr. Weiß</b> – Bedarf bestätigt.');
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await page.getByText('Notiz gespeichert.').waitFor();

    const history = page.getByRole('heading', { name: 'Verlauf' }).locator('..');
    await history.getByText('Status: Neu → Suche läuft').waitFor();
    await history.getByText('Priorität: Normal → Dringend').waitFor();
    // The note is shown as text, its markup escaped.
    await history.getByText('Rückruf bei <b>Hr. Weiß</b> – Bedarf bestätigt.').waitFor();
    await screenshot(page, 'case-desktop');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/login**');
    await page.goto('/cases');
    await page.waitForURL('**/login**');
    await page.context().close();
  });

  it('takes a case in one click, names it by reference and organisation in the tab title and shows the history beside the edit form', async () => {
    const reference = await fileRequest(
      'Porzellanmanufaktur Kahla-Nord GmbH',
      'Wir suchen Kaolin in Porzellanqualität, 10 t pro Quartal, ab sofort.',
    );
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    await openCaseFromQueue(page, reference);
    await expect(page.title()).resolves.toBe(`${reference} · Porzellanmanufaktur Kahla-Nord GmbH · Lotse`);
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByRole('button', { name: 'Übernehmen' }).waitFor({ state: 'detached' });
    await expect(page.getByLabel('Bearbeitet von').locator('option:checked').textContent()).resolves.toBe('Erika Expertin');
    await expect(page.getByLabel('Status').locator('option:checked').textContent()).resolves.toBe('In Sichtung');
    // The history is found next to the edit form, above the candidates' long list.
    const history = page.getByRole('heading', { name: 'Verlauf' });
    await history.locator('..').getByText('Status: Neu → In Sichtung').waitFor();
    const [historyTop, candidatesTop] = await Promise.all([
      history.evaluate((el) => el.getBoundingClientRect().top),
      page.getByRole('heading', { name: 'Kandidaten' }).evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(historyTop).toBeLessThan(candidatesTop);
    await page.context().close();
  });

  it('refuses a stale save with the name of the other editor and keeps the typed values', async () => {
    const reference = await fileRequest(
      'Zeiss-Zulieferer Saalfeld KG',
      'Gesucht: Kapazität für das Eloxieren von 5.000 Aluminiumteilen pro Monat.',
    );
    const erika = await openPage(browser, DESKTOP);
    const anke = await openPage(browser, PHONE);
    await signInAs(erika, 'expert', '/cases');
    await signInAs(anke, 'admin', '/cases');
    await openCaseFromQueue(erika, reference);
    await openCaseFromQueue(anke, reference);

    await anke.getByLabel('Priorität').selectOption({ label: 'Hoch' });
    await anke.getByRole('button', { name: 'Änderungen speichern' }).click();
    await anke.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    await screenshot(anke, 'case-phone');

    await erika.getByLabel('Schlagworte (durch Komma getrennt)').fill('Eloxal, Oberfläche');
    await erika.getByLabel('Priorität').selectOption({ label: 'Niedrig' });
    await erika.getByRole('button', { name: 'Änderungen speichern' }).click();
    await erika.getByRole('alert').filter({ hasText: 'Anke Admin hat diesen Fall geändert' }).waitFor();
    await expect(erika.getByTestId('current-state').textContent()).resolves.toContain('Priorität: Hoch');
    await expect(erika.getByLabel('Schlagworte (durch Komma getrennt)').inputValue()).resolves.toBe('Eloxal, Oberfläche');
    await expect(erika.getByLabel('Priorität').inputValue()).resolves.toBe('low');
    await screenshot(erika, 'case-conflict-desktop');

    // Having seen the other change, saving again keeps Erika's values.
    await erika.getByRole('button', { name: 'Änderungen speichern' }).click();
    await erika.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    await erika.reload();
    await expect(erika.getByLabel('Priorität').inputValue()).resolves.toBe('low');
    await erika.context().close();
    await anke.context().close();
  });

  it('closes selected cases as spam in bulk', async () => {
    const first = await fileRequest('Gewinnspiel Werbung 1', 'Kaufen Sie jetzt günstige Uhren, nur heute, klicken Sie hier!');
    const second = await fileRequest('Gewinnspiel Werbung 2', 'Kaufen Sie jetzt günstige Uhren, nur heute, klicken Sie hier!!');
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    await page.goto('/cases?view=new&q=Gewinnspiel%20Werbung');
    await page.getByLabel(`${first} auswählen`).check();
    await page.getByLabel(`${second} auswählen`).check();
    await page.getByRole('button', { name: 'Als Spam schließen' }).click();
    await page.getByText('2 Vorgänge geändert.').waitFor();
    await page.goto('/cases?view=closed&q=Gewinnspiel%20Werbung');
    await page.getByRole('link', { name: first }).waitFor();
    await page.getByRole('link', { name: second }).waitFor();
    await page.context().close();
  });
});
