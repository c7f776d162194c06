/**
 * Without PUBLIC_BASE_URL the base URL for links in mails is the listening address, not
 * http://localhost:3000; outside the demo the server warns that such an address reaches nobody.
 */
import { expect, it } from 'vitest';
import { messages } from '../../lib/i18n';
import { startAppServer } from '../../scripts/app-server';
import { freshAppEnvironment } from '../helpers/app-environment';

it('takes the listening address as base URL and warns outside the demo when it is loopback', async () => {
  const { env, isPostgres, drop } = await freshAppEnvironment({ LOG_LEVEL: 'warn' });
  // Undefined, not deleted: the app-server helper would otherwise fill in its own.
  const unset = { PUBLIC_BASE_URL: undefined, NEXTAUTH_URL: undefined };
  let output = '';
  const app = await startAppServer({ ...env, ...unset }, 120_000, (text) => (output += text));
  try {
    const port = new URL(app.baseUrl).port;
    expect(output).toContain(`Lotse läuft: http://127.0.0.1:${port}`);
    const warning = messages.security.loopbackBaseUrl(`http://127.0.0.1:${port}`);
    if (isPostgres) expect(output).toContain(warning);
    else expect(output).not.toContain(warning);
  } finally {
    await app.stop();
    await drop();
  }
});
