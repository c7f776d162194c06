import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages } from '../../lib/i18n';
import { DESKTOP, launchBrowser, openPage, screenshot } from '../helpers/browser';
import { signInAs } from '../helpers/staff';

const t = messages.importer;
const baseUrl = inject('baseUrl');
const run = Date.now().toString(36);
const PLACES = [
  ['99084', 'Erfurt'],
  ['07743', 'Jena'],
  ['98527', 'Suhl'],
  ['99423', 'Weimar'],
  ['07545', 'Gera'],
] as const;

/** 300 data rows with German headers; rows 51, 102, 153 and 204 (file lines) are bad. */
function supplierCsv(): { csv: string; bad: Record<number, string> } {
  const lines = ['Externe ID;Firmenname;Art;PLZ;Ort;WZ-Codes;Leistungen;Beschäftigte;E-Mail;Öffentlich'];
  const bad: Record<number, string> = {};
  for (let i = 1; i <= 300; i++) {
    const line = i + 1;
    const [plz, ort] = PLACES[i % PLACES.length]!;
    let row = [
      `E2E-${run}-${i}`,
      `E2E-Firma ${run} Nr. ${i}`,
      'Unternehmen',
      plz,
      ort,
      '22.29',
      'Spritzguss|Montage',
      String(i),
      `kontakt${i}@firma.example`,
      'ja',
    ];
    if (line === 51) {
      row[3] = '123';
      bad[line] = `PLZ: ${messages.errors.postalCode}`;
    } else if (line === 102) {
      row[8] = 'keine-adresse';
      bad[line] = `E-Mail: ${messages.errors.email}`;
    } else if (line === 153) {
      row[2] = 'Verein';
      bad[line] = `Art: ${t.invalidKind('Verein')}`;
    } else if (line === 204) {
      row = [`E2E-${run}-7`, ...row.slice(1)];
      bad[line] = t.duplicateExternalId(8);
    }
    lines.push(row.join(';'));
  }
  return { csv: lines.join('\r\n'), bad };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function upload(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel(t.file).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.getByRole('button', { name: t.submit }).click();
  await page.getByRole('heading', { name: t.reportTitle }).waitFor();
}

const countOf = (page: Page, label: string) =>
  page
    .locator('dl div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd')
    .textContent();

describe('supplier import', () => {
  it('lets an admin upload a CSV, shows the progress and the report with the skipped rows; the export re-imports unchanged', async () => {
    const { csv, bad } = supplierCsv();
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'admin', '/cases');
    await page.getByRole('navigation', { name: messages.nav.label }).getByRole('link', { name: t.nav }).click();
    await page.waitForURL((url) => url.pathname === '/admin/import');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t.title);

    await upload(page, 'lieferanten.csv', csv);
    const bar = page.getByRole('progressbar', { name: t.progressLabel });
    await expect(bar.evaluate((el: HTMLProgressElement) => [el.value, el.max])).resolves.toEqual([1, 1]);
    await page.getByText(t.progress(300, 300)).waitFor();
    await expect(countOf(page, t.counts.created)).resolves.toBe('296');
    await expect(countOf(page, t.counts.skipped)).resolves.toBe('4');
    const skipped = page.getByRole('table', { name: t.skippedTitle });
    const rows = await skipped.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual(Object.entries(bad).map(([line, reason]) => `${line}${reason}`));
    await screenshot(page, 'supplier-import-report');

    // The same file again changes nothing.
    await page.reload();
    await upload(page, 'lieferanten.csv', csv);
    await expect(countOf(page, t.counts.unchanged)).resolves.toBe('296');
    await expect(countOf(page, t.counts.created)).resolves.toBe('0');

    // Export: a CSV download in the import format that re-imports unchanged.
    const exported = await page.request.get('/api/suppliers/export');
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('text/csv');
    expect(exported.headers()['content-disposition']).toBe('attachment; filename="lotse-lieferanten.csv"');
    const body = await exported.body();
    expect(body.toString('utf8')).toContain(`E2E-Firma ${run} Nr. 300`);
    await page.reload();
    await upload(page, 'lotse-lieferanten.csv', body);
    await expect(countOf(page, t.counts.created)).resolves.toBe('0');
    await expect(countOf(page, t.counts.updated)).resolves.toBe('0');
    await expect(countOf(page, t.counts.skipped)).resolves.toBe('0');
    await page.getByText(t.noneSkipped).waitFor();

    // A search result exports exactly its matches: this run's micro companies (1–9 employees).
    // (A number in the query would not narrow it: numbers only rank, they never remove results.)
    const searched = await page.request.get(`/api/suppliers/export?q=${encodeURIComponent(`E2E-Firma ${run}`)}&size=micro`);
    expect(searched.status()).toBe(200);
    const found = (await searched.text()).trim().split('\n').slice(1);
    expect(found.map((line) => /Nr\. (\d+);/.exec(line)?.[1]).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);

    // The import route streams NDJSON progress lines and then the report.
    const streamed = await page.request.post('/api/admin/import', { data: csv, headers: { 'content-type': 'text/csv' } });
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; done?: number });
    expect(lines.at(-1)).toMatchObject({ type: 'report', unchanged: 296, total: 300 });
    const progress = lines.filter((line) => line.type === 'progress').map((line) => line.done!);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(300);
    await page.context().close();
  });

  it('refuses an unreadable file with one German message', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'admin', '/admin/import');
    await page.getByLabel(t.file).setInputFiles({ name: 'falsch.csv', mimeType: 'text/csv', buffer: Buffer.from('Name;Ort\nA;B\n') });
    await page.getByRole('button', { name: t.submit }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: t.missingColumns(['postal_code']) })
      .waitFor();
    await page.context().close();
  });

  it('is for admins only: an expert gets 403, an anonymous upload 401 and imports nothing', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert', '/cases');
    const nav = page.getByRole('navigation', { name: messages.nav.label });
    await nav.getByRole('link').first().waitFor();
    expect(await nav.getByRole('link', { name: t.nav }).count()).toBe(0);
    const response = await page.goto('/admin/import');
    expect(response?.status()).toBe(403);
    const expertPost = await page.request.post('/api/admin/import', { data: 'name;postal_code;city\nX;99084;Erfurt\n' });
    expect(expertPost.status()).toBe(403);

    const name = `Anonym ${run} GmbH`;
    const anonymous = await fetch(new URL('/api/admin/import', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `name;postal_code;city\n${name};99084;Erfurt\n`,
    });
    expect(anonymous.status).toBe(401);
    expect((await fetch(new URL('/api/suppliers/export', baseUrl))).status).toBe(401);
    const exported = await page.request.get('/api/suppliers/export');
    expect(exported.status()).toBe(200);
    expect(await exported.text()).not.toContain(name);
    await page.context().close();
  });
});
