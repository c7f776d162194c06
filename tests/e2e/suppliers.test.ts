import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { signInAs } from '../helpers/staff';

let browser: Browser;
let staff: Page;

// The demo database may hold thousands of generated companies: a token of this run in every
// name keeps the searches below to the companies this test creates.
const token = `Lt${Date.now().toString(36)}`;

interface NewCompany {
  name: string;
  postalCode: string;
  city: string;
  sectors: string;
  capabilities: string;
  employees?: string;
  contactPerson?: string;
  email?: string;
  publicListing: boolean;
}

const COMPANIES = {
  erfurt: {
    name: `Maskenwerk Erfurt ${token}`,
    postalCode: '99084',
    city: 'Erfurt',
    sectors: '32.50',
    capabilities: 'FFP2-Masken\nOP-Masken',
    employees: '40',
    email: 'info@maskenwerk.example',
    publicListing: true,
  },
  weimar: {
    name: `Schutzausrüstung Weimar ${token}`,
    postalCode: '99423',
    city: 'Weimar',
    sectors: '32.50',
    capabilities: 'FFP2-Masken',
    contactPerson: `Frau Geheim ${token}`,
    publicListing: false,
  },
  jena: {
    name: `Textilmasken Jena ${token}`,
    postalCode: '07743',
    city: 'Jena',
    sectors: '14.19',
    capabilities: 'Stoffmasken\nFFP2-Masken Zuschnitt',
    publicListing: true,
  },
} satisfies Record<string, NewCompany>;
const ids = {} as Record<keyof typeof COMPANIES, number>;

async function createCompany(page: Page, company: NewCompany, firstTryPostalCode?: string): Promise<number> {
  await page.goto('/suppliers/new');
  await page.getByLabel(/^Name/).fill(company.name);
  await page.getByLabel(/^Art/).selectOption({ label: 'Unternehmen' });
  await page.getByLabel(/^Postleitzahl/).fill(firstTryPostalCode ?? company.postalCode);
  await page.getByLabel(/^Ort/).fill(company.city);
  await page.getByLabel('Branchen (WZ-2008-Codes)').fill(company.sectors);
  await page.getByLabel('Leistungen und Produkte').fill(company.capabilities);
  if (company.employees) await page.getByLabel('Beschäftigte').fill(company.employees);
  if (company.email) await page.getByLabel('E-Mail (allgemein)').fill(company.email);
  if (company.contactPerson) await page.getByLabel('Ansprechperson').fill(company.contactPerson);
  if (company.publicListing) await page.getByLabel('Im öffentlichen Anbieterverzeichnis zeigen').check();
  if (firstTryPostalCode) {
    // Error path: the field says what is wrong, nothing is saved.
    await page.getByRole('button', { name: 'Lieferant anlegen' }).click();
    await page.getByText('Bitte geben Sie eine fünfstellige Postleitzahl ein.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/suppliers/new');
    await page.getByLabel(/^Postleitzahl/).fill(company.postalCode);
  }
  await page.getByRole('button', { name: 'Lieferant anlegen' }).click();
  await page.waitForURL(/\/suppliers\/\d+$/);
  await page.getByRole('heading', { level: 1, name: company.name }).waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

const rows = (page: Page) => page.locator('li[data-supplier-id]');
const markers = (page: Page) => page.locator('.supplier-marker, .marker-cluster');

/** Zooms into clusters until a marker of a match on another page of the list shows; returns it. */
async function markerElsewhere(page: Page) {
  const hollow = page.locator('.supplier-marker-elsewhere');
  await markers(page).first().waitFor();
  for (let i = 0; i < 6 && (await hollow.count()) === 0; i++) {
    await page.locator('.marker-cluster').first().click();
    await page.waitForTimeout(600);
  }
  return hollow.first();
}

/** Opens the popup of a marker off the page: name and a link to the entry, no row selected. */
async function openPopup(page: Page, allowed: number[], basePath: string) {
  const marker = await markerElsewhere(page);
  const id = Number(await marker.getAttribute('data-supplier-id'));
  expect(allowed).toContain(id);
  await marker.click();
  const popup = page.locator('.leaflet-popup');
  await popup.waitFor();
  await expect(popup.getByRole('link', { name: 'Eintrag öffnen' }).getAttribute('href')).resolves.toBe(`${basePath}/${id}`);
  await expect(page.locator('li[data-selected="true"]').count()).resolves.toBe(0);
  return { id, popup };
}

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await openPage(browser, DESKTOP);
  await signInAs(staff, 'expert', '/suppliers');
});
afterAll(async () => {
  await browser?.close();
});

describe('supplier search (staff)', () => {
  it('an expert enters three suppliers by hand, one of them unlisted with a contact person', async () => {
    await staff.getByRole('link', { name: 'Neuer Lieferant' }).click();
    await staff.waitForURL('**/suppliers/new');
    await screenshot(staff, 'supplier-new-desktop');
    ids.erfurt = await createCompany(staff, COMPANIES.erfurt, '990');
    ids.weimar = await createCompany(staff, COMPANIES.weimar);
    ids.jena = await createCompany(staff, COMPANIES.jena);
    // Staff see the contact person.
    await staff.goto(`/suppliers/${ids.weimar}`);
    await staff.getByText(`Frau Geheim ${token}`, { exact: true }).waitFor();
    await staff.getByText('Nicht öffentlich', { exact: true }).waitFor();
  });

  it('searches near a postal code, narrows by WZ division and links list and map', async () => {
    await staff.goto('/suppliers');
    await staff.getByLabel('Suchbegriffe').fill(`FFP2 Masken ${token}`);
    await staff.getByLabel('Entfernung ab Postleitzahl').fill('99084');
    await staff.getByLabel('Umkreis').selectOption({ label: '50 km' });
    await staff.getByRole('button', { name: 'Suchen' }).click();
    await staff.waitForURL(/radius_km=50/);
    expect(new URL(staff.url()).searchParams.get('near')).toBe('99084');

    await expect(staff.getByTestId('result-total').textContent()).resolves.toBe('1–3 von 3 Treffern');
    await expect(rows(staff).count()).resolves.toBe(3);
    // Nearest first, with the distance, and the matching words marked.
    await expect(rows(staff).first().getByRole('link').first().textContent()).resolves.toBe(COMPANIES.erfurt.name);
    await rows(staff).first().getByText('0,0 km').waitFor();
    await expect(staff.locator('mark', { hasText: 'FFP2' }).count()).resolves.toBeGreaterThan(0);
    await markers(staff).first().waitFor();

    // The WZ tree: a single section opens by itself; division 32 holds two of the three.
    await staff.getByRole('link', { name: /^32 Herstellung von sonstigen Waren \(2\)/ }).click();
    await staff.waitForURL(/sector=32(&|$)/);
    await expect(staff.getByTestId('result-total').textContent()).resolves.toBe('1–2 von 2 Treffern');
    await expect(staff.getByRole('link', { name: COMPANIES.jena.name }).count()).resolves.toBe(0);
    await staff
      .getByRole('link', { name: /^32 Herstellung von sonstigen Waren/ })
      .and(staff.locator('[aria-current="true"]'))
      .waitFor();

    // The map shows the results as markers (clustered where they are close).
    await markers(staff).first().waitFor();
    await expect(staff.locator('.leaflet-interactive').count()).resolves.toBeGreaterThanOrEqual(1);
    if ((await staff.locator('.supplier-marker').count()) === 0) await staff.locator('.marker-cluster').first().click();
    const marker = staff.locator('.supplier-marker').first();
    await marker.waitFor();
    const markerId = await marker.getAttribute('data-supplier-id');
    expect([String(ids.erfurt), String(ids.weimar)]).toContain(markerId);

    // Marker → row.
    await marker.click();
    await staff.locator(`li[data-supplier-id="${markerId}"][data-selected="true"]`).waitFor();
    await expect(staff.locator('li[data-selected="true"]').count()).resolves.toBe(1);

    // Row → marker.
    const otherId = markerId === String(ids.erfurt) ? ids.weimar : ids.erfurt;
    await staff.locator(`li[data-supplier-id="${otherId}"]`).click({ position: { x: 8, y: 8 } });
    await staff.locator(`li[data-supplier-id="${otherId}"][data-selected="true"]`).waitFor();
    await staff.locator(`.supplier-marker-selected[data-supplier-id="${otherId}"]`).waitFor();

    // Keyboard: a focused marker selects its row with Enter.
    await staff.locator(`.supplier-marker[data-supplier-id="${markerId}"]`).focus();
    await staff.keyboard.press('Enter');
    await staff.locator(`li[data-supplier-id="${markerId}"][data-selected="true"]`).waitFor();
    await screenshot(staff, 'suppliers-desktop');
  });

  it('maps every match, also those on other pages of the list', async () => {
    await staff.goto(`/suppliers?q=${encodeURIComponent(`FFP2 Masken ${token}`)}&limit=1`);
    await expect(staff.getByTestId('result-total').textContent()).resolves.toBe('1–1 von 3 Treffern');
    await expect(rows(staff).count()).resolves.toBe(1);
    const listed = Number(await rows(staff).first().getAttribute('data-supplier-id'));
    await staff.getByText('Die Karte zeigt alle Treffer.', { exact: false }).waitFor();
    const others = Object.values(ids).filter((id) => id !== listed);
    const { id, popup } = await openPopup(staff, others, '/suppliers');
    const name = Object.entries(ids).find(([, value]) => value === id)![0] as keyof typeof COMPANIES;
    await popup.getByText(COMPANIES[name].name).waitFor();
    await screenshot(staff, 'suppliers-map-popup-desktop');
    await popup.getByRole('link', { name: 'Eintrag öffnen' }).click();
    await staff.waitForURL(`**/suppliers/${id}`);
    await staff.getByRole('heading', { level: 1, name: COMPANIES[name].name }).waitFor();

    // More matches than the map takes (only the demo directory has that many): a note says so.
    await staff.goto('/suppliers');
    const total = Number((await staff.getByTestId('result-total').textContent())!.replace(/^.* von /, '').replace(/\D/g, ''));
    if (total > 2000)
      await staff
        .getByTestId('map-capped')
        .getByText(`Die Karte zeigt die ersten 2.000 von ${total.toLocaleString('de-DE')} Treffern`, { exact: false })
        .waitFor();
    else await expect(staff.getByTestId('map-capped').count()).resolves.toBe(0);
  });

  it('opens a supplier, edits it and sees the change in the history', async () => {
    await staff.goto(`/suppliers?q=${encodeURIComponent(`FFP2 Masken ${token}`)}`);
    await staff.getByRole('link', { name: COMPANIES.erfurt.name }).click();
    await staff.waitForURL(`**/suppliers/${ids.erfurt}`);
    await staff.getByLabel('Beschäftigte').fill('55');
    await staff.getByLabel('Leistungen und Produkte').fill('FFP2-Masken\nOP-Masken\nEinweghandschuhe');
    await staff.getByRole('button', { name: 'Änderungen speichern' }).click();
    await staff.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    const history = staff.getByRole('list', { name: 'Änderungsverlauf' });
    await history.getByText('40 → 55').waitFor();
    await history.getByText('FFP2-Masken, OP-Masken → FFP2-Masken, OP-Masken, Einweghandschuhe').waitFor();
    await history.getByText('Angelegt').waitFor();
    await screenshot(staff, 'supplier-desktop');
  });

  it('measures distances from a case’s location', async () => {
    const response = await fetch(`${inject('baseUrl')}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validRequest({ organisation: `Klinikum Lobeda ${token}`, postal_code: '07743', city: 'Jena' })),
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    await staff.goto(`/cases?view=all&q=${reference}`);
    const caseId = (await staff.getByRole('link', { name: reference }).getAttribute('href'))!.split('/').pop();

    await staff.goto(`/suppliers?case=${caseId}&q=${encodeURIComponent(`Masken ${token}`)}`);
    await staff.getByText(`Entfernung ab dem Standort von Vorgang ${reference} (07743 Jena)`).waitFor();
    await expect(rows(staff).first().getByRole('link').first().textContent()).resolves.toBe(COMPANIES.jena.name);
    await rows(staff).first().getByText('0,0 km').waitFor();
    // A postal code typed into the form wins over the case's location.
    await staff.getByLabel('Entfernung ab Postleitzahl').fill('99423');
    await staff.getByRole('button', { name: 'Suchen' }).click();
    await staff.waitForURL(/near=99423/);
    await expect(rows(staff).first().getByRole('link').first().textContent()).resolves.toBe(COMPANIES.weimar.name);
  });

  it('works on a phone: filters behind a button, the map below the list', async () => {
    const phone = await openPage(browser, PHONE);
    await signInAs(phone, 'expert', '/suppliers');
    await phone.goto(`/suppliers?q=${encodeURIComponent(`Masken ${token}`)}&near=99084`);
    await expect(phone.getByTestId('result-total').textContent()).resolves.toBe('1–3 von 3 Treffern');
    await phone.getByRole('button', { name: 'Filter' }).click();
    await phone.getByRole('link', { name: /^C Verarbeitendes Gewerbe/ }).waitFor();
    await markers(phone).first().waitFor();
    await screenshot(phone, 'suppliers-phone');
    await phone.goto(`/suppliers/${ids.weimar}`);
    await screenshot(phone, 'supplier-phone');
    await phone.context().close();
  });
});

describe('public directory', () => {
  it('shows listed suppliers only, never contact persons, and leads to the help request', async () => {
    const page = await openPage(browser, DESKTOP);
    await page.goto('/');
    await page.getByRole('link', { name: 'Anbieterverzeichnis' }).click();
    await page.waitForURL('**/directory');
    await page.getByLabel('Suchbegriffe').fill(`FFP2 Masken ${token}`);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.waitForURL(/q=/);
    await expect(page.getByTestId('result-total').textContent()).resolves.toBe('1–2 von 2 Treffern');
    await page.getByRole('link', { name: COMPANIES.erfurt.name }).waitFor();
    await page.getByRole('link', { name: COMPANIES.jena.name }).waitFor();
    const html = await page.content();
    expect(html).not.toContain(COMPANIES.weimar.name);
    expect(html).not.toContain('Geheim');
    await markers(page).first().waitFor();
    await screenshot(page, 'directory-desktop');

    await page.getByRole('link', { name: COMPANIES.erfurt.name }).click();
    await page.waitForURL(`**/directory/${ids.erfurt}`);
    await page.getByRole('heading', { level: 1, name: COMPANIES.erfurt.name }).waitFor();
    await page.getByText('Einweghandschuhe').waitFor();
    await page.getByText('info@maskenwerk.example').waitFor();
    await screenshot(page, 'directory-entry-desktop');
    // The request starts about this company.
    await page.getByRole('link', { name: 'Anfrage zu diesem Anbieter stellen' }).click();
    await page.waitForURL((url) => url.pathname === '/request' && url.searchParams.get('company') === String(ids.erfurt));
    await expect(page.getByLabel('Beschreibung').inputValue()).resolves.toContain(`„${COMPANIES.erfurt.name}“`);

    // The map holds every listed match, on this page or not; never the unlisted one.
    await page.goto(`/directory?q=${encodeURIComponent(`FFP2 Masken ${token}`)}&limit=1`);
    await expect(page.getByTestId('result-total').textContent()).resolves.toBe('1–1 von 2 Treffern');
    const { popup } = await openPopup(page, [ids.erfurt, ids.jena], '/directory');
    const mapped = await page.content();
    expect(mapped).not.toContain(COMPANIES.weimar.name);
    expect(mapped).not.toContain('Geheim');
    await popup.getByRole('link', { name: 'Eintrag öffnen' }).click();
    await page.waitForURL(/\/directory\/\d+$/);

    const hidden = await page.goto(`/directory/${ids.weimar}`);
    expect(hidden?.status()).toBe(404);
    expect(await page.content()).not.toContain('Geheim');
    await page.context().close();
  });

  it('says so when no company has every word, on the staff search and in the directory', async () => {
    const notice = 'Keine Treffer mit allen Begriffen – Ergebnisse mit den meisten Begriffen';
    // No company offers masks "dringend": the ones with the most of the words come first.
    const relaxed = `Masken ${token} dringend`;
    await staff.goto('/suppliers');
    await staff.getByLabel('Suchbegriffe').fill(relaxed);
    await staff.getByRole('button', { name: 'Suchen' }).click();
    await staff.getByRole('note').getByText(notice).waitFor();
    await expect(rows(staff).first().textContent()).resolves.toContain(token);
    await screenshot(staff, 'suppliers-relaxed-notice');

    const page = await openPage(browser, DESKTOP);
    await page.goto('/directory');
    await page.getByLabel('Suchbegriffe').fill(relaxed);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('note').getByText(notice).waitFor();
    await expect(rows(page).first().textContent()).resolves.toContain(token);
    expect(await page.content()).not.toContain(COMPANIES.weimar.name);
    // Quantities never count against a match: no notice.
    await page.goto(`/directory?q=${encodeURIComponent(`FFP2 Masken ${token} 2.000 Stück`)}`);
    await expect(page.getByTestId('result-total').textContent()).resolves.toBe('1–2 von 2 Treffern');
    await expect(page.getByText(notice).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('fits a phone', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto(`/directory?q=${encodeURIComponent(`Masken ${token}`)}`);
    await expect(page.getByTestId('result-total').textContent()).resolves.toBe('1–2 von 2 Treffern');
    await markers(page).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // A hit is compact: several fit on one screen.
    const heights = await page
      .locator('li[data-supplier-id]')
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(200);
    await screenshot(page, 'directory-phone');
    await page.context().close();
  });
});
