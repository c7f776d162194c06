import type { Browser, Page } from 'playwright-core';
import { freePort, type RunningApp, startAppServer } from '../../scripts/app-server';
import { freshAppEnvironment } from './app-environment';
import { DESKTOP, launchBrowser } from './browser';
import { type SmtpSink, startSmtpSink } from './smtp-sink';
import { ensureStaffAccounts } from './staff';

export interface OwnApp {
  app: RunningApp;
  browser: Browser;
  isPostgres: boolean;
  /** A page in a new browser context (its own cookies) on this app. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * An app server of a test file's own, for settings the shared e2e server must not have (a mail
 * server, an IMAP mailbox): a fresh database, the staff accounts and a browser.
 */
export async function startOwnApp(settings: Record<string, string>): Promise<OwnApp> {
  const environment = await freshAppEnvironment(settings);
  const app = await startAppServer(environment.env);
  if (environment.isPostgres) ensureStaffAccounts(environment.env);
  const browser = await launchBrowser();
  return {
    app,
    browser,
    isPostgres: environment.isPostgres,
    newPage: async (viewport = DESKTOP) => (await browser.newContext({ viewport, locale: 'de-DE', baseURL: app.baseUrl })).newPage(),
    stop: async () => {
      await browser.close();
      await app.stop();
      await environment.drop();
    },
  };
}

/** An app of its own whose outbox delivers every second to a local SMTP sink; `stop` ends both. */
export async function startOwnAppWithMail(settings: Record<string, string> = {}): Promise<OwnApp & { sink: SmtpSink }> {
  const smtpPort = await freePort();
  const sink = await startSmtpSink(smtpPort);
  try {
    const own = await startOwnApp({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_INTERVAL_SECONDS: '1', ...settings });
    return {
      ...own,
      sink,
      stop: async () => {
        await own.stop();
        await sink.close();
      },
    };
  } catch (error) {
    await sink.close();
    throw error;
  }
}

/** Reloads until `check` holds: the app's background workers run every second. */
export async function eventually(page: Page, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await page.waitForTimeout(1_000);
    await page.reload();
  }
}
