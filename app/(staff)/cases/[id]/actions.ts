'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { caseUpdateSchema, duplicateSchema, noteSchema, takeCaseSchema } from '@/lib/cases/schema';
import { addNote, markDuplicate, takeCase, updateCase } from '@/lib/cases/update';
import { messageSchema } from '@/lib/conversations/schema';
import { sendMessage } from '@/lib/conversations/send';

export const saveCase = staffAction('expert', caseUpdateSchema, async (user, input) => {
  const result = await updateCase(user, input);
  // Also after a conflict: the page then shows the other person's change.
  revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const addCaseNote = staffAction('expert', noteSchema, async (user, input) => {
  const result = await addNote(user, input.caseId, input.text);
  if (result.ok) revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const markCaseDuplicate = staffAction('expert', duplicateSchema, async (user, input) => {
  const result = await markDuplicate(user, input.caseId, input.originalReference);
  if (result.ok) revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const takeCaseOver = staffAction('expert', takeCaseSchema, async (user, input) => {
  const result = await takeCase(user, input.caseId, input.version);
  // Also after a conflict: the page then shows the other person's change.
  revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const sendCaseMessage = staffAction('expert', messageSchema, async (user, input) => {
  const result = await sendMessage(user, input);
  // Also after a conflict: the page then shows the other person's change.
  revalidatePath(`/cases/${input.caseId}`);
  return result;
});
