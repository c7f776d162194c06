'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { bulkSchema } from '@/lib/cases/schema';
import { bulkUpdate } from '@/lib/cases/update';
import { messages } from '@/lib/i18n';

/** Queue bulk actions and "assign to me" (a bulk action on one case). */
export async function bulkUpdateCases(input: unknown): Promise<ActionResult<{ changed: number; skipped: number }>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = bulkSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.errors.invalidInput };
  const result = await bulkUpdate(auth.data, parsed.data);
  if (!result.ok) return result;
  revalidatePath('/cases');
  return { ok: true, data: { changed: result.changed, skipped: result.skipped } };
}
