import { readFile } from 'node:fs/promises';
import { berlinDate } from '../../lib/format';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { signInAs } from '../helpers/staff';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fileRequest(organisation: string, sector?: string): Promise<string> {
  const response = await fetch(`${inject('baseUrl')}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      validRequest({ organisation, category: 'capacity', email: 'berichte@example.org', postal_code: '07743', city: 'Jena', sector }),
    ),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

/** A table as text: header row, body rows, footer row. */
function cellsOf(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    [...(element as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? '')),
  );
}

/** The number in the current week's row (the last week of a period ending today) under `column`. */
async function thisWeek(table: Locator, column: string): Promise<number> {
  const rows = await cellsOf(table);
  const index = rows[0]!.indexOf(column);
  if (index < 0) return 0; // a column only appears once the period has a case of its kind
  return Number(rows[rows.length - 2]![index]);
}

describe('reports', () => {
  it('an expert narrows the period, sees new requests counted and downloads them as CSV', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    await page.getByRole('link', { name: 'Berichte' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await page.getByRole('heading', { level: 1, name: 'Berichte' }).waitFor();

    const today = berlinDate();
    await page.getByLabel('Von').fill(today);
    await page.getByLabel('Bis').fill(today);
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === today && url.searchParams.get('to') === today);
    const shown = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(
      new Date(`${today}T12:00:00Z`),
    );
    await page.getByText(`Zeitraum: ${shown} bis ${shown}`).waitFor();
    const byCategory = page.getByRole('table', { name: 'Anfragen pro Woche nach Bedarf' });
    expect(await cellsOf(byCategory)).toHaveLength(3); // header, this week, total
    const before = await thisWeek(byCategory, 'Produktionskapazität');

    // Two new requests are counted under their category and in Jena.
    const references = [await fileRequest('Berichtswerk Jena GmbH'), await fileRequest('Zählwerk Lobeda AG', '13')];
    await page.reload();
    expect(await thisWeek(byCategory, 'Produktionskapazität')).toBe(before + 2);
    const districts = await cellsOf(page.getByRole('table', { name: 'Anfragen und Vermittlungen nach Kreis' }));
    expect(Number(districts.find((row) => row[0] === 'Jena')?.[1])).toBeGreaterThanOrEqual(2);
    const times = await cellsOf(page.getByRole('table', { name: 'Bearbeitungszeiten (Median)' }));
    expect(times.map((row) => row[0])).toEqual(['Kennzahl', 'Bis zur ersten Reaktion', 'Bis zur ersten Vermittlung', 'Bis zur Erledigung']);
    // A sector's chart label is readable beyond the "Herstellung von" every manufacturing sector starts with.
    const sectorLabels = await page
      .locator('section[aria-labelledby="top-sectors-title"] svg text')
      .evaluateAll((labels) => labels.map((label) => [...label.querySelectorAll('tspan')].map((line) => line.textContent).join(' ')));
    expect(sectorLabels).toContain('13 Herstellung von Textilien');
    await screenshot(page, 'reports-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Anfragen als CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`lotse-anfragen_${today}_${today}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFVorgangsnummer;Eingang;Status;Art des Bedarfs')).toBe(true);
    for (const reference of references) expect(csv).toMatch(new RegExp(`^${reference};[^\\r]*;Neu;Produktionskapazität;`, 'm'));
    expect(csv).not.toContain('berichte@example.org');

    const [introductions] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Vermittlungen als CSV' }).click(),
    ]);
    expect(await readFile((await introductions.path())!, 'utf8')).toMatch(/^\uFEFFVorgangsnummer;Anfragende Organisation;/);
    await page.context().close();
  });

  it('refuses a period that ends before it starts, in German, and shows the default period', async () => {
    const page = await openPage(browser, PHONE);
    await signInAs(page, 'expert', '/cases');
    await page.goto('/reports?from=2026-03-10&to=2026-03-01');
    await page.getByRole('alert').filter({ hasText: 'Das Enddatum liegt vor dem Anfangsdatum.' }).waitFor();
    await expect(page.getByLabel('Von').inputValue()).resolves.toBe('2026-03-10');
    await page.getByRole('table', { name: 'Anfragen pro Woche nach Status' }).waitFor();
    await screenshot(page, 'reports-phone');
    // Nothing on the page is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('answers an invalid export period with a German 400', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    const response = await page.request.get('/api/reports/cases.csv?from=gestern');
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: 'Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).' });
    await page.context().close();
  });
});
