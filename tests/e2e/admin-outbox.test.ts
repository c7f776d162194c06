/**
 * The admin's outbox view with the mail server down: a confirmation mail that could not be
 * delivered shows up with its attempts and error; once the mail server is back, "retry now"
 * gets it delivered, exactly once. Runs its own app server, whose SMTP_URL points at a port
 * where nothing listens yet.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, type RunningApp } from '../../scripts/app-server';
import { DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { startSmtpSink } from '../helpers/smtp-sink';
import { eventually, type OwnApp, startOwnApp } from '../helpers/own-app';
import { signInAs } from '../helpers/staff';

const recipient = `postausgang.${Date.now()}@firma.example`;
let smtpPort: number;
let own: OwnApp;
let app: RunningApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;

beforeAll(async () => {
  smtpPort = await freePort();
  own = await startOwnApp({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_INTERVAL_SECONDS: '1' });
  app = own.app;
}, 300_000);

afterAll(async () => {
  await own?.stop();
  await sink?.close();
});

async function openAdminPage(viewport = DESKTOP): Promise<Page> {
  const page = await own.newPage(viewport);
  await signInAs(page, 'admin', '/admin/outbox');
  return page;
}

it('shows an undeliverable mail with its error and delivers it once after "retry now"', async () => {
  const submitted = await fetch(`${app.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest({ email: recipient, organisation: 'Postausgang Prüfstand GmbH' })),
  });
  expect(submitted.status).toBe(201);
  const { reference } = (await submitted.json()) as { reference: string };
  const subject = `Ihre Anfrage ${reference} ist bei Lotse eingegangen`;

  const page = await openAdminPage();
  await page.getByRole('heading', { level: 1, name: 'Postausgang' }).waitFor();
  const list = page.getByRole('table', { name: 'Noch nicht gesendete Mails' });
  const row = list.getByRole('row').filter({ hasText: recipient });
  // The worker tried, the server refused the connection, a retry is planned.
  await eventually(page, async () => (await row.getByText('Fehlgeschlagen, neuer Versuch geplant').count()) > 0);
  await expect(row.textContent()).resolves.toContain(subject);
  await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('1');
  await expect(row.textContent()).resolves.toMatch(/ECONNREFUSED/);
  const retrying = page.getByLabel('Mails nach Zustand').getByText('Fehlgeschlagen, neuer Versuch geplant');
  const retryingCount = Number(await retrying.locator('xpath=following-sibling::dd').textContent());
  expect(retryingCount).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'admin-outbox-desktop');

  const phone = await openAdminPage(PHONE);
  await phone.getByRole('row').filter({ hasText: recipient }).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(phone, 'admin-outbox-phone');
  await phone.context().close();

  // The mail server comes back. Without "retry now" the mail would wait for its 30 s backoff.
  sink = await startSmtpSink(smtpPort);
  await row.getByRole('button', { name: `Jetzt erneut senden ${subject}` }).click();
  await page.getByRole('status').filter({ hasText: 'Die Mail wird beim nächsten Durchlauf' }).waitFor();
  await eventually(page, async () => (await list.getByRole('row').filter({ hasText: recipient }).count()) === 0, 15_000);
  expect(sink.received.filter((mail) => mail.to.includes(recipient))).toHaveLength(1);

  // Several more worker runs later it is still one mail.
  await page.waitForTimeout(3_000);
  expect(sink.received.filter((mail) => mail.to.includes(recipient))).toHaveLength(1);
  await page.context().close();
}, 180_000);
