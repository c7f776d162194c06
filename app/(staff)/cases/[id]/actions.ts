'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { fieldErrorsOf } from '@/lib/intake/schema';
import { caseUpdateSchema, duplicateSchema, noteSchema, takeCaseSchema } from '@/lib/cases/schema';
import { addNote, type CaseChangeResult, markDuplicate, takeCase, updateCase } from '@/lib/cases/update';
import { messages } from '@/lib/i18n';

export async function saveCase(input: unknown): Promise<CaseChangeResult> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = caseUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await updateCase(auth.data, parsed.data);
  revalidatePath(`/cases/${parsed.data.caseId}`);
  return result;
}

export async function addCaseNote(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = noteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await addNote(auth.data, parsed.data.caseId, parsed.data.text);
  if (!result.ok) return result;
  revalidatePath(`/cases/${parsed.data.caseId}`);
  return { ok: true, data: null };
}

export async function markCaseDuplicate(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = duplicateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await markDuplicate(auth.data, parsed.data.caseId, parsed.data.originalReference);
  if (!result.ok) return result;
  revalidatePath(`/cases/${parsed.data.caseId}`);
  return { ok: true, data: null };
}

export async function takeCaseOver(input: unknown): Promise<CaseChangeResult> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = takeCaseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.errors.invalidInput };
  const result = await takeCase(auth.data, parsed.data.caseId, parsed.data.version);
  revalidatePath(`/cases/${parsed.data.caseId}`);
  return result;
}
