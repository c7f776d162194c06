import { getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { config } from './config';
import { seedDemoCases } from './demo/seed-cases';
import { seedDemoUsers } from './demo/seed-users';
import { log } from './log';
import { startOutboxWorker } from './outbox/worker';
import { serverSecret } from './secret';

/** Runs once per app process before it serves requests. */
export async function startApp() {
  serverSecret(); // fails fast in production without NEXTAUTH_SECRET
  const handle = getDatabaseHandle();
  await prepareDatabase(handle);
  if (config().isDemo) {
    const seededUsers = await seedDemoUsers();
    const seededCases = await seedDemoCases();
    if (seededUsers + seededCases > 0) log.info({ event: 'demo.seeded', users: seededUsers, cases: seededCases });
  }
  startOutboxWorker();
  log.info({ event: 'app.started', database: handle.kind, demo: config().isDemo });
}
