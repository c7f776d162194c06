'use server';

import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { changeOwnPasswordSchema } from '@/lib/auth/schema';
import { changeOwnPassword } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';
import { fieldErrorsOf } from '@/lib/intake/schema';

export async function changeMyPassword(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction();
  if (!auth.ok) return auth;
  const parsed = changeOwnPasswordSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const result = await changeOwnPassword(auth.data, parsed.data.currentPassword, parsed.data.newPassword);
  return result.ok ? { ok: true, data: null } : result;
}
