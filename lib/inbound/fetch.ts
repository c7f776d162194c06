import { and, eq, sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { db } from '../../db/client';
import { inboundMails } from '../../db/schema';
import { log } from '../log';
import { runPeriodically } from '../periodic';
import { config } from '../config';
import { parseMail } from './parse';
import { routeMail, type RouteOutcome } from './route';
import { imapSettings, type ImapSettings } from './settings';

// Bigger mails stay in the mailbox (unseen) for a person to handle: the download happens inside
// a database transaction, which must stay short.
const MAX_MAIL_BYTES = 25 * 1024 * 1024;

export interface FetchOptions {
  /** Tests only: stop after the commit without flagging, as a crash there would. */
  skipFlag?: boolean;
}

export type FetchCounts = Record<RouteOutcome | 'already_done' | 'too_large', number>;

/**
 * Fetches the unseen mail of the inbound mailbox and processes each exactly once, also with
 * several app instances and after a crash. Per UID, one transaction takes an advisory lock
 * on (mailbox, UIDVALIDITY, UID), so a second instance waits instead of downloading too, then
 * finds the row and only flags. The row and the case message commit together; the \Seen flag
 * comes after the commit, so a crash in between re-fetches, finds the row and only flags.
 */
export async function fetchInboundMail(settings: ImapSettings, options: FetchOptions = {}): Promise<FetchCounts> {
  const counts: FetchCounts = { threaded: 0, unassigned: 0, already_done: 0, too_large: 0 };
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    connectionTimeout: 30_000,
  });
  await client.connect();
  try {
    const mailbox = await client.mailboxOpen(settings.mailbox);
    const uidValidity = Number(mailbox.uidValidity);
    const uids = ((await client.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b);
    for (const uid of uids) {
      const key = { mailbox: settings.mailbox, uidValidity, uid };
      const outcome = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`inbound:${key.mailbox}:${uidValidity}:${uid}`}, 0))`);
        const [done] = await tx
          .select({ id: inboundMails.id })
          .from(inboundMails)
          .where(and(eq(inboundMails.mailbox, key.mailbox), eq(inboundMails.uidValidity, uidValidity), eq(inboundMails.uid, uid)));
        if (done) return 'already_done' as const;
        const message = await client.fetchOne(String(uid), { source: true, size: true, internalDate: true }, { uid: true });
        if (message === false || !message.source) return 'already_done' as const;
        if ((message.size ?? message.source.length) > MAX_MAIL_BYTES) return 'too_large' as const;
        const internalDate = message.internalDate ? new Date(message.internalDate) : new Date();
        return routeMail(tx, key, await parseMail(message.source, internalDate));
      });
      counts[outcome]++;
      if (outcome === 'too_large') {
        log.warn({ event: 'inbound.too_large', uid });
        continue;
      }
      if (!options.skipFlag) await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      log.info({ event: 'inbound.processed', uid, outcome });
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return counts;
}

/** Polls the inbound mailbox in the background of each app instance, when one is configured. */
export function startInboundWorker(): () => void {
  const settings = imapSettings();
  if (!settings) return () => {};
  return runPeriodically('inbound', () => fetchInboundMail(settings), config().INBOUND_INTERVAL_SECONDS * 1000);
}
