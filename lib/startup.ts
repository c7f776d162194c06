import { getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { config } from './config';
import { seedDemoCases } from './demo/seed-cases';
import { log } from './log';
import { startOutboxWorker } from './outbox/worker';
import { serverSecret } from './secret';

/** Runs once per app process before it serves requests. */
export async function startApp() {
  serverSecret(); // fails fast in production without NEXTAUTH_SECRET
  const handle = getDatabaseHandle();
  await prepareDatabase(handle);
  if (config().isDemo) {
    const seeded = await seedDemoCases();
    if (seeded > 0) log.info({ event: 'demo.seeded', cases: seeded });
  }
  startOutboxWorker();
  log.info({ event: 'app.started', database: handle.kind, demo: config().isDemo });
}
