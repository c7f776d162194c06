/**
 * A company keeps its own entry, end to end: an expert sends the check link, the mail reaches a
 * real SMTP server, the company opens it on a phone and corrects its phone number (applied at
 * once) and a capability (for review); the expert sees both, applies the capability, and the
 * company shows "geprüft am". Then the expert merges a duplicate in the UI. Runs its own app
 * server whose outbox delivers to a local SMTP sink.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { startOwnAppWithMail } from '../helpers/own-app';
import { waitForMail } from '../helpers/smtp-sink';
import { signInAs } from '../helpers/staff';

// The demo database holds thousands of generated companies: a token of this run in every name.
const token = `Ek${Date.now().toString(36)}`;
const email = `eintrag.${token.toLowerCase()}@glaswerk.example`;
let own: Awaited<ReturnType<typeof startOwnAppWithMail>>;

beforeAll(async () => {
  own = await startOwnAppWithMail();
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

async function createCompany(page: Page, name: string, withEmail: boolean): Promise<number> {
  await page.goto('/suppliers/new');
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel(/^Postleitzahl/).fill('98693');
  await page.getByLabel(/^Ort/).fill('Ilmenau');
  await page.getByLabel('Leistungen und Produkte').fill('Laborglas');
  await page.getByLabel('Telefon (allgemein)').fill('03677 1234');
  if (withEmail) await page.getByLabel('E-Mail (allgemein)').fill(email);
  await page.getByRole('button', { name: 'Lieferant anlegen' }).click();
  await page.waitForURL(/\/suppliers\/\d+$/);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

it('the company corrects its entry through the mailed link; staff review it and merge a duplicate', async () => {
  const staff = await own.newPage(DESKTOP);
  await signInAs(staff, 'expert', '/suppliers');
  const name = `Glaswerk ${token}`;
  const id = await createCompany(staff, name, true);
  const copy = await createCompany(staff, `${name} Kopie`, false);

  await staff.goto(`/suppliers/${id}`);
  await staff.getByText('noch nie geprüft').waitFor();
  await staff.getByRole('button', { name: 'Eintrag prüfen lassen' }).click();
  await staff.getByText(`Der Link zur Prüfung ist an ${email} unterwegs.`).waitFor();

  // The mail arrives with the personal link; the company opens it on a phone.
  const mail = await waitForMail(own.sink, email, '/supplier/entry/');
  expect(mail).toContain(name);
  const link = /https?:\/\/\S+\/supplier\/entry\/[\w.-]+/.exec(mail)?.[0];
  expect(link).toBeDefined();
  const entryPath = new URL(link!).pathname;
  const phone = await own.newPage(PHONE);
  const opened = await phone.goto(entryPath);
  expect(opened?.status()).toBe(200);
  // The server's HTML already shows the entry as it stands, before the page is live on a slow phone.
  const html = await opened!.text();
  expect(html).toContain('value="03677 1234"');
  const listing = html.match(/<input[^>]*name="publicListing"[^>]*>/g) ?? [];
  expect(listing).toHaveLength(2);
  expect(listing.filter((input) => input.includes('checked=""'))).toHaveLength(1);
  await phone.getByRole('heading', { level: 1, name: 'Ihr Eintrag bei der LEG Thüringen' }).waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(phone)).toEqual([]);
  const correct = phone.getByRole('region', { name: 'Angaben korrigieren' });
  await correct.getByLabel('Telefon (allgemein)').fill('03677 9999');
  await correct.getByLabel('Leistungen und Produkte').fill('Laborglas\nQuarzglas');
  await screenshot(phone, 'company-entry-phone');
  await correct.getByRole('button', { name: 'Korrekturen senden' }).click();
  await phone.getByText('Ihre Kontaktdaten sind aktualisiert').waitFor();

  // The link worked once.
  expect((await phone.goto(entryPath))?.status()).toBe(404);
  await phone.getByRole('heading', { level: 1, name: 'Dieser Link funktioniert nicht mehr' }).waitFor();

  // Staff see the phone applied "durch das Unternehmen" and the capability waiting for review.
  await staff.reload();
  await staff.getByRole('link', { name: '03677 9999' }).waitFor();
  await staff.getByText(/geprüft am \d{2}\.\d{2}\.\d{4}/).waitFor();
  const history = staff.getByRole('list', { name: 'Änderungsverlauf' });
  await history.getByRole('listitem').filter({ hasText: 'durch das Unternehmen' }).filter({ hasText: '03677 9999' }).waitFor();
  const panel = (title: RegExp) => staff.locator('section').filter({ has: staff.getByRole('heading', { level: 2, name: title }) });
  const proposal = panel(/^Vorgeschlagene Änderungen/);
  await proposal.getByRole('cell', { name: 'Laborglas, Quarzglas' }).waitFor();
  await screenshot(staff, 'company-entry-review');
  await proposal.getByRole('button', { name: 'Alle übernehmen' }).click();
  await staff.getByText('Die Änderungen sind übernommen.').waitFor();
  await staff.reload();
  await history.getByRole('listitem').filter({ hasText: 'Vorgeschlagene Änderung geprüft' }).waitFor();
  expect(await proposal.count()).toBe(0);
  await panel(/^Profil$/)
    .getByText('Quarzglas')
    .waitFor();

  // Merge the duplicate: preview, then confirm.
  await staff.getByLabel('Nummer des doppelten Eintrags').fill(String(copy));
  await staff.getByRole('button', { name: 'Vorschau' }).click();
  await staff.getByText(`Von „${name} Kopie“ (Nr. ${copy}) gehen über:`).waitFor();
  await screenshot(staff, 'company-merge-preview');
  await staff.getByRole('button', { name: `„${name} Kopie“ hierher übernehmen und löschen` }).click();
  await staff.waitForURL((url) => url.pathname === `/suppliers/${id}` && !url.search);
  await history.getByText(`Zusammengeführt aus „${name} Kopie“ (Nr. ${copy})`).waitFor();
  expect((await staff.goto(`/suppliers/${copy}`))?.status()).toBe(404);

  // The list of long unconfirmed entries no longer names the confirmed one.
  await staff.goto('/suppliers/unverified');
  await staff.getByRole('heading', { level: 1, name: 'Lange nicht geprüfte Einträge' }).waitFor();
  expect(await staff.getByRole('link', { name }).count()).toBe(0);

  // The staff pages fit a phone and pass axe.
  await staff.setViewportSize(PHONE);
  for (const [path, shot] of [
    [`/suppliers/${id}`, 'company-entry-staff-phone'],
    ['/suppliers/review', 'company-entry-review-list-phone'],
    ['/suppliers/unverified', 'company-entry-unverified-phone'],
  ] as const) {
    await staff.goto(path);
    await staff.getByRole('heading', { level: 1 }).waitFor();
    expect(await staff.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
    expect(await axeViolations(staff), path).toEqual([]);
    await screenshot(staff, shot);
  }
}, 300_000);
