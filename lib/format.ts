import { TIME_ZONE } from './time';

const relative = new Intl.RelativeTimeFormat('de', { numeric: 'auto', style: 'short' });
const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
const dateOnly = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: TIME_ZONE });

/** "vor 5 Min.", "vor 3 Std.", "vor 2 Tagen": how long a case has waited. */
export function formatAge(since: Date, now = new Date()): string {
  const minutes = Math.round((now.getTime() - since.getTime()) / 60_000);
  if (minutes < 60) return relative.format(-Math.max(minutes, 0), 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return relative.format(-hours, 'hour');
  return relative.format(-Math.round(hours / 24), 'day');
}

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** For `YYYY-MM-DD` strings (dates without time) and Date objects. */
export function formatDate(date: Date | string): string {
  return dateOnly.format(typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date);
}

// Kept here too: pages format and name days through one import.
export { berlinDate } from './time';

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** "850 Bytes", "12,4 KB", "3,1 MB": a file's size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} Bytes`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} KB`;
  return `${decimal.format(bytes / (1024 * 1024))} MB`;
}
