'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { bulkSchema } from '@/lib/cases/schema';
import { bulkUpdate } from '@/lib/cases/update';

/** Queue bulk actions and "assign to me" (a bulk action on one case). */
export const bulkUpdateCases = staffAction('expert', bulkSchema, async (user, input) => {
  const result = await bulkUpdate(user, input);
  if (result.ok) revalidatePath('/cases');
  return result;
});
