'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/app/guards';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { fieldErrorsOf } from '@/lib/intake/schema';
import { changeOutcome, logIntroduction, sendIntroduction } from '@/lib/introductions/record';
import {
  introductionSchema,
  outcomeSchema,
  sendIntroductionSchema,
  shortlistAddSchema,
  shortlistRemoveSchema,
} from '@/lib/introductions/schema';
import { addToShortlist, removeFromShortlist } from '@/lib/introductions/shortlist';

const invalid = (error: Parameters<typeof fieldErrorsOf>[0]) => ({ ok: false as const, error: messages.request.fixErrors, fieldErrors: fieldErrorsOf(error) });

export async function shortlistCandidate(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = shortlistAddSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await addToShortlist(auth.data, parsed.data);
  if (result.ok) revalidatePath(`/cases/${parsed.data.caseId}`);
  return result;
}

export async function unshortlistCandidate(input: unknown): Promise<ActionResult<null>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = shortlistRemoveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await removeFromShortlist(auth.data, parsed.data);
  if (result.ok) revalidatePath(`/cases/${parsed.data.caseId}`);
  return result;
}

export async function recordIntroduction(input: unknown): Promise<ActionResult<{ id: number }>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = introductionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await logIntroduction(auth.data, parsed.data);
  if (result.ok) revalidatePath(`/cases/${parsed.data.caseId}`);
  return result;
}

export async function setIntroductionOutcome(input: unknown): Promise<ActionResult<{ version: number }>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = outcomeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await changeOutcome(auth.data, parsed.data);
  if (result.ok) revalidatePath('/introductions');
  return result;
}

export async function sendIntroductionText(input: unknown): Promise<ActionResult<{ recipients: number }>> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = sendIntroductionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return sendIntroduction(auth.data, parsed.data.introductionId);
}
