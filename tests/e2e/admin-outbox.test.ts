/**
 * The admin's outbox view with the mail server down: a confirmation mail that could not be
 * delivered shows up with its attempts and error; once the mail server is back, "retry now"
 * gets it delivered, exactly once. Runs its own app server, whose SMTP_URL points at a port
 * where nothing listens yet.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, type RunningApp, startAppServer } from '../../scripts/app-server';
import { freshAppEnvironment } from '../helpers/app-environment';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { startSmtpSink } from '../helpers/smtp-sink';
import { ensureStaffAccounts, signInAs } from '../helpers/staff';

const recipient = `postausgang.${Date.now()}@firma.example`;
let smtpPort: number;
let environment: Awaited<ReturnType<typeof freshAppEnvironment>>;
let app: RunningApp;
let browser: Browser;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;

beforeAll(async () => {
  smtpPort = await freePort();
  environment = await freshAppEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_INTERVAL_SECONDS: '1' });
  app = await startAppServer(environment.env);
  if (environment.isPostgres) ensureStaffAccounts(environment.env);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await sink?.close();
  await environment?.drop();
});

async function openAdminPage(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'de-DE', baseURL: app.baseUrl });
  const page = await context.newPage();
  await signInAs(page, 'admin', '/admin/outbox');
  return page;
}

/** Reloads until `check` holds: the worker runs in the background every second. */
async function eventually(page: Page, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await page.waitForTimeout(1_000);
    await page.reload();
  }
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
