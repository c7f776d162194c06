'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { eraseRequester } from '@/lib/privacy/requester';
import { eraseRequesterSchema } from '@/lib/privacy/schema';

export const eraseRequesterData = staffAction(
  'admin',
  eraseRequesterSchema,
  async (user, input): Promise<ActionResult<{ cases: number; mails: number; offers: number }>> => {
    const erased = await eraseRequester(user, input.email);
    if (!erased) return { ok: false, error: messages.dataProtection.nothingToErase };
    revalidatePath('/admin/privacy');
    return { ok: true, data: erased };
  },
);
