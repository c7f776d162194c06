// `npm run inbound`: fetches the inbound mailbox (IMAP_* settings) once, e.g. from cron or when
// no app instance runs. Safe while app instances fetch the same mailbox.
import { runCli } from './cli';
import { messages } from '../lib/i18n';
import { fetchInboundMail } from '../lib/inbound/fetch';
import { imapSettings } from '../lib/inbound/settings';

await runCli({
  usage: 'Aufruf: npm run inbound',
  options: {},
  parse: ({ positionals }) => (positionals.length === 0 ? {} : undefined),
  database: true,
  failed: messages.inbound.fetchFailed,
  run: async () => {
    const settings = imapSettings();
    if (!settings) {
      console.error(messages.inbound.notConfigured);
      return 1;
    }
    console.log(messages.inbound.fetchDone(await fetchInboundMail(settings)));
  },
});
