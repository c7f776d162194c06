'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { synonymTextSchema } from '@/lib/suppliers/synonym-schema';
import { replaceSynonymGroups } from '@/lib/suppliers/synonyms';

export async function saveSynonyms(input: unknown): Promise<ActionResult<{ groups: number }>> {
  const auth = await authorizeAction('admin');
  if (!auth.ok) return auth;
  const parsed = synonymTextSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? messages.errors.invalidInput };
  }
  await replaceSynonymGroups(parsed.data.text);
  revalidatePath('/admin/synonyms');
  return { ok: true, data: { groups: parsed.data.text.length } };
}
