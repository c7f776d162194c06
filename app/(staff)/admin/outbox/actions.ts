'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { retryMailNow } from '@/lib/outbox/overview';
import { retryMailSchema } from '@/lib/outbox/schema';

const refusals = {
  not_found: messages.outbox.notFound,
  sent: messages.outbox.alreadySent,
  sending: messages.outbox.sendingNow,
} as const;

export async function retryOutboxMail(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('admin');
  if (!auth.ok) return auth;
  const parsed = retryMailSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.errors.invalidInput };
  const result = await retryMailNow(parsed.data.id);
  if (!result.ok) return { ok: false, error: refusals[result.reason] };
  revalidatePath('/admin/outbox');
  return { ok: true, data: null };
}
