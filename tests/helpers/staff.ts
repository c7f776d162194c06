import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { StaffRole } from '../../lib/cases/vocabulary';
import { DEMO_ACCOUNTS } from '../../lib/seed/users';
import { messages } from '../../lib/i18n';

export function staffAccount(role: StaffRole) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account with role ${role}`);
  return account;
}

/**
 * Creates the demo accounts where the app does not seed them (PostgreSQL) through the same
 * command an operator uses. An account that already exists is fine.
 */
export function ensureStaffAccounts(env: NodeJS.ProcessEnv) {
  for (const account of DEMO_ACCOUNTS) {
    const args = ['--email', account.email, '--name', account.name, '--role', account.role];
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
      env: { ...env, LOG_LEVEL: 'warn' },
      input: `${account.password}\n`,
      encoding: 'utf8',
    });
    if (run.status !== 0 && !run.stderr.includes(messages.users.emailTaken)) {
      throw new Error(`user:create ${account.email} failed (${run.status}): ${run.stderr}`);
    }
  }
}

/** Signs in through the login form as the e2e server's account with this role. */
export async function signInAs(page: Page, role: StaffRole, returnTo = '/account') {
  const account = staffAccount(role);
  await page.goto(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort').fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((url) => url.pathname === returnTo);
}
