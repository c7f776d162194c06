'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { attachMailToCase } from '@/lib/inbound/attach';
import { attachMailSchema, newCaseFromMailSchema } from '@/lib/inbound/schema';
import { startCaseFromMail } from '@/lib/inbound/unassigned';

/** "Einem Fall zuordnen" on the unassigned mail list. */
export const attachMail = staffAction('expert', attachMailSchema, async (user, input) => {
  const result = await attachMailToCase(user, input);
  if (result.ok) revalidatePath('/mail');
  return result;
});

/** "Neuen Fall anlegen" from an unassigned mail. */
export const newCaseFromMail = staffAction('expert', newCaseFromMailSchema, async (user, input) => {
  const result = await startCaseFromMail(user, input);
  if (result.ok) revalidatePath('/mail');
  return result;
});
