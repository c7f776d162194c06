import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { berlinDate } from '@/lib/format';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { signInAs } from '../helpers/staff';

let browser: Browser;
let expert: Page;

// A word of this run in the need text and in the suppliers' names: the demo database holds
// thousands of generated mask makers, the candidates must be the three below.
// Random, not time-based: the supplier test's word is made from the clock, and the typo
// correction would take two words made a moment apart for the same one.
const token = `Vt${randomBytes(5).toString('hex')}`;
const SUPPLIERS = [`Maskenwerk Erfurt ${token}`, `Schutzausrüstung Weimar ${token}`, `Textilmasken Jena ${token}`];
const CSV = [
  'external_id;name;kind;postal_code;city;wz_codes;capabilities;email;public_listing',
  `${token}-1;${SUPPLIERS[0]};company;99084;Erfurt;32.50;FFP2-Masken|OP-Masken;vertrieb@maskenwerk.example;ja`,
  `${token}-2;${SUPPLIERS[1]};company;99423;Weimar;32.50;FFP2-Masken;;nein`,
  `${token}-3;${SUPPLIERS[2]};company;07743;Jena;14.19;FFP2-Masken Zuschnitt;;ja`,
].join('\n');

const day = (offset: number) => berlinDate(new Date(Date.now() + offset * 86_400_000));
const REPORT = `/reports?from=${day(-14)}&to=${day(0)}`;

/** Count column of the reports' outcome table, by row label. */
async function outcomeCounts(page: Page): Promise<Record<string, number>> {
  await page.goto(REPORT);
  const rows = await page
    .getByRole('table', { name: 'Ergebnisse der Vermittlungen' })
    .evaluate((table) => [...(table as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? '')));
  return Object.fromEntries(rows.slice(1).map(([label, n]) => [label!, Number(n!.replace(/\./g, ''))]));
}

async function importSuppliers() {
  const admin = await openPage(browser, DESKTOP);
  await signInAs(admin, 'admin', '/admin/import');
  const response = await admin.request.post('/api/admin/import', { data: CSV, headers: { 'content-type': 'text/csv' } });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('"created":3');
  await admin.context().close();
}

async function fileRequest(): Promise<string> {
  const response = await fetch(`${inject('baseUrl')}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      validRequest({
        organisation: `Pflegedienst Sonnenschein ${token}`,
        // The run's word leads the need text, as the product a requester asks for first would.
        description: `${token}: wir benötigen dringend 2.000 FFP2-Masken für unsere Pflegekräfte.`,
        postal_code: '99084',
        city: 'Erfurt',
      }),
    ),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

const candidate = (page: Page, name: string) => page.locator('li[data-candidate-id]', { hasText: name });
const introduction = (page: Page, name: string) => page.locator('#vermittlungen li[data-introduction-id]', { hasText: name });

/** The supplier's consent, as the expert writes down a phone call on its shortlist entry. */
async function recordPhoneConsent(page: Page, company: string) {
  const entry = page.locator('#merkliste li[data-shortlist-company]', { hasText: company });
  await entry.getByText('Telefonische Zustimmung erfassen', { exact: true }).click();
  await entry.getByLabel('Notiz zum Telefonat').fill('Herr Brandt hat am Telefon zugestimmt.');
  await entry.getByRole('button', { name: 'Zustimmung speichern' }).click();
  await entry.getByText(/telefonisch zugestimmt, erfasst von/).waitFor();
}

async function logIntroduction(page: Page, company: string, options: { channel: string; shared?: boolean; on?: string; followUp: string }) {
  if (options.shared) await recordPhoneConsent(page, company);
  const form = page.getByRole('form', { name: 'Vermittlung erfassen' });
  if (!(await form.isVisible())) await page.getByText('Vermittlung erfassen', { exact: true }).click();
  await form.getByLabel('Anbieter', { exact: true }).selectOption({ label: company });
  if (options.on) await form.getByLabel('Datum').fill(options.on);
  await form.getByLabel('Weg').selectOption({ label: options.channel });
  await form.getByLabel('Wiedervorlage am').fill(options.followUp);
  await form.getByRole('button', { name: 'Vermittlung speichern' }).click();
  await introduction(page, company).waitFor();
}

async function setOutcome(page: Page, company: string, outcome: string, kind?: string) {
  const card = introduction(page, company);
  const form = card.getByRole('form', { name: 'Ergebnis ändern' });
  if (!(await form.isVisible())) await card.getByText('Ergebnis ändern').click();
  await form.getByLabel('Ergebnis', { exact: true }).selectOption({ label: outcome });
  if (kind) await form.getByLabel('Art der Vereinbarung').selectOption({ label: kind });
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
  await card.getByText('Ergebnis gespeichert.').waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  await importSuppliers();
  expert = await openPage(browser, DESKTOP);
  await signInAs(expert, 'expert', '/cases');
});
afterAll(async () => {
  await browser?.close();
});

describe('from case to introduction', () => {
  let reference: string;
  let caseUrl: string;
  let reportBefore: Record<string, number>;

  it('a new case shows ranked candidates found from its need text and location', async () => {
    reportBefore = await outcomeCounts(expert);
    reference = await fileRequest();
    await expert.goto(`/cases?q=${reference}`);
    await expert.getByRole('link', { name: reference }).click();
    await expert.waitForURL(/\/cases\/\d+$/);
    caseUrl = new URL(expert.url()).pathname;
    await expert.getByRole('link', { name: 'Lieferanten finden' }).click();

    const section = expert.locator('#kandidaten');
    // With thousands of demo companies the run's word alone is specific; with few, FFP2 narrows it.
    await expect(section.getByLabel('Suchbegriffe').inputValue()).resolves.toMatch(new RegExp(`^${token}( FFP2-Masken)?$`));
    await expect(section.getByLabel('Umkreis').inputValue()).resolves.toBe('50');
    await section.getByText('3 Treffer').waitFor();
    // Nearest first among equally good matches; each with its distance and why it matched.
    const names = await section.locator('li[data-candidate-id] h3').allTextContents();
    expect(names).toEqual(SUPPLIERS);
    await expect(
      candidate(expert, SUPPLIERS[2]!)
        .getByText(/^\d+,\d km$/)
        .textContent(),
    ).resolves.toMatch(/^[3-5]\d,\d km$/);
    await expect(section.locator('mark').count()).resolves.toBeGreaterThan(0);

    // Refining right there: a radius that leaves Jena out.
    await section.getByLabel('Umkreis').selectOption('25');
    await section.getByRole('button', { name: 'Suchen' }).click();
    await expert.waitForURL(/radius_km=25/);
    await expert.locator('#kandidaten').getByText('2 Treffer').waitFor();
    await expert.goto(`${caseUrl}?q=${token}&radius_km=50`);
  });

  it('shortlists three candidates with a note, and the history says so', async () => {
    await candidate(expert, SUPPLIERS[0]!)
      .getByRole('button', { name: `Merken: ${SUPPLIERS[0]}` })
      .click();
    await candidate(expert, SUPPLIERS[0]!).getByLabel('Notiz zur Merkliste (optional)').fill('Hat EN 149, liefert in 3 Tagen');
    await candidate(expert, SUPPLIERS[0]!).getByRole('button', { name: 'Auf die Merkliste' }).click();
    // Saved (and the page refreshed) before the next candidate, as for the others below.
    await candidate(expert, SUPPLIERS[0]!).getByText('Auf der Merkliste').waitFor();
    for (const name of SUPPLIERS.slice(1)) {
      await candidate(expert, name)
        .getByRole('button', { name: `Merken: ${name}` })
        .click();
      await candidate(expert, name).getByRole('button', { name: 'Auf die Merkliste' }).click();
      await candidate(expert, name).getByText('Auf der Merkliste').waitFor();
    }
    const shortlist = expert.locator('#merkliste');
    await expect(shortlist.locator('li[data-shortlist-company]').count()).resolves.toBe(3);
    await shortlist.getByText('Hat EN 149, liefert in 3 Tagen').waitFor();
    await expert.getByText(`Auf die Merkliste: ${SUPPLIERS[1]}`).waitFor();
  });

  it('logs two introductions; the first moves the case to "Vermittelt"', async () => {
    await logIntroduction(expert, SUPPLIERS[0]!, { channel: 'Telefon', shared: true, followUp: day(7) });
    await expert.locator('header').getByText('Vermittelt', { exact: true }).waitFor();
    await expert.getByText('Status: Neu → Vermittelt').waitFor();
    // The untouched triage form follows the new status (and version).
    await expect.poll(() => expert.getByLabel('Status').inputValue()).toBe('introduced');
    await logIntroduction(expert, SUPPLIERS[1]!, { channel: 'E-Mail', followUp: day(0) });
    // A third one, made last week and not chased since: overdue.
    await logIntroduction(expert, SUPPLIERS[2]!, { channel: 'Treffen', on: day(-7), followUp: day(-2) });
    await introduction(expert, SUPPLIERS[2]!).getByText('Wiedervorlage überfällig').waitFor();
    await screenshot(expert, 'case-introductions-desktop');
  });

  it('sets an outcome to agreement and sends the prepared text through the outbox', async () => {
    await setOutcome(expert, SUPPLIERS[0]!, 'In Kontakt');
    await setOutcome(expert, SUPPLIERS[0]!, 'Vereinbarung', 'Auftrag');
    await introduction(expert, SUPPLIERS[0]!).getByText('Vereinbarung (Auftrag)').waitFor();

    const card = introduction(expert, SUPPLIERS[0]!);
    await card.getByText('Vorbereiteter Vermittlungstext').click();
    await card.getByText(/im Rahmen unserer Anfrage LS-\d{4}-\d+ möchten wir Sie miteinander bekannt machen/).waitFor();
    await card.getByRole('button', { name: 'Über den Postausgang senden' }).click();
    await card.getByText('Der Text geht an 2 Empfänger (Postausgang).').waitFor();
    // Without the supplier's consent the text can only be copied.
    const unshared = introduction(expert, SUPPLIERS[1]!);
    await unshared.getByText('Vorbereiteter Vermittlungstext').click();
    await expect(unshared.getByRole('button', { name: 'Über den Postausgang senden' }).isDisabled()).resolves.toBe(true);
  });

  it('shows the follow-ups due in the list, the overdue one in the queue, and the outcome on the company page', async () => {
    await expert.goto('/introductions');
    await expert.getByRole('link', { name: /Meine fälligen Wiedervorlagen \(\d+\)/ }).click();
    const due = expert.locator('li[data-introduction-id]', { hasText: reference });
    await expect(due.locator('a', { hasText: /./ }).allTextContents()).resolves.toEqual(
      expect.arrayContaining([SUPPLIERS[1], SUPPLIERS[2]]),
    );
    await due.filter({ hasText: SUPPLIERS[1]! }).getByText('heute fällig').waitFor();
    await due.filter({ hasText: SUPPLIERS[2]! }).getByText('Wiedervorlage überfällig').waitFor();
    await screenshot(expert, 'introductions-mine-desktop');

    await expert.goto('/introductions?outcome=agreement');
    await expert.locator('li[data-introduction-id]', { hasText: reference }).getByText(SUPPLIERS[0]!).waitFor();

    await expert.goto(`/cases?q=${reference}`);
    await expert.locator('tr', { hasText: reference }).getByText('Wiedervorlage überfällig').waitFor();

    await expert.goto(caseUrl);
    await introduction(expert, SUPPLIERS[0]!).getByRole('link', { name: SUPPLIERS[0] }).click();
    await expert.waitForURL(/\/suppliers\/\d+$/);
    const panel = expert.getByRole('heading', { name: 'Vermittlungen' }).locator('..');
    await panel.getByText(reference).waitFor();
    await panel.getByText('Vereinbarung (Auftrag)').waitFor();
  });

  it('counts the introductions and the agreement in the reports', async () => {
    const after = await outcomeCounts(expert);
    // Three introductions: one agreement (an order), two still open.
    expect(after.Vereinbarung).toBe(reportBefore.Vereinbarung! + 1);
    expect(after['davon Auftrag']).toBe(reportBefore['davon Auftrag']! + 1);
    expect(after.Offen).toBe(reportBefore.Offen! + 2);
    expect(after.Summe).toBe(reportBefore.Summe! + 3);
    await screenshot(expert, 'reports-after-introductions-desktop');
  });

  it('shows no follow-up date on a final outcome, even a past one', async () => {
    await expert.goto(caseUrl);
    await setOutcome(expert, SUPPLIERS[2]!, 'Keine Antwort');
    await expert.goto('/introductions?outcome=no_answer');
    const row = expert.locator('li[data-introduction-id]', { hasText: reference }).filter({ hasText: SUPPLIERS[2]! });
    await row.getByText('Keine Antwort', { exact: true }).first().waitFor();
    await expect(
      row
        .getByText(/^Wiedervorlage/)
        .filter({ visible: true })
        .count(),
    ).resolves.toBe(0);
  });

  it('works at phone width', async () => {
    const phone = await openPage(browser, PHONE);
    await signInAs(phone, 'expert', caseUrl);
    await phone.locator('#vermittlungen').getByRole('link', { name: SUPPLIERS[0] }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'case-introductions-phone');
    await phone.goto('/introductions');
    await screenshot(phone, 'introductions-phone');
    await phone.context().close();
  });
});
