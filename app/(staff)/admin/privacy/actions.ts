'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { fieldErrorsOf } from '@/lib/intake/schema';
import { eraseRequester } from '@/lib/privacy/requester';
import { eraseRequesterSchema } from '@/lib/privacy/schema';

export async function eraseRequesterData(input: unknown): Promise<ActionResult<{ cases: number; mails: number }>> {
  const auth = await authorizeAction('admin');
  if (!auth.ok) return auth;
  const parsed = eraseRequesterSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? messages.errors.invalidInput, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const erased = await eraseRequester(auth.data, parsed.data.email);
  if (!erased) return { ok: false, error: messages.dataProtection.nothingToErase };
  revalidatePath('/admin/privacy');
  return { ok: true, data: erased };
}
