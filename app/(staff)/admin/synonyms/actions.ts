'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { synonymTextSchema } from '@/lib/suppliers/synonym-schema';
import { replaceSynonymGroups } from '@/lib/suppliers/synonyms';

export const saveSynonyms = staffAction('admin', synonymTextSchema, async (_user, input): Promise<ActionResult<{ groups: number }>> => {
  await replaceSynonymGroups(input.text);
  revalidatePath('/admin/synonyms');
  return { ok: true, data: { groups: input.text.length } };
});
