/**
 * What every server action (and the lib function behind it) returns: data, or a German message
 * with optional field errors. `Extra` is what a refusal may carry besides (the current state
 * after a conflict), optional so a form reads it as `!result.ok && result.current`.
 */
export type ActionResult<T, Extra extends object = object> = { ok: true; data: T } | ActionFailure<Extra>;

export type ActionFailure<Extra extends object = object> = {
  ok: false;
  error: string;
  fieldErrors?: Record<string, string>;
} & Partial<Extra>;
