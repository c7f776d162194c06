'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { templateSchema } from '@/lib/conversations/schema';
import { saveTemplate } from '@/lib/conversations/templates';

export const saveReplyTemplate = staffAction('admin', templateSchema, async (user, input) => {
  const result = await saveTemplate(user, input);
  if (result.ok) revalidatePath('/admin/templates');
  return result;
});
