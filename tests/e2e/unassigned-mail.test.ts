/**
 * Staff attach an unassigned mail to a case in Chromium: the app's own inbound worker fetches
 * a mail without a reply token from a real IMAP server (dovecot), /mail lists it, a wrong
 * reference is refused in German, the right one puts it into the case's history.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningApp } from '../../scripts/app-server';
import { DESKTOP, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { startImapServer, type ImapTestServer } from '../helpers/imap-server';
import { eventually, type OwnApp, startOwnApp } from '../helpers/own-app';
import { signInAs } from '../helpers/staff';

let imap: ImapTestServer;
let own: OwnApp;
let app: RunningApp;

beforeAll(async () => {
  imap = await startImapServer();
  own = await startOwnApp({
    IMAP_HOST: imap.settings.host,
    IMAP_PORT: String(imap.settings.port),
    IMAP_TLS: 'false',
    IMAP_USER: imap.settings.user,
    IMAP_PASSWORD: imap.settings.password,
    INBOUND_ADDRESS: 'antwort@agentur.example',
    INBOUND_INTERVAL_SECONDS: '1',
  });
  app = own.app;
}, 300_000);

afterAll(async () => {
  await own?.stop();
  await imap?.stop();
});

it('staff attach an unassigned mail to a case by its reference', async () => {
  const submitted = await fetch(`${app.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest({ organisation: 'Postfach Prüfstand GmbH' })),
  });
  expect(submitted.status).toBe(201);
  const { reference } = (await submitted.json()) as { reference: string };
  await imap.deliver({
    from: 'Greta Gruber <greta@pruefstand.example>',
    to: 'antwort@agentur.example',
    subject: 'Nachtrag zur Anfrage',
    text: 'Wir brauchen 800 statt 500 Stück.',
  });

  const page = await own.newPage(DESKTOP);
  await signInAs(page, 'expert', '/mail');
  await page.getByRole('heading', { level: 1, name: 'Nicht zugeordnete Mails' }).waitFor();
  const mail = page.getByRole('article', { name: 'Nachtrag zur Anfrage' });
  await eventually(page, async () => (await mail.count()) > 0);
  await expect(mail.textContent()).resolves.toContain('greta@pruefstand.example');
  await expect(mail.textContent()).resolves.toContain('Wir brauchen 800 statt 500 Stück.');
  await page.getByRole('link', { name: 'Nicht zugeordnete Mails (1)' }).waitFor();
  await screenshot(page, 'unassigned-mail');

  const field = mail.getByLabel('Aktenzeichen');
  await field.fill('LS-1999-99999');
  await mail.getByRole('button', { name: 'Einem Fall zuordnen' }).click();
  await mail.getByRole('alert').filter({ hasText: 'Einen Fall mit diesem Aktenzeichen gibt es nicht.' }).first().waitFor();

  await field.fill(reference);
  await mail.getByRole('button', { name: 'Einem Fall zuordnen' }).click();
  await page.waitForURL(/\/cases\/\d+$/);
  await page.getByText('Antwort per E-Mail eingegangen').first().waitFor();
  await page.goto('/mail');
  await page.getByText('Keine offenen Mails.').waitFor();
  await page.getByRole('link', { name: 'Nicht zugeordnete Mails', exact: true }).waitFor();
  await page.context().close();
});
