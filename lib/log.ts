import pino, { type Logger } from 'pino';

/**
 * One JSON line per event. Never pass personal data (names, emails, IPs, free text):
 * log ids, references and counts instead.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'lotse' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError;
}

// drizzle's DrizzleQueryError appends the bound values to its message ("Failed query: …\nparams: …").
const PARAMS_IN_MESSAGE = /\nparams: [\s\S]*$/;
// SQLSTATE class 22 (data exception) messages quote the offending value: invalid input syntax for type integer: "…".
const QUOTED = /"[^"]*"/g;

/**
 * What of an error may be logged: type, message, SQLSTATE code, stack and the same of its cause.
 * Everything else is left out on purpose: postgres.js errors carry the statement's
 * `parameters`/`args` and a `detail` naming the row's values, PGlite errors `params`, and those
 * hold what people typed (names, phone numbers in notes).
 */
function loggable(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '(not an Error)' };
  const { code: rawCode } = error as Error & { code?: unknown };
  const code = typeof rawCode === 'string' ? rawCode : undefined;
  let message = error.message.replace(PARAMS_IN_MESSAGE, '');
  if (code?.startsWith('22')) message = message.replace(QUOTED, '"…"');
  // The stack's first line repeats the message: it gets the cleaned one.
  const frames = error.stack?.includes('\n    at ') ? error.stack.slice(error.stack.indexOf('\n    at ')) : '';
  return {
    type: error.name,
    message,
    ...(code && { code }),
    stack: `${error.name}: ${message}${frames}`,
    ...(error.cause !== undefined && depth < 3 && { cause: loggable(error.cause, depth + 1) }),
  };
}

/** Logs a failure with its stack but none of the data the failed statement carried. */
export function logError(
  event: string,
  error: unknown,
  context: Record<string, string | number | boolean> = {},
  logger: Logger = log,
): void {
  logger.error({ event, ...context, error: loggable(error) });
}
