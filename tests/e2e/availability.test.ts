/**
 * Availability checks, end to end (issue 16): the expert asks three shortlisted suppliers, the
 * mail reaches a real SMTP server, one supplier answers "ja, 5.000 Stück in 2 Wochen" with its
 * consent on a phone, the expert sees the answer on the shortlist and may now send the
 * introduction text; the used link shows the German "already answered" page. Later the
 * requester's feedback link sets "Auftrag vereinbart" and the report counts it. Runs its own app
 * server whose outbox delivers to a local SMTP sink and which asks for feedback at once.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningApp } from '../../scripts/app-server';
import { berlinDate } from '../../lib/time';
import { axeViolations } from '../helpers/axe';
import { DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { waitForMail } from '../helpers/smtp-sink';
import { startOwnAppWithMail } from '../helpers/own-app';
import { signInAs } from '../helpers/staff';

// A word of this run in the need text and the suppliers' names, so the candidates are these three.
const token = `Vf${randomBytes(5).toString('hex')}`;
const SUPPLIERS = [
  { name: `Maskenwerk Erfurt ${token}`, email: `vertrieb.${token}@maskenwerk.example` },
  { name: `Schutzausrüstung Weimar ${token}`, email: `info.${token}@schutz-weimar.example` },
  { name: `Textilmasken Jena ${token}`, email: `kontakt.${token}@textil-jena.example` },
];
const CSV = [
  'external_id;name;kind;postal_code;city;wz_codes;capabilities;email;public_listing',
  `${token}-1;${SUPPLIERS[0]!.name};company;99084;Erfurt;32.50;FFP2-Masken;${SUPPLIERS[0]!.email};ja`,
  `${token}-2;${SUPPLIERS[1]!.name};company;99423;Weimar;32.50;FFP2-Masken;${SUPPLIERS[1]!.email};nein`,
  `${token}-3;${SUPPLIERS[2]!.name};company;07743;Jena;14.19;FFP2-Masken;${SUPPLIERS[2]!.email};ja`,
].join('\n');
const REQUESTER = validRequest({
  organisation: `Pflegedienst Sonnenschein ${token}`,
  contact_name: 'Hannelore Kiefer',
  email: `einkauf.${token}@pflegedienst.example`,
  phone: '+49 361 998877',
  postal_code: '99084',
  city: 'Erfurt',
  description: `${token}: wir benötigen dringend 5.000 FFP2-Masken für unsere Pflegekräfte. Rückruf bitte an Hannelore Kiefer, 0361 998877.`,
  quantity: '5.000 Stück',
});

let own: Awaited<ReturnType<typeof startOwnAppWithMail>>;
let app: RunningApp;

beforeAll(async () => {
  own = await startOwnAppWithMail({ FEEDBACK_AFTER_DAYS: '0', FEEDBACK_INTERVAL_SECONDS: '2' });
  app = own.app;
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

/** Agreements in today's report, as management reads them. */
async function agreementsReported(page: Page): Promise<number> {
  const today = berlinDate();
  await page.goto(`/reports?from=${today}&to=${today}`);
  const rows = await page
    .getByRole('table', { name: 'Ergebnisse der Vermittlungen' })
    .evaluate((table) => [...(table as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? '')));
  return Number(rows.find((row) => row[0] === 'Vereinbarung')![1]!.replace(/\./g, ''));
}

const entry = (page: Page, name: string) => page.locator('#merkliste li[data-shortlist-company]', { hasText: name });

it('asks three suppliers, one answers with consent on a phone, the introduction goes out, and the requester’s feedback reaches the report', async () => {
  const admin = await own.newPage(DESKTOP);
  await signInAs(admin, 'admin', '/admin/import');
  const imported = await admin.request.post('/api/admin/import', { data: CSV, headers: { 'content-type': 'text/csv' } });
  expect(await imported.text()).toContain('"created":3');
  const submitted = await fetch(`${app.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(REQUESTER),
  });
  expect(submitted.status).toBe(201);
  const { reference } = (await submitted.json()) as { reference: string };

  // The expert shortlists the three candidates and asks them all.
  const expert = await own.newPage(DESKTOP);
  await signInAs(expert, 'expert', '/cases');
  const agreementsBefore = await agreementsReported(expert);
  await expert.goto(`/cases?q=${reference}`);
  await expert.getByRole('link', { name: reference }).click();
  await expert.waitForURL(/\/cases\/\d+$/);
  const caseUrl = new URL(expert.url()).pathname;
  await expert.goto(`${caseUrl}?q=${token}&radius_km=50`);
  await expert.locator('#kandidaten').getByText('3 Treffer').waitFor();
  for (const { name } of SUPPLIERS) {
    const candidate = expert.locator('li[data-candidate-id]', { hasText: name });
    await candidate.getByRole('button', { name: `Merken: ${name}` }).click();
    await candidate.getByRole('button', { name: 'Auf die Merkliste' }).click();
    await candidate.getByText('Auf der Merkliste').waitFor();
  }
  await expect(entry(expert, SUPPLIERS[0]!.name).getByText('Verfügbarkeit nicht angefragt').count()).resolves.toBe(1);
  await expert.locator('#verfuegbarkeit > summary').click();
  const form = expert.locator('#verfuegbarkeit');
  for (const { name } of SUPPLIERS) await expect(form.getByRole('checkbox', { name }).isChecked()).resolves.toBe(true);
  await form.getByRole('button', { name: 'Verfügbarkeit anfragen' }).click();
  await form.getByText('Die Anfrage ist an 3 Anbieter unterwegs.').waitFor();
  await expert.getByText(`Noch ohne Antwort: ${SUPPLIERS.map((s) => s.name).join(', ')}`).waitFor();
  await expert.getByText(`Verfügbarkeitsanfrage an ${SUPPLIERS[0]!.name} gesendet`).waitFor();

  // Each supplier's mail has the need and its own link, and nothing of the requester.
  const mails = await Promise.all(SUPPLIERS.map((s) => waitForMail(own.sink, s.email, 'Verfügbarkeitsanfrage')));
  const links = mails.map((mail) => /https?:\/\/\S+\/supplier\/check\/[\w.-]+/.exec(mail)?.[0]);
  expect(new Set(links).size).toBe(3);
  for (const mail of mails) {
    expect(mail).toContain('5.000 FFP2-Masken');
    for (const secret of [REQUESTER.organisation, REQUESTER.contact_name, REQUESTER.email, String(REQUESTER.phone), 'Sonnenschein']) {
      expect(mail).not.toContain(secret);
    }
  }

  // The first supplier answers on a phone.
  const phone = await own.newPage(PHONE);
  const checkPath = new URL(links[0]!).pathname;
  const response = await phone.goto(checkPath);
  expect(response?.status()).toBe(200);
  await phone.getByRole('heading', { level: 1, name: 'Verfügbarkeitsanfrage' }).waitFor();
  await phone.getByText('5.000 FFP2-Masken').waitFor();
  await phone.getByText('Benötigte Menge').waitFor();
  await phone.getByText('Rückruf bitte an [Name entfernt], [Telefonnummer entfernt].').waitFor();
  // The whole document, with the data React sends along, not only what is visible.
  const pageText = await phone.content();
  for (const secret of [REQUESTER.organisation, REQUESTER.contact_name, REQUESTER.email, String(REQUESTER.phone)]) {
    expect(pageText).not.toContain(secret);
  }
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(phone)).toEqual([]);
  // "Ja" without a quantity: German messages, nothing sent.
  await phone.getByRole('radio', { name: 'Ja' }).check();
  await phone.getByRole('button', { name: 'Antwort senden' }).click();
  await phone.getByText('Bitte geben Sie die Menge an, die Sie liefern können.').waitFor();
  await phone.getByRole('textbox', { name: /Welche Menge/ }).fill('5.000 Stück');
  await phone.getByRole('textbox', { name: /Lieferzeit/ }).fill('2 Wochen');
  const consent = phone.getByRole('checkbox', { name: /Meine Kontaktdaten dürfen an die anfragende Organisation/ });
  await expect(consent.isChecked()).resolves.toBe(false);
  await consent.check();
  await screenshot(phone, 'availability-answer-phone');
  await phone.getByRole('button', { name: 'Antwort senden' }).click();
  await phone.getByText('Vielen Dank, Ihre Antwort ist bei uns eingegangen.').waitFor();

  // The expert sees the answer and the consent on the shortlist.
  await expert.goto(caseUrl);
  const answered = entry(expert, SUPPLIERS[0]!.name);
  await answered.getByText('Ja, lieferbar').waitFor();
  await answered.getByText('Menge: 5.000 Stück').waitFor();
  await answered.getByText('Lieferzeit: 2 Wochen').waitFor();
  await answered.getByText(/Kontaktweitergabe: zugestimmt auf der Antwortseite am .* \(Text Version /).waitFor();
  await expert.getByText(`Noch ohne Antwort: ${SUPPLIERS[1]!.name}, ${SUPPLIERS[2]!.name}`).waitFor();
  await entry(expert, SUPPLIERS[1]!.name)
    .getByText(/Verfügbarkeit angefragt am .*, noch keine Antwort/)
    .waitFor();
  await screenshot(expert, 'availability-shortlist-desktop');

  // The introduction text may go out now: the supplier agreed.
  const log = expert.getByRole('form', { name: 'Vermittlung erfassen' });
  if (!(await log.isVisible())) await expert.getByText('Vermittlung erfassen', { exact: true }).click();
  await log.getByLabel('Anbieter', { exact: true }).selectOption({ label: SUPPLIERS[0]!.name });
  await log.getByLabel('Weg').selectOption({ label: 'E-Mail' });
  await log.getByRole('button', { name: 'Vermittlung speichern' }).click();
  const card = expert.locator('#vermittlungen li[data-introduction-id]', { hasText: SUPPLIERS[0]!.name });
  await card.getByText('Vorbereiteter Vermittlungstext').click();
  await card.getByRole('button', { name: 'Über den Postausgang senden' }).click();
  await card.getByText('Der Text geht an 2 Empfänger (Postausgang).').waitFor();
  const introductionMail = await waitForMail(own.sink, SUPPLIERS[0]!.email, 'miteinander bekannt machen');
  expect(introductionMail).toContain(REQUESTER.contact_name);

  // The used link: the German "already answered" page.
  await phone.goto(checkPath);
  await phone.getByRole('heading', { level: 1, name: 'Diese Anfrage ist bereits beantwortet' }).waitFor();
  expect(await axeViolations(phone)).toEqual([]);
  const forged = await phone.goto(checkPath.replace(/\.[\w-]+$/, `.${'A'.repeat(43)}`));
  expect(forged?.status()).toBe(404);
  await phone.getByRole('heading', { level: 1, name: 'Dieser Link funktioniert nicht mehr' }).waitFor();

  const desktop = await own.newPage(DESKTOP);
  await desktop.goto(new URL(links[1]!).pathname);
  await desktop.getByRole('heading', { level: 1, name: 'Verfügbarkeitsanfrage' }).waitFor();
  expect(await axeViolations(desktop)).toEqual([]);
  await screenshot(desktop, 'availability-answer-desktop');
  // Later the requester is asked how it went, and answers "Auftrag vereinbart" on a phone.
  const feedbackMail = await waitForMail(own.sink, REQUESTER.email, 'Wie ist es gelaufen?');
  expect(feedbackMail).toContain(SUPPLIERS[0]!.name);
  const feedbackLink = /https?:\/\/\S+\/request\/feedback\/[\w.-]+/.exec(feedbackMail)?.[0];
  expect(feedbackLink).toBeDefined();
  await phone.goto(new URL(feedbackLink!).pathname);
  await phone.getByRole('radio', { name: 'Auftrag / Kooperation vereinbart' }).check();
  await phone.getByRole('radio', { name: 'Auftrag', exact: true }).check();
  await phone.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await phone.getByText('Vielen Dank für Ihre Rückmeldung!').waitFor();

  await expert.goto(caseUrl);
  await card.getByText('Vereinbarung (Auftrag)').waitFor();
  await card.getByText('laut Rückmeldung der anfragenden Organisation').waitFor();
  expect(await agreementsReported(expert)).toBe(agreementsBefore + 1);
});
