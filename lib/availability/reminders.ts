import { and, eq, isNull, lt, lte, notInArray, or } from 'drizzle-orm';
import { db } from '../../db/client';
import { accessLinks, availabilityChecks, type CaseEventRow, cases, companies } from '../../db/schema';
import { CLOSED_STATUSES } from '../../db/schema/vocabulary';
import { recordCaseEvents } from '../cases/events';
import { config } from '../config';
import { createAccessLink } from '../conversations/access-links';
import { log } from '../log';
import { runPeriodically } from '../periodic';
import { DAY_MS, MINUTE_MS } from '../time';
import { mailCheck, revokeLink } from './links';
import { loadNeed } from './need';

const BATCH = 50;
const FIRST_RUN_DELAY_MS = 2 * MINUTE_MS;

/**
 * Reminds suppliers that have not answered AVAILABILITY_REMINDER_DAYS (calendar days) after the
 * question or the last reminder, at most AVAILABILITY_MAX_REMINDERS times, never for a closed
 * case. The rows are claimed with SKIP LOCKED and the counter rises in the same transaction as
 * the mail: two instances running at once never send the same reminder twice.
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const settings = config();
  if (settings.AVAILABILITY_MAX_REMINDERS === 0) return 0;
  const cutoff = new Date(now.getTime() - settings.AVAILABILITY_REMINDER_DAYS * DAY_MS);
  const sent = await db.transaction(async (tx) => {
    const due = await tx
      .select({ check: availabilityChecks, company: companies.name, link: accessLinks })
      .from(availabilityChecks)
      .innerJoin(cases, eq(cases.id, availabilityChecks.caseId))
      .innerJoin(companies, eq(companies.id, availabilityChecks.companyId))
      .innerJoin(accessLinks, eq(accessLinks.id, availabilityChecks.linkId))
      .where(
        and(
          isNull(availabilityChecks.answeredAt),
          lt(availabilityChecks.reminders, settings.AVAILABILITY_MAX_REMINDERS),
          or(
            and(isNull(availabilityChecks.remindedAt), lte(availabilityChecks.sentAt, cutoff)),
            lte(availabilityChecks.remindedAt, cutoff),
          ),
          notInArray(cases.status, [...CLOSED_STATUSES]),
        ),
      )
      .orderBy(availabilityChecks.sentAt)
      .limit(BATCH)
      .for('update', { of: availabilityChecks, skipLocked: true });
    const events: CaseEventRow[] = [];
    for (const { check, company, link: current } of due) {
      // The same link while it still works for a day; otherwise a fresh one, and the old one ends.
      const usable = !current.revokedAt && !current.usedAt && current.expiresAt.getTime() > now.getTime() + DAY_MS;
      const link = usable
        ? current
        : await createAccessLink(tx, {
            purpose: 'availability_check',
            caseId: check.caseId,
            companyId: check.companyId,
            days: settings.AVAILABILITY_LINK_DAYS,
            now,
          });
      if (!usable) await revokeLink(tx, current.id, now);
      await tx
        .update(availabilityChecks)
        .set({ linkId: link.id, remindedAt: now, reminders: check.reminders + 1 })
        .where(eq(availabilityChecks.id, check.id));
      const need = (await loadNeed(tx, check.caseId))!;
      await mailCheck(tx, { caseId: check.caseId, recipient: check.recipient, company, need, link, reminder: true });
      events.push({
        caseId: check.caseId,
        createdAt: now,
        type: 'availability_check_reminded',
        data: { checkId: check.id, companyId: check.companyId, company },
      });
    }
    await recordCaseEvents(tx, events);
    return events.length;
  });
  if (sent > 0) log.info({ event: 'availability.reminded', checks: sent });
  return sent;
}

export function startAvailabilityReminderWorker(): () => void {
  return runPeriodically(
    'availability_reminders',
    () => sendDueReminders(),
    config().AVAILABILITY_REMINDER_INTERVAL_MINUTES * MINUTE_MS,
    FIRST_RUN_DELAY_MS,
  );
}
