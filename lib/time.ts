/**
 * Time as the agency counts it: calendar days, weeks and periods in Germany (Europe/Berlin),
 * whatever time zone the server runs in. Dates without time are `YYYY-MM-DD` strings.
 */
export const TIME_ZONE = 'Europe/Berlin';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** A duration of 24 hours; a German calendar day has 23 or 25 of them twice a year (see berlinDayStart). */
export const DAY_MS = 24 * HOUR_MS;

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The calendar day in Germany as `YYYY-MM-DD`, for date-only fields (follow-ups, introductions). */
export function berlinDate(at: Date = new Date()): string {
  return isoDay.format(at);
}

/** A calendar date `days` later (or earlier); plain date arithmetic, no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** How far German wall-clock time is ahead of UTC at this instant (1 or 2 hours). */
function berlinOffsetMs(at: number): number {
  const part = Object.fromEntries(wallClock.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day begins in Germany (midnight is never skipped: clocks change at 2 or 3 am). */
export function berlinDayStart(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  return new Date(utcMidnight - berlinOffsetMs(utcMidnight - 2 * HOUR_MS));
}

/** The instants from the first day's midnight to the midnight after the last day, in Germany. */
export function berlinDays(from: string, to: string): { start: Date; end: Date } {
  return { start: berlinDayStart(from), end: berlinDayStart(addDays(to, 1)) };
}

/** The hour (0–23) on German clocks at this instant. */
export function berlinHour(at: Date = new Date()): number {
  return Number(wallClock.formatToParts(at).find((p) => p.type === 'hour')!.value);
}

/** Monday to Friday; public holidays are working days here as everywhere else in Lotse (first response). */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
