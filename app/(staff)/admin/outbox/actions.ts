'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { retryMailNow } from '@/lib/outbox/overview';
import { retryMailSchema } from '@/lib/outbox/schema';

const refusals = {
  not_found: messages.outbox.notFound,
  sent: messages.outbox.alreadySent,
  sending: messages.outbox.sendingNow,
} as const;

export const retryOutboxMail = staffAction('admin', retryMailSchema, async (_user, input): Promise<ActionResult<null>> => {
  const result = await retryMailNow(input.id);
  if (!result.ok) return { ok: false, error: refusals[result.reason] };
  revalidatePath('/admin/outbox');
  return { ok: true, data: null };
});
