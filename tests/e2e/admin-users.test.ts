import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../helpers/browser';
import { signInAs, staffAccount } from '../helpers/staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const bert = {
  name: 'Bert Beispiel',
  email: 'bert.beispiel@leg.example',
  password: 'bert-start-2026',
  newPassword: 'bert-neu-2026!',
};

async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

describe('user administration', () => {
  it('lets an admin create, reset and deactivate an account, which then cannot sign in', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'admin', '/admin/users');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Benutzerverwaltung');

    const form = page.getByRole('region', { name: 'Benutzer anlegen' });
    await form.getByLabel('Name').fill(bert.name);
    await form.getByLabel('E-Mail-Adresse').fill(bert.email);
    await form.getByLabel('Rolle').selectOption({ label: 'Expertin/Experte' });
    await form.getByLabel('Erstes Passwort').fill('zu-kurz');
    await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
    await expect(page.locator('#new-user-password-error').textContent()).resolves.toContain('mindestens 10 Zeichen');

    await form.getByLabel('Erstes Passwort').fill(bert.password);
    await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
    await form.getByRole('status').filter({ hasText: 'Der Benutzer wurde angelegt.' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(bert.name) }).first();
    await expect(row.textContent()).resolves.toContain(bert.email);
    await expect(row.textContent()).resolves.toContain('Aktiv');
    await expect(form.getByLabel('Name').inputValue()).resolves.toBe('');

    await page.getByRole('button', { name: `Bearbeiten ${bert.name}` }).click();
    const editor = page.getByRole('group', { name: bert.name });
    await editor.getByLabel('Rolle').selectOption({ label: 'Administration' });
    await editor.getByRole('button', { name: 'Rolle ändern' }).click();
    await editor.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('Administration');

    await editor.getByLabel('Neues Passwort').fill(bert.newPassword);
    await editor.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await editor.getByRole('status').filter({ hasText: 'Das Passwort wurde zurückgesetzt' }).waitFor();

    await editor.getByRole('button', { name: 'Deaktivieren' }).click();
    await editor.getByRole('status').filter({ hasText: 'Das Konto ist deaktiviert' }).waitFor();
    await editor.getByRole('button', { name: 'Aktivieren' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('Deaktiviert');
    await screenshot(page, 'admin-users-desktop');
    await page.context().close();

    const phone = await openPage(browser, PHONE);
    await signInAs(phone, 'admin', '/admin/users');
    await phone.getByRole('button', { name: `Bearbeiten ${bert.name}` }).click();
    await phone.getByRole('group', { name: bert.name }).waitFor();
    await screenshot(phone, 'admin-users-phone');
    await phone.context().close();

    const bertsPage = await openPage(browser, PHONE);
    await signInWith(bertsPage, bert.email, bert.newPassword);
    await bertsPage.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();
    expect(new URL(bertsPage.url()).pathname).toBe('/login');
    await bertsPage.context().close();
  });

  it('answers an expert with 403', async () => {
    const page = await openPage(browser, DESKTOP);
    await signInAs(page, 'expert');
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Benutzerverwaltung' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('sends anonymous visitors to the sign-in page', async () => {
    const page = await openPage(browser, DESKTOP);
    await page.goto('/admin/users');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    await page.context().close();
  });
});

describe('own account', () => {
  it('lets staff change their password after a wrong attempt', async () => {
    const expert = staffAccount('expert');
    const page = await openPage(browser, PHONE);
    await signInAs(page, 'expert', '/account');
    const changePassword = async (current: string, next: string, repeat = next) => {
      await page.getByLabel('Aktuelles Passwort').fill(current);
      await page.getByLabel(/^Neues Passwort \*?$/).fill(next);
      await page.getByLabel('Neues Passwort wiederholen').fill(repeat);
      await page.getByRole('button', { name: 'Passwort ändern' }).click();
    };

    await changePassword(expert.password, 'ein-neues-passwort', 'ein-anderes-passwort');
    await expect(page.locator('#confirm-password-error').textContent()).resolves.toBe('Die beiden Passwörter stimmen nicht überein.');
    await changePassword('falsch-geraten', 'ein-neues-passwort');
    const currentError = page.locator('#current-password-error');
    await expect(currentError.textContent()).resolves.toBe('Das aktuelle Passwort ist falsch.');
    await screenshot(page, 'account-error-phone');

    // A successful change empties the form; a refused one keeps the input.
    const succeeded = async () => {
      await page.getByRole('status').filter({ hasText: 'Ihr Passwort wurde geändert.' }).waitFor();
      await expect.poll(() => page.getByLabel('Aktuelles Passwort').inputValue()).toBe('');
    };
    await changePassword(expert.password, 'ein-neues-passwort');
    await succeeded();
    // Back to the demo password, so other browser tests can still sign in as the expert.
    await changePassword('ein-neues-passwort', expert.password);
    await succeeded();
    await page.context().close();
  });
});
