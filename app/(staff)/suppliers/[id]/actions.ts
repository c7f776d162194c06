'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { z } from 'zod';
import { createCompany, updateCompany } from '@/lib/suppliers/edit';
import { requestEntryCheck } from '@/lib/suppliers/entry-check';
import { reviewEntryChange } from '@/lib/suppliers/entry-review';
import { entryReviewSchema, mergeSchema } from '@/lib/suppliers/entry-schema';
import { mergeCompanies } from '@/lib/suppliers/merge';
import { id } from '@/lib/validation';
import { companyEditSchema } from '@/lib/suppliers/form';
import { companyInputSchema } from '@/lib/suppliers/schema';

export const createSupplier = staffAction('expert', companyInputSchema, async (user, input) => {
  const result = await createCompany(user, input);
  if (result.ok) revalidatePath('/suppliers');
  return result;
});

export const saveSupplier = staffAction('expert', companyEditSchema, async (user, input) => {
  const result = await updateCompany(user, input);
  revalidatePath(`/suppliers/${input.id}`);
  return result;
});

export const requestCompanyEntryCheck = staffAction('expert', z.object({ id }), async (user, input) => {
  const result = await requestEntryCheck(user, input.id);
  revalidatePath(`/suppliers/${input.id}`);
  return result;
});

export const reviewCompanyEntryChange = staffAction('expert', entryReviewSchema, async (user, input) => {
  const result = await reviewEntryChange(user, input);
  if (result.ok) {
    revalidatePath(`/suppliers/${result.data.companyId}`);
    revalidatePath('/suppliers/review');
  }
  return result;
});

export const mergeCompany = staffAction('expert', mergeSchema, async (user, input) => {
  const result = await mergeCompanies(user, input);
  if (result.ok) revalidatePath(`/suppliers/${input.keepId}`);
  return result;
});
