import { getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { config } from './config';
import { seedDemoCases } from './demo/seed-cases';
import { seedDefaultSynonyms, seedDemoCompanies } from './demo/seed-companies';
import { seedDemoUsers } from './demo/seed-users';
import { log } from './log';
import { startOutboxWorker } from './outbox/worker';
import { productionRefusal } from './production-env';
import { serverSecret } from './secret';

/** Runs once per app process before it serves requests. */
export async function startApp() {
  const refusal = productionRefusal();
  if (refusal) throw new Error(refusal);
  serverSecret(); // fails fast in production without NEXTAUTH_SECRET
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
    if (seededUsers + seededCases + seededCompanies > 0) {
      log.info({ event: 'demo.seeded', users: seededUsers, cases: seededCases, companies: seededCompanies, companies_ms: ms });
    }
  }
  startOutboxWorker();
  log.info({ event: 'app.started', database: handle.kind, demo: config().isDemo });
}
