import { z } from 'zod';
import { messages } from '../i18n';
import { addDays, daysBetween, mondayOf } from '../time';

const t = messages.reports.period;

/** Weeks shown when the URL names no period: the current ISO week and the eleven before it. */
export const DEFAULT_WEEKS = 12;
/** Longer periods make weekly charts unreadable and exports slow; a report covers at most this. */
export const MAX_PERIOD_DAYS = 3 * 366;

/** The current ISO week up to today and the `weeks - 1` whole weeks before it. */
export function lastWeeks(today: string, weeks = DEFAULT_WEEKS): ReportPeriod {
  return { from: addDays(mondayOf(today), -7 * (weeks - 1)), to: today };
}

const isoDate = z.iso.date({ error: t.invalidDate });

/** A report period: whole days from `from` to `to`, both included, in Europe/Berlin. */
export const reportPeriodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: t.fromAfterTo, path: ['to'] })
  .refine((p) => daysBetween(p.from, p.to) < MAX_PERIOD_DAYS, {
    error: t.tooLong(MAX_PERIOD_DAYS),
    path: ['to'],
  });

export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

export type PeriodParseResult = { ok: true; period: ReportPeriod } | { ok: false; error: string; period: ReportPeriod };

/**
 * The period in URL parameters; a missing bound takes its default. Invalid input comes back
 * with the German reason and the default period, so a page can still show something.
 */
export function parseReportPeriod(params: { from?: string | null; to?: string | null }, today: string): PeriodParseResult {
  const fallback = lastWeeks(today);
  const parsed = reportPeriodSchema.safeParse({ from: params.from || fallback.from, to: params.to || fallback.to });
  if (parsed.success) return { ok: true, period: parsed.data };
  return { ok: false, error: parsed.error.issues[0]?.message ?? t.invalidDate, period: fallback };
}
