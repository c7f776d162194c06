/**
 * The requester's feedback, end to end: an expert introduces a supplier (contact shared), the
 * feedback job mails the requester through a real SMTP server, the requester answers
 * "Auftrag vereinbart" on a phone, the case and /reports show it as the requester's; a used
 * link gets the German "link gone" page. And a staff search that finds nothing shows up in the
 * unmet-demand report. Runs its own app server with mail: feedback due at once, the job every 2 seconds.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { berlinDate } from '@/lib/format';
import { axeViolations } from '../helpers/axe';
import { DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { type OwnApp, startOwnAppWithMail } from '../helpers/own-app';
import { type SmtpSink, waitForMail } from '../helpers/smtp-sink';
import { signInAs } from '../helpers/staff';

const token = `Fb${randomBytes(5).toString('hex')}`;
const SUPPLIER = `Rückmeldewerk Erfurt ${token}`;
const requester = `rueckmeldung.${Date.now()}@firma.example`;
const REPORT = `/reports?from=${berlinDate()}&to=${berlinDate()}`;
let own: OwnApp & { sink: SmtpSink };

beforeAll(async () => {
  own = await startOwnAppWithMail({ FEEDBACK_AFTER_DAYS: '0', FEEDBACK_INTERVAL_SECONDS: '2' });
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

async function tableRows(page: Page, name: string): Promise<string[][]> {
  return page
    .getByRole('table', { name })
    .evaluate((table) => [...(table as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? '')));
}

async function agreements(page: Page): Promise<number> {
  await page.goto(REPORT);
  const rows = await tableRows(page, 'Ergebnisse der Vermittlungen');
  return Number(rows.find((row) => row[0] === 'Vereinbarung')![1]!.replace(/\./g, ''));
}

it('mails the requester after an introduction; their answer on a phone sets the outcome and the report counts it', async () => {
  const admin = await own.newPage();
  await signInAs(admin, 'admin', '/admin/import');
  const csv = [
    'external_id;name;kind;postal_code;city;wz_codes;capabilities;email;public_listing',
    `${token};${SUPPLIER};company;99084;Erfurt;32.50;${token}-Masken;vertrieb@rueckmeldewerk.example;ja`,
  ].join('\n');
  const imported = await admin.request.post('/api/admin/import', { data: csv, headers: { 'content-type': 'text/csv' } });
  expect(imported.status()).toBe(200);

  const submitted = await fetch(`${own.app.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      validRequest({
        email: requester,
        organisation: `Pflegeheim Abendrot ${token}`,
        contact_name: 'Petra Muster',
        description: `${token}: wir benötigen 2.000 Masken für unsere Pflegekräfte.`,
        postal_code: '99084',
        city: 'Erfurt',
      }),
    ),
  });
  expect(submitted.status).toBe(201);
  const { reference } = (await submitted.json()) as { reference: string };

  const expert = await own.newPage();
  await signInAs(expert, 'expert', '/cases');
  const before = await agreements(expert);
  await expert.goto('/cases?view=all');
  await expert.getByRole('link', { name: reference }).click();
  await expert.getByRole('heading', { level: 1, name: reference }).waitFor();
  const caseUrl = new URL(expert.url()).pathname;
  await expert.goto(`${caseUrl}?q=${token}`);
  const candidate = expert.locator('li[data-candidate-id]', { hasText: SUPPLIER });
  await candidate.getByRole('button', { name: `Merken: ${SUPPLIER}` }).click();
  await candidate.getByRole('button', { name: 'Auf die Merkliste' }).click();
  await candidate.getByText('Auf der Merkliste').waitFor();
  // The supplier agreed on the phone that the requester may have its contact details.
  const entry = expert.locator('#merkliste li[data-shortlist-company]', { hasText: SUPPLIER });
  await entry.getByText('Telefonische Zustimmung erfassen', { exact: true }).click();
  await entry.getByLabel('Notiz zum Telefonat').fill('Am Telefon zugestimmt.');
  await entry.getByRole('button', { name: 'Zustimmung speichern' }).click();
  await entry.getByText(/telefonisch zugestimmt, erfasst von/).waitFor();
  const form = expert.getByRole('form', { name: 'Vermittlung erfassen' });
  if (!(await form.isVisible())) await expert.getByText('Vermittlung erfassen', { exact: true }).click();
  await form.getByLabel('Anbieter', { exact: true }).selectOption({ label: SUPPLIER });
  await form.getByLabel('Weg').selectOption({ label: 'Telefon' });
  await form.getByRole('button', { name: 'Vermittlung speichern' }).click();
  const card = expert.locator('#vermittlungen li[data-introduction-id]', { hasText: SUPPLIER });
  await card.waitFor();

  // The job asks: one mail to the requester with a link for the supplier.
  const mail = await waitForMail(own.sink, requester, 'Wie ist es gelaufen?');
  expect(mail).toContain('Guten Tag Petra Muster');
  expect(mail).toContain(`${SUPPLIER}:`);
  const link = /https?:\/\/\S+\/request\/feedback\/[\w.-]+/.exec(mail)?.[0];
  expect(link).toBeDefined();
  const feedbackPath = new URL(link!).pathname;

  // The requester answers on a phone: reference and supplier, nothing more.
  const phone = await own.newPage(PHONE);
  expect((await phone.goto(feedbackPath))?.status()).toBe(200);
  await phone.getByRole('heading', { level: 1, name: 'Wie ist es gelaufen?' }).waitFor();
  await phone.getByText(`Ihre Anfrage ${reference}`).waitFor();
  await phone.getByText(SUPPLIER).waitFor();
  expect(await phone.content()).not.toContain('Petra Muster');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await phone.getByText('Bitte wählen Sie eine Option.').waitFor();
  await phone.getByRole('radio', { name: 'Auftrag / Kooperation vereinbart' }).check();
  await phone.getByRole('radio', { name: 'Auftrag', exact: true }).check();
  await screenshot(phone, 'feedback-phone');
  await phone.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await phone.getByText('Vielen Dank für Ihre Rückmeldung!').waitFor();
  expect(await axeViolations(phone)).toEqual([]);

  // Used: the same link now gets the German "link gone" page.
  expect((await phone.goto(feedbackPath))?.status()).toBe(404);
  await phone.getByRole('heading', { level: 1, name: 'Dieser Link funktioniert nicht mehr' }).waitFor();

  // The expert sees the requester's answer on the case and in the history, and the report counts it.
  await expert.goto(caseUrl);
  await card.getByText('Vereinbarung (Auftrag)').waitFor();
  await card.getByText('laut Rückmeldung der anfragenden Organisation').waitFor();
  await expert.getByText(`Rückmeldung der anfragenden Organisation zu ${SUPPLIER}: Offen → Vereinbarung`).waitFor();
  await expert.getByText(`Anfragende Organisation um Rückmeldung zu ${SUPPLIER} gebeten`).waitFor();
  await screenshot(expert, 'feedback-case');
  await expert.goto('/introductions?view=all');
  await expert.locator('li, tr', { hasText: SUPPLIER }).getByText('laut Rückmeldung der anfragenden Organisation').first().waitFor();
  expect(await agreements(expert)).toBe(before + 1);
});

it('counts a staff search that found nothing in the unmet-demand report', async () => {
  const expert = await own.newPage(DESKTOP);
  await signInAs(expert, 'expert', '/suppliers');
  const word = `Zq${randomBytes(4).toString('hex')}`;
  await expert.goto(`/suppliers?q=${word}`);
  await expert.getByRole('heading', { level: 1, name: 'Lieferanten' }).waitFor();
  await expert.goto(REPORT);
  await expert.getByRole('heading', { level: 2, name: 'Nicht gedeckter Bedarf', exact: true }).waitFor();
  const rows = await tableRows(expert, 'Erfolglose Anbietersuchen');
  expect(rows).toContainEqual([word.toLowerCase(), '1']);
  expect(await axeViolations(expert)).toEqual([]);
  await screenshot(expert, 'unmet-demand-desktop');
  const phone = await own.newPage(PHONE);
  await signInAs(phone, 'expert', '/reports');
  await phone.goto(REPORT);
  await phone.getByRole('heading', { level: 2, name: 'Nicht gedeckter Bedarf', exact: true }).scrollIntoViewIfNeeded();
  await screenshot(phone, 'unmet-demand-phone');
});
