import { getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { startAvailabilityReminderWorker } from './availability/reminders';
import { config } from './config';
import { seedDemoCases } from './seed/demo-cases';
import { seedDemoIntroductions } from './seed/introductions';
import { seedDefaultSynonyms, seedDemoCompanies } from './seed/companies';
import { seedDemoUsers } from './seed/users';
import { seedDefaultTemplates } from './conversations/templates';
import { log } from './log';
import { startInboundWorker } from './inbound/fetch';
import { startFeedbackWorker } from './introductions/feedback-request';
import { startDigestWorker } from './notifications/digest';
import { startOfferExpiryWorker } from './offers/expiry';
import { startOutboxWorker } from './outbox/worker';
import { imprintText, privacyPolicyText } from './privacy/legal-text';
import { startRetentionWorker } from './privacy/retention';
import { startEntryCheckWorker } from './suppliers/entry-check';
import { productionRefusal } from './production-env';
import { serverSecret } from './secret';

export type StartupState = 'starting' | 'ready' | 'failed';

// Next.js loads instrumentation and route handlers as separate module graphs: the state lives
// on globalThis so /api/health sees what register() started.
const globalForStartup = globalThis as unknown as { lotseStartup?: StartupState };

/** Whether the app has finished starting (demo data seeded, workers running). */
export function startupState(): StartupState {
  return globalForStartup.lotseStartup ?? 'starting';
}

/**
 * Runs once per app process. Next.js serves no request until this returns, so only what every
 * request needs (checks, migrations) is awaited; seeding demo data, which takes a while, runs on
 * while /api/health answers "starting".
 */
export async function startApp() {
  globalForStartup.lotseStartup = 'starting';
  const refusal = productionRefusal();
  if (refusal) throw new Error(refusal);
  serverSecret(); // fails fast in production without NEXTAUTH_SECRET
  // A configured IMPRINT_FILE or PRIVACY_POLICY_FILE that cannot be read stops the start.
  imprintText();
  privacyPolicyText();
  const handle = getDatabaseHandle();
  await prepareDatabase(handle);
  void finishStart(handle.kind).then(
    () => {
      globalForStartup.lotseStartup = 'ready';
    },
    (error: unknown) => {
      globalForStartup.lotseStartup = 'failed';
      log.error({ event: 'app.start_failed', message: error instanceof Error ? error.message : String(error) });
    },
  );
}

async function finishStart(database: string) {
  // Synonyms are configuration, not demo data: every new installation gets the defaults.
  const seededSynonyms = await seedDefaultSynonyms();
  if (seededSynonyms > 0) log.info({ event: 'synonyms.seeded', groups: seededSynonyms });
  const seededTemplates = await seedDefaultTemplates();
  if (seededTemplates > 0) log.info({ event: 'reply_templates.seeded', templates: seededTemplates });
  if (config().isDemo) {
    const seededUsers = await seedDemoUsers();
    const seededCases = await seedDemoCases();
    const started = performance.now();
    const seededCompanies = await seedDemoCompanies();
    const ms = Math.round(performance.now() - started);
    const seededIntroductions = await seedDemoIntroductions();
    if (seededUsers + seededCases + seededCompanies + seededIntroductions > 0) {
      log.info({
        event: 'demo.seeded',
        users: seededUsers,
        cases: seededCases,
        companies: seededCompanies,
        introductions: seededIntroductions,
        companies_ms: ms,
      });
    }
  }
  startOutboxWorker();
  startRetentionWorker();
  startInboundWorker();
  startDigestWorker();
  startFeedbackWorker();
  startEntryCheckWorker();
  startAvailabilityReminderWorker();
  startOfferExpiryWorker();
  log.info({ event: 'app.started', database, demo: config().isDemo });
}
