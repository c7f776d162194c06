/**
 * An expert chooses "Neue Fälle: Alle" at /account; the next request reaches their mailbox (a
 * real SMTP server) through the outbox, and the navigation shows what needs them. Runs its own
 * app server whose mail goes to a local SMTP sink.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningApp } from '../../scripts/app-server';
import { DESKTOP, screenshot } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { startOwnAppWithMail } from '../helpers/own-app';
import { signInAs, staffAccount } from '../helpers/staff';

let own: Awaited<ReturnType<typeof startOwnAppWithMail>>;
let app: RunningApp;

beforeAll(async () => {
  own = await startOwnAppWithMail();
  app = own.app;
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

it('an expert who chose all new cases at /account gets the mail for the next request, and the navigation counts what needs them', async () => {
  const expert = staffAccount('expert');
  const page = await own.newPage(DESKTOP);
  await signInAs(page, 'expert', '/account');

  const settings = page.getByRole('region', { name: 'Benachrichtigungen per E-Mail' });
  await settings.getByLabel('Neue Fälle').selectOption({ label: 'Alle' });
  await expect(settings.getByLabel('Tägliche Übersicht (werktags morgens)').isChecked()).resolves.toBe(false);
  await settings.getByRole('button', { name: 'Benachrichtigungen speichern' }).click();
  await settings.getByText('Ihre Benachrichtigungen sind gespeichert.').waitFor();
  // Saved, not just shown: a fresh page load has the choice.
  await page.reload();
  await expect(page.getByLabel('Neue Fälle').inputValue()).resolves.toBe('all');
  // Already in the server's HTML, so a slow phone never shows the default before the page is live.
  const html = await (await page.request.get(`${app.baseUrl}/account`)).text();
  expect(html).toMatch(/<option value="all" selected="">/);

  const submitted = await fetch(`${app.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest({ email: `anfrage.${Date.now()}@firma.example`, urgency: 'flexible' })),
  });
  expect(submitted.status).toBe(201);
  const { reference } = (await submitted.json()) as { reference: string };

  const deadline = Date.now() + 30_000;
  const notification = () => own.sink.received.find((m) => m.to.includes(expert.email) && m.raw.includes(`Neuer Fall ${reference}`));
  while (!notification() && Date.now() < deadline) await page.waitForTimeout(500);
  const mail = notification();
  expect(mail, 'notification mail in the SMTP sink').toBeDefined();
  expect(mail!.raw).toContain(`${app.baseUrl}/cases/`);
  expect(mail!.raw).not.toContain('Jürgen');

  const nav = page.getByRole('navigation', { name: 'Bereiche' });
  const needsMe = nav.getByRole('link', { name: /^Braucht mich/ });
  const name = (await needsMe.textContent()) ?? '';
  const count = Number(/(\d+)/.exec(name)?.[1]);
  expect(Number.isInteger(count)).toBe(true);
  // The demo data (embedded database only) gives the demo expert an introduction whose follow-up is overdue.
  if (!own.isPostgres) expect(count).toBeGreaterThan(0);
  await needsMe.click();
  await page.waitForURL((url) => url.searchParams.get('view') === 'needs_me');
  // The queue's "Braucht mich" view holds exactly the cases the navigation counted.
  await page.getByRole('link', { name: `Braucht mich (${count})` }).waitFor();
  await screenshot(page, 'needs-me-queue');
  await page.context().close();
});
