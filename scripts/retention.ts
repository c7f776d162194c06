// `npm run retention`: anonymises closed cases past the retention period (RETENTION_MONTHS)
// once, e.g. from cron. Safe while app instances run the same job.
import { runCli } from './cli';
import { messages } from '../lib/i18n';
import { runRetention } from '../lib/privacy/retention';

await runCli({
  usage: 'Aufruf: npm run retention',
  options: {},
  parse: ({ positionals }) => (positionals.length === 0 ? {} : undefined),
  database: true,
  failed: messages.dataProtection.retentionFailed,
  run: async () => {
    const result = await runRetention();
    console.log(messages.dataProtection.retentionDone(result.cases, result.mails));
  },
});
