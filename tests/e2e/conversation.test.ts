/**
 * The conversation with a requester, end to end: an expert sends a "Rückfrage" from the case
 * (which then waits), the mail reaches a real SMTP server, its personal link opens the thread
 * on a phone, the requester answers there, and the expert finds the answer marked in the queue
 * and in the case. Runs its own app server whose outbox delivers to a local SMTP sink.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningApp } from '../../scripts/app-server';
import { axeViolations } from '../helpers/axe';
import { DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { waitForMail } from '../helpers/smtp-sink';
import { startOwnAppWithMail } from '../helpers/own-app';
import { signInAs } from '../helpers/staff';

const requester = `rueckfrage.${Date.now()}@firma.example`;
let own: Awaited<ReturnType<typeof startOwnAppWithMail>>;
let app: RunningApp;

beforeAll(async () => {
  own = await startOwnAppWithMail();
  app = own.app;
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

const newPage = (viewport = DESKTOP): Promise<Page> => own.newPage(viewport);

it('sends a query, opens the thread from the mailed link on a phone, and shows the reply to the expert', async () => {
  const submitted = await fetch(`${app.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest({ email: requester, organisation: 'Rückfrage Prüfstand GmbH', contact_name: 'Petra Muster' })),
  });
  expect(submitted.status).toBe(201);
  const { reference } = (await submitted.json()) as { reference: string };

  // The expert writes from the case, choosing the "Rückfrage" template.
  const expert = await newPage();
  await signInAs(expert, 'expert', '/cases');
  await expert.goto('/cases?view=all');
  await expert.getByRole('link', { name: reference }).click();
  await expert.getByRole('heading', { level: 1, name: reference }).waitFor();
  await expert.getByRole('radio', { name: 'Nachricht an die anfragende Person' }).check();
  await expert.getByText(`Geht per E-Mail an ${requester}`).waitFor();
  await expert.getByRole('combobox', { name: 'Vorlage', exact: true }).selectOption({ label: 'Rückfrage zu Ihrer Anfrage' });
  await expect(expert.getByRole('textbox', { name: 'Betreff', exact: true }).inputValue()).resolves.toBe(
    `Rückfrage zu Ihrer Anfrage ${reference}`,
  );
  await expect(expert.getByRole('textbox', { name: 'Nachricht', exact: true }).inputValue()).resolves.toContain('Guten Tag Petra Muster');
  await expert
    .getByRole('textbox', { name: 'Nachricht', exact: true })
    .fill('Guten Tag Petra Muster,\n\nwie viele Bleche brauchen Sie im Monat?');
  await expert.getByRole('button', { name: 'Nachricht senden' }).click();
  await expert.getByText('Die Nachricht ist gespeichert und wird per E-Mail versandt.').waitFor();
  await expert.getByText(/^Wartet seit .* auf die anfragende Person; die Frist für die erste Antwort ruht\.$/).waitFor();
  await expert
    .getByRole('article', { name: /An die anfragende Person/ })
    .getByText('wie viele Bleche brauchen Sie im Monat?')
    .waitFor();
  await screenshot(expert, 'conversation-case-waiting');

  // The mail arrives at the SMTP server with the personal link.
  const mail = await waitForMail(own.sink, requester, 'wie viele Bleche brauchen Sie im Monat?');
  expect(mail).toContain(`Guten Tag Petra Muster`);
  const link = /https?:\/\/\S+\/request\/thread\/[\w.-]+/.exec(mail)?.[0];
  expect(link).toBeDefined();
  const threadPath = new URL(link!).pathname;

  // The requester opens it on a phone: reference, status, the message, and a reply box.
  const phone = await newPage(PHONE);
  const response = await phone.goto(threadPath);
  expect(response?.status()).toBe(200);
  await phone.getByRole('heading', { level: 1, name: `Ihre Anfrage ${reference}` }).waitFor();
  await phone.getByText('wie viele Bleche brauchen Sie im Monat?').waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(phone)).toEqual([]);
  await phone.getByRole('textbox', { name: 'Ihre Antwort', exact: true }).fill('Etwa 500 Stück im Monat, ab März.');
  await phone.getByRole('button', { name: 'Antwort senden' }).click();
  await phone.getByText('Vielen Dank, Ihre Antwort ist bei uns eingegangen.').waitFor();
  await phone.getByRole('article', { name: 'Ihre Antwort' }).getByText('Etwa 500 Stück im Monat, ab März.').waitFor();
  await screenshot(phone, 'conversation-thread-phone');

  const desktop = await newPage(DESKTOP);
  await desktop.goto(threadPath);
  await desktop.getByRole('heading', { level: 1, name: `Ihre Anfrage ${reference}` }).waitFor();
  expect(await axeViolations(desktop)).toEqual([]);

  // The status lookup leads to the same thread.
  await desktop.goto('/request/status');
  await desktop.getByRole('textbox', { name: 'Vorgangsnummer' }).fill(reference);
  await desktop.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(requester);
  await desktop.getByRole('button', { name: 'Status abfragen' }).click();
  await desktop.getByRole('link', { name: 'Nachrichten ansehen und antworten' }).click();
  await desktop.getByRole('heading', { level: 1, name: `Ihre Anfrage ${reference}` }).waitFor();
  await desktop.getByText('Etwa 500 Stück im Monat, ab März.').waitFor();

  // A forged link gets the German page, without saying why.
  const forged = await phone.goto(threadPath.replace(/\.[\w-]+$/, `.${'A'.repeat(43)}`));
  expect(forged?.status()).toBe(404);
  await phone.getByRole('heading', { level: 1, name: 'Dieser Link funktioniert nicht mehr' }).waitFor();

  // The expert sees the answer marked in the queue, then in the case.
  await expert.goto('/cases?view=all');
  const row = expert.getByRole('row').filter({ has: expert.getByRole('link', { name: reference }) });
  await row.getByText('Antwort eingegangen').waitFor();
  await row.getByRole('link', { name: reference }).click();
  await expert.getByRole('heading', { level: 1, name: reference }).waitFor();
  await expert.getByText('Antwort eingegangen', { exact: true }).waitFor();
  await expert
    .getByRole('article', { name: /Antwort der anfragenden Person/ })
    .getByText('Etwa 500 Stück im Monat, ab März.')
    .waitFor();
  expect(await expert.getByText(/^Wartet seit /).count()).toBe(0);
  await screenshot(expert, 'conversation-case-reply');

  // Opened by the one handling it, the marker leaves the queue.
  await expert.goto('/cases?view=all');
  await expert.getByRole('link', { name: reference }).waitFor();
  expect(
    await expert
      .getByRole('row')
      .filter({ has: expert.getByRole('link', { name: reference }) })
      .getByText('Antwort eingegangen')
      .count(),
  ).toBe(0);
});

it('lets an admin edit a reply template with a live preview and refuses unknown variables in German', async () => {
  const admin = await newPage();
  await signInAs(admin, 'admin', '/admin/templates');
  await admin.getByRole('heading', { level: 1, name: 'Antwortvorlagen' }).waitFor();
  const form = admin.getByRole('form', { name: 'Kein passender Anbieter gefunden' });
  const body = form.getByRole('textbox', { name: 'Nachricht', exact: true });
  await body.fill('Guten Tag {{ansprechperson}}, leider nichts für {{firma}}.');
  await form.getByRole('button', { name: 'Vorlage speichern' }).click();
  await form.getByText('Unbekannte Variable: {{firma}}', { exact: false }).first().waitFor();

  await body.fill('Guten Tag {{ansprechperson}}, leider nichts für {{organisation}}.');
  await form
    .getByRole('region', { name: /Vorschau/ })
    .getByText('Guten Tag Petra Muster, leider nichts für Muster GmbH.')
    .waitFor();
  await form.getByRole('button', { name: 'Vorlage speichern' }).click();
  await admin.getByText('Die Vorlage ist gespeichert.').waitFor();
  await admin.reload();
  await expect(
    admin
      .getByRole('form', { name: 'Kein passender Anbieter gefunden' })
      .getByRole('textbox', { name: 'Nachricht', exact: true })
      .inputValue(),
  ).resolves.toBe('Guten Tag {{ansprechperson}}, leider nichts für {{organisation}}.');
  expect(await axeViolations(admin)).toEqual([]);
  await screenshot(admin, 'admin-templates');
});
