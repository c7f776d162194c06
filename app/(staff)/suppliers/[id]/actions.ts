'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/app/guards';
import { createCompany, updateCompany } from '@/lib/suppliers/edit';
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
