import { closeDatabase, getDatabaseHandle } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { messages } from '../lib/i18n';
import { runRetention } from '../lib/privacy/retention';

/**
 * `npm run retention`: anonymises closed cases past the retention period (RETENTION_MONTHS)
 * once, e.g. from cron. Safe while app instances run the same job.
 */
await prepareDatabase(getDatabaseHandle());
try {
  const result = await runRetention();
  console.log(messages.dataProtection.retentionDone(result.cases, result.mails));
} finally {
  await closeDatabase();
}
