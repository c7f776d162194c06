'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { recordPhoneConsent } from '@/lib/availability/consent';
import { phoneConsentSchema, sendChecksSchema } from '@/lib/availability/schema';
import { sendAvailabilityChecks } from '@/lib/availability/send';
import { changeOutcome, logIntroduction, sendIntroduction } from '@/lib/introductions/record';
import {
  introductionSchema,
  outcomeSchema,
  sendIntroductionSchema,
  shortlistAddSchema,
  shortlistRemoveSchema,
} from '@/lib/introductions/schema';
import { addToShortlist, removeFromShortlist } from '@/lib/introductions/shortlist';

export const shortlistCandidate = staffAction('expert', shortlistAddSchema, async (user, input) => {
  const result = await addToShortlist(user, input);
  if (result.ok) revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const unshortlistCandidate = staffAction('expert', shortlistRemoveSchema, async (user, input) => {
  const result = await removeFromShortlist(user, input);
  if (result.ok) revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const recordIntroduction = staffAction('expert', introductionSchema, async (user, input) => {
  const result = await logIntroduction(user, input);
  if (result.ok) revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const setIntroductionOutcome = staffAction('expert', outcomeSchema, async (user, input) => {
  const result = await changeOutcome(user, input);
  if (result.ok) revalidatePath('/introductions');
  return result;
});

export const sendIntroductionText = staffAction('expert', sendIntroductionSchema, (user, input) =>
  sendIntroduction(user, input.introductionId),
);

export const askAvailability = staffAction('expert', sendChecksSchema, async (user, input) => {
  const result = await sendAvailabilityChecks(user, input);
  if (result.ok) revalidatePath(`/cases/${input.caseId}`);
  return result;
});

export const recordSupplierConsent = staffAction('expert', phoneConsentSchema, async (user, input) => {
  const result = await recordPhoneConsent(user, input);
  if (result.ok) revalidatePath(`/cases/${input.caseId}`);
  return result;
});
