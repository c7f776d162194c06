import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_HD, launchBrowser, openPage, screenshot, WIDE } from '../helpers/browser';
import { fileRequest } from '../helpers/requests';
import { signInAs } from '../helpers/staff';

let browser: Browser;
let first: string;
let second: string;
const WORD = 'Tastenprobe';

beforeAll(async () => {
  browser = await launchBrowser();
  first = await fileRequest(`${WORD} Eins GmbH`, `${WORD}: Wir suchen Dichtungen aus Silikon, 300 Stück, für unsere Abfüllanlage.`);
  second = await fileRequest(`${WORD} Zwei GmbH`, `${WORD}: Wir suchen Dichtungen aus EPDM, 500 Stück, für unsere Abfüllanlage.`);
});
afterAll(async () => {
  await browser?.close();
});

const activeRowText = (page: Page) =>
  page.evaluate(() => (document.activeElement?.tagName === 'TR' ? document.activeElement.textContent : null));

describe('queue keyboard', () => {
  it('leaves Enter to the focused link or button and acts only from the table or the page body', async () => {
    const page = await openPage(browser, WIDE);
    await signInAs(page, 'expert', '/cases');
    await page.goto(`/cases?view=new&q=${WORD}&sort=created&dir=asc`);
    await page.getByRole('link', { name: first }).waitFor();

    // A view tab: Enter follows the tab, not the highlighted case.
    await page.getByRole('link', { name: /^Alle offenen \(/ }).focus();
    await page.keyboard.press('Enter');
    // "Alle offenen" is the default view, which the URL leaves out.
    await page.waitForURL((url) => url.searchParams.get('view') !== 'new');

    // The filter summary: Enter opens the panel and the page stays.
    await page.goto(`/cases?view=new&q=${WORD}&sort=created&dir=asc`);
    await page.getByText('Filter', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/cases');

    // A sort header.
    await page.getByRole('link', { name: 'Organisation', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'organisation');

    // A navigation link.
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Lieferanten' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/suppliers');
    await page.context().close();
  });

  it('j from the page body lands on the first row, "/" reaches the closed search, and the cursor stays on its case after "a"', async () => {
    const page = await openPage(browser, WIDE);
    await signInAs(page, 'expert', '/cases');
    await page.goto(`/cases?view=new&q=${WORD}&sort=created&dir=asc`);
    await page.getByRole('link', { name: first }).waitFor();
    // Filters in the URL open the panel; without them it is closed.
    await page.goto('/cases?view=new&sort=created&dir=asc');
    await page.getByRole('link', { name: first }).waitFor();
    expect(await page.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);

    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('queue-search');
    await page.keyboard.type(WORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === WORD);
    // Both cases were listed before the search too: wait until only the search's rows are left.
    await page.waitForFunction((word) => [...document.querySelectorAll('tbody tr')].every((row) => row.textContent?.includes(word)), WORD);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    await page.keyboard.press('j');
    await expect(activeRowText(page)).resolves.toContain(first);
    await page.keyboard.press('j');
    await expect(activeRowText(page)).resolves.toContain(second);

    await page.keyboard.press('a');
    await page.getByText(`${second} ist jetzt Ihnen zugewiesen.`).waitFor();
    await page
      .getByRole('row', { name: new RegExp(second) })
      .getByRole('cell', { name: 'Erika Expertin' })
      .waitFor();
    await expect(activeRowText(page)).resolves.toContain(second);

    // Enter on the focused row opens its case.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(second);
    await page.context().close();
  });
});

describe('queue layout', () => {
  for (const [name, viewport] of [
    ['1440', WIDE],
    ['1920', FULL_HD],
  ] as const) {
    it(`shows every column without scrolling at ${name} px, with a long organisation name and a new case`, async () => {
      const reference = await fileRequest(
        'Thüringer Feinmechanik- und Präzisionsoptik-Zulieferergesellschaft Südthüringen mbH & Co. KG',
        `${WORD}: Gesucht wird ein Lohnfertiger für Drehteile aus Edelstahl 1.4404 in Kleinserien von 50 bis 200 Stück pro Monat, mit Prüfprotokoll.`,
      );
      const page = await openPage(browser, viewport);
      await signInAs(page, 'expert', '/cases');
      await page.goto(`/cases?view=all&q=${WORD}`);
      await page.getByRole('link', { name: reference }).waitFor();
      const overflow = await page.locator('table').evaluate((table) => {
        const box = table.parentElement as HTMLElement;
        return box.scrollWidth - box.clientWidth;
      });
      expect(overflow).toBe(0);
      await expect(page.getByRole('columnheader', { name: 'Priorität' }).count()).resolves.toBe(0);
      // The focused row shows the whole need instead of two clamped lines.
      const need = page.getByRole('row', { name: new RegExp(reference) }).getByText(/Lohnfertiger/);
      await page.getByRole('row', { name: new RegExp(reference) }).focus();
      await expect(need.evaluate((el) => el.scrollHeight <= el.clientHeight)).resolves.toBe(true);
      await screenshot(page, `queue-${name}`);
      await page.context().close();
    });
  }
});
