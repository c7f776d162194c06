import pino from 'pino';

/**
 * One JSON line per event. Never pass personal data (names, emails, IPs, free text):
 * log ids, references and counts instead.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'lotse' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
