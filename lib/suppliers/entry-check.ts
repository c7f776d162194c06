import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { accessLinks, companies, companyEvents } from '../../db/schema';
import type { ActionResult } from '../action-result';
import { assertRole, type StaffUser } from '../auth/staff';
import { config } from '../config';
import { createAccessLink, signedLinkToken } from '../conversations/access-links';
import { messages } from '../i18n';
import { log } from '../log';
import { enqueueMail } from '../outbox/enqueue';
import { runPeriodically } from '../periodic';

const t = messages.entries;

/** Where a company's entry check link leads. */
export const entryPathOf = (token: string) => `/supplier/entry/${token}`;

/**
 * Sends one company the link to check its own entry: a fresh single-use link (older unused ones
 * stop working, so only the newest mail counts), the mail through the outbox and the history
 * event, all in the caller's transaction.
 */
async function sendEntryCheck(
  tx: Executor,
  company: { id: number; name: string; email: string },
  options: { actorId: number | null; now: Date },
): Promise<void> {
  const days = config().ENTRY_LINK_DAYS;
  await tx
    .update(accessLinks)
    .set({ revokedAt: options.now })
    .where(
      and(
        eq(accessLinks.companyId, company.id),
        eq(accessLinks.purpose, 'company_entry'),
        isNull(accessLinks.usedAt),
        isNull(accessLinks.revokedAt),
      ),
    );
  const link = await createAccessLink(tx, { purpose: 'company_entry', companyId: company.id, days, now: options.now });
  await enqueueMail(tx, {
    template: 'entry_check',
    recipient: company.email,
    caseId: null,
    subject: t.mailSubject,
    body: t.mailBody({ name: company.name, url: `${config().baseUrl}${entryPathOf(signedLinkToken(link.id))}`, days }),
  });
  await tx.update(companies).set({ entryCheckSentAt: options.now }).where(eq(companies.id, company.id));
  await tx.insert(companyEvents).values({
    companyId: company.id,
    type: 'entry_check_sent',
    actorId: options.actorId,
    data: {},
    createdAt: options.now,
  });
}

/** Staff ask a company to check its entry ("Eintrag prüfen lassen"). */
export async function requestEntryCheck(actor: StaffUser, companyId: number): Promise<ActionResult<{ email: string }>> {
  assertRole(actor, 'expert');
  return db.transaction(async (tx): Promise<ActionResult<{ email: string }>> => {
    const [company] = await tx
      .select({ id: companies.id, name: companies.name, email: companies.email })
      .from(companies)
      .where(eq(companies.id, companyId))
      .for('update');
    if (!company) return { ok: false, error: messages.suppliers.notFound };
    if (!company.email) return { ok: false, error: t.noEmail };
    await sendEntryCheck(tx, { ...company, email: company.email }, { actorId: actor.id, now: new Date() });
    log.info({ event: 'entry_check.sent', companyId, by: actor.id });
    return { ok: true, data: { email: company.email } };
  });
}

/**
 * The yearly check: companies with an address that neither confirmed their entry nor were
 * asked within the interval, at most `batch` per run. Rows are claimed with SKIP LOCKED and
 * re-checked under the lock, so two instances running at once never ask a company twice.
 */
export async function runEntryChecks(options: { now?: Date; batch?: number; intervalDays?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? config().ENTRY_CHECK_BATCH;
  const days = options.intervalDays ?? config().ENTRY_CHECK_INTERVAL_DAYS;
  if (batch === 0) return 0;
  const cutoff = sql`(${now.toISOString()}::timestamptz - make_interval(days => ${days}))`;
  const sent = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: companies.id, name: companies.name, email: companies.email })
      .from(companies)
      .where(
        and(
          isNotNull(companies.email),
          or(isNull(companies.entryCheckSentAt), lt(companies.entryCheckSentAt, cutoff)),
          or(isNull(companies.verifiedAt), lt(companies.verifiedAt, cutoff)),
        ),
      )
      .orderBy(asc(companies.id))
      .limit(batch)
      .for('update', { skipLocked: true });
    for (const company of due) await sendEntryCheck(tx, { ...company, email: company.email! }, { actorId: null, now });
    return due.length;
  });
  if (sent > 0) log.info({ event: 'entry_check.job_sent', companies: sent });
  return sent;
}

/**
 * Runs the yearly entry check in the background. Off unless ENTRY_CHECK_BATCH is set: a demo
 * or a fresh import would otherwise mail every company the first hour.
 */
export function startEntryCheckWorker(): (() => void) | undefined {
  const settings = config();
  if (settings.ENTRY_CHECK_BATCH === 0) return undefined;
  return runPeriodically('entry_check', () => runEntryChecks(), settings.ENTRY_CHECK_JOB_MINUTES * 60_000);
}
