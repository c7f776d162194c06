'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { authorizeAction } from '@/app/guards';
import { messages } from '@/lib/i18n';
import { type CompanyChangeResult, createCompany, updateCompany } from '@/lib/suppliers/edit';
import { companyEditSchema } from '@/lib/suppliers/form';
import { companyInputSchema } from '@/lib/suppliers/schema';

/** Field → first message; issues inside `company` are reported under the company's field names. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === 'company' ? issue.path.slice(1) : issue.path;
    const field = String(path[0] ?? '');
    if (field && !(field in out)) out[field] = issue.message;
  }
  return out;
}

export async function createSupplier(input: unknown): Promise<CompanyChangeResult> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = companyInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrors(parsed.error) };
  const result = await createCompany(auth.data, parsed.data);
  if (result.ok) revalidatePath('/suppliers');
  return result;
}

export async function saveSupplier(input: unknown): Promise<CompanyChangeResult> {
  const auth = await authorizeAction('expert');
  if (!auth.ok) return auth;
  const parsed = companyEditSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: messages.request.fixErrors, fieldErrors: fieldErrors(parsed.error) };
  const result = await updateCompany(auth.data, parsed.data);
  revalidatePath(`/suppliers/${parsed.data.id}`);
  return result;
}
