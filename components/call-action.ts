import type { ActionFailure, ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';

/** Runs a server action; a network or server failure becomes the German message, not a crash. */
export async function callAction<I, T, Extra extends object = object>(
  action: (input: I) => Promise<ActionResult<T, Extra>>,
  input: I,
): Promise<ActionResult<T, Extra>> {
  try {
    return await action(input);
  } catch {
    return { ok: false, error: messages.errors.unexpected } as ActionFailure<Extra>;
  }
}
