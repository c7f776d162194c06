/**
 * Runs a second app server with LOG_LEVEL=info and configured legal texts, drives the flows
 * that handle personal data (form and API intake, status lookup, sign-in, triage with notes
 * and reasons, export and erasure), and then searches everything the server wrote for the
 * personal data it was given.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startAppServer } from '../../scripts/app-server';
import { E2E_MIN_FILL_SECONDS } from '../helpers/app-environment';
import { DESKTOP, launchBrowser, screenshot, submitRequestForm } from '../helpers/browser';
import { validRequest } from '../helpers/fixtures';
import { ensureStaffAccounts, signInAs } from '../helpers/staff';
import { createTestDatabase, testServerUrl } from '../helpers/test-database';

const formRequester = {
  organisation: 'Zwölfling Glasbläserei',
  contact_name: 'Xaver Zwölfling',
  email: 'xaver.zwoelfling@glasblaeserei-zw.de',
  phone: '03672 918273',
  description: 'Wir suchen Borosilikatrohre, Ansprechpartner Xaver Zwölfling, Handy 0160 5544332.',
};
const apiRequester = {
  organisation: 'Quendel Metallbau',
  contact_name: 'Quirin Quendel',
  email: 'q.quendel@quendel-metall.de',
  phone: '+49 3621 464646',
};
const NOTE = 'Rückruf bei Frau Yvonne Zwölfling, privat 0176 3141592.';
const REASON = 'Herr Quendel hat abgesagt.';
const SECRETS = [
  ...Object.values(formRequester),
  ...Object.values(apiRequester),
  'Zwölfling',
  'zwoelfling',
  'Quendel',
  '5544332',
  '918273',
  '464646',
  'Yvonne',
  '3141592',
  'abgesagt',
  'Borosilikat',
  'unbekannt.person@nirgendwo-xyz.de',
];

let app: RunningApp;
let browser: Browser;
let output = '';
let dropDatabase = async () => {};
const workDir = mkdtempSync(path.join(tmpdir(), 'lotse-logs-'));

beforeAll(async () => {
  const database = await createTestDatabase(testServerUrl());
  dropDatabase = database.drop;
  writeFileSync(path.join(workDir, 'impressum.txt'), '# Angaben gemäß § 5 DDG\n\nMuster-Agentur GmbH\nMusterstraße 1\n99084 Erfurt');
  writeFileSync(
    path.join(workDir, 'datenschutz.txt'),
    '# Verantwortliche Stelle\n\nMuster-Agentur GmbH, Datenschutzbeauftragte: dsb@muster.example',
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: 'e2e-log-secret',
    INTAKE_MIN_FILL_SECONDS: String(E2E_MIN_FILL_SECONDS),
    INTAKE_RATE_LIMIT: '1000',
    LOG_LEVEL: 'info',
    IMPRINT_FILE: path.join(workDir, 'impressum.txt'),
    PRIVACY_POLICY_FILE: path.join(workDir, 'datenschutz.txt'),
  };
  if (database.url) env.DATABASE_URL = database.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = path.join(workDir, 'pglite');
  }
  app = await startAppServer(env, 180_000, (text) => {
    output += text;
  });
  if (database.url) ensureStaffAccounts(env);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await dropDatabase();
  rmSync(workDir, { recursive: true, force: true });
});

const newContext = (): Promise<BrowserContext> => browser.newContext({ viewport: DESKTOP, locale: 'de-DE', baseURL: app.baseUrl });

describe('logs', () => {
  it('never contain names, email addresses, phone numbers or free text', async () => {
    const context = await newContext();
    const page = await context.newPage();

    // Intake through the form, then the status lookup.
    await page.goto('/request');
    await page.getByLabel('Name der Organisation').fill(formRequester.organisation);
    await page.getByLabel('Art der Organisation').selectOption({ label: 'Unternehmen' });
    await page.getByLabel('Postleitzahl').fill('98693');
    await page.getByLabel(/^Ort/).fill('Ilmenau');
    await page.getByLabel('Ihr Name').fill(formRequester.contact_name);
    await page.getByLabel('E-Mail-Adresse').fill(formRequester.email);
    await page.getByLabel('Telefon (optional)').fill(formRequester.phone);
    await page.getByLabel('Was wird benötigt?').selectOption({ label: 'Rohstoffe' });
    await page.getByLabel('Beschreibung').fill(formRequester.description);
    await page.getByLabel('Dringlichkeit').selectOption({ label: 'Sofort' });
    await page.getByLabel(/Ich willige ein/).check();
    await submitRequestForm(page);
    await page.waitForURL('**/request/received?ref=*');
    const formReference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
    await page.getByRole('link', { name: 'Status abfragen' }).click();
    await page.getByLabel('E-Mail-Adresse').fill(formRequester.email);
    await page.getByRole('button', { name: 'Status abfragen' }).click();
    await page.getByTestId('public-status').waitFor();

    // Intake through the API.
    const api = await fetch(new URL('/api/requests', app.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validRequest(apiRequester)),
    });
    expect(api.status).toBe(201);
    const { reference: apiReference } = (await api.json()) as { reference: string };

    // A failed sign-in with a requester's address, then a real one.
    await page.goto('/login');
    await page.getByLabel('E-Mail-Adresse').fill('unbekannt.person@nirgendwo-xyz.de');
    await page.getByLabel('Passwort').fill('falsches-passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();
    await signInAs(page, 'admin', '/cases');

    // Triage: a note and a closing reason that name people.
    await page.goto(`/cases?view=all&q=${apiReference}`);
    await page.getByRole('link', { name: apiReference }).click();
    await page.getByRole('heading', { level: 1, name: apiReference }).waitFor();
    await page.getByLabel('Interne Notiz').fill(NOTE);
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Notiz gespeichert.' }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Abgelehnt' });
    await page.getByLabel('Grund für den Abschluss').fill(REASON);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    // Export and erasure.
    await page.goto(`/admin/privacy?email=${encodeURIComponent(formRequester.email)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export als JSON' }).click()]);
    await download.path();
    const erase = page.getByRole('region', { name: 'Daten löschen' });
    await erase.getByLabel(/Ich habe die Identität/).check();
    await erase.getByRole('button', { name: 'Löschen' }).click();
    await erase.getByRole('status').filter({ hasText: 'Gelöscht:' }).waitFor();

    // The legal pages show the operator's files; their policy is part of the consent version.
    await page.goto('/impressum');
    await page.getByText('Musterstraße 1').waitFor();
    await page.goto('/datenschutz');
    await page.getByRole('heading', { level: 2, name: 'Verantwortliche Stelle' }).waitFor();
    await page.getByText(/Fassung vom 2026-11-24\+[0-9a-f]{12}/).waitFor();
    await screenshot(page, 'datenschutz-configured-desktop');
    await context.close();

    // Give the outbox worker a moment to log the sent mails, then look at everything written.
    await expect.poll(() => output, { timeout: 20_000 }).toContain('"event":"outbox.logged"');
    const lines = output.split('\n').filter((line) => line.trim());
    const events = new Set(lines.flatMap((line) => (line.startsWith('{') ? [JSON.parse(line).event as string] : [])));
    for (const expected of [
      'intake.created',
      'auth.failed',
      'auth.signed_in',
      'case.changed',
      'privacy.exported',
      'privacy.erased',
      'request',
    ]) {
      expect(events, expected).toContain(expected);
    }
    expect(output).toContain(formReference);
    for (const secret of SECRETS) expect(output.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    expect(output).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
