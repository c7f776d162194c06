import { getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { config } from './config';
import { seedDemoCases } from '../db/seed/demo-cases';
import { seedDemoIntroductions } from '../db/seed/introductions';
import { seedDefaultSynonyms, seedDemoCompanies } from '../db/seed/companies';
import { seedDemoUsers } from '../db/seed/users';
import { log } from './log';
import { startOutboxWorker } from './outbox/worker';
import { imprintText, privacyPolicyText } from './privacy/legal-text';
import { startRetentionWorker } from './privacy/retention';
import { productionRefusal } from './production-env';
import { serverSecret } from './secret';

/** Runs once per app process before it serves requests. */
export async function startApp() {
  const refusal = productionRefusal();
  if (refusal) throw new Error(refusal);
  serverSecret(); // fails fast in production without NEXTAUTH_SECRET
  // A configured IMPRINT_FILE or PRIVACY_POLICY_FILE that cannot be read stops the start.
  imprintText();
  privacyPolicyText();
  const handle = getDatabaseHandle();
  await prepareDatabase(handle);
  // Synonyms are configuration, not demo data: every new installation gets the defaults.
  const seededSynonyms = await seedDefaultSynonyms();
  if (seededSynonyms > 0) log.info({ event: 'synonyms.seeded', groups: seededSynonyms });
  if (config().isDemo) {
    const seededUsers = await seedDemoUsers();
    const seededCases = await seedDemoCases();
    const started = performance.now();
    const seededCompanies = await seedDemoCompanies();
    const ms = Math.round(performance.now() - started);
    const seededIntroductions = await seedDemoIntroductions();
    if (seededUsers + seededCases + seededCompanies + seededIntroductions > 0) {
      log.info({ event: 'demo.seeded', users: seededUsers, cases: seededCases, companies: seededCompanies, introductions: seededIntroductions, companies_ms: ms });
    }
  }
  startOutboxWorker();
  startRetentionWorker();
  log.info({ event: 'app.started', database: handle.kind, demo: config().isDemo });
}
