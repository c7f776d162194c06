'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { duplicateSchema } from '@/lib/cases/schema';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.caseView;
type Input = z.input<typeof duplicateSchema>;
type Output = z.output<typeof duplicateSchema>;
export type MarkDuplicate = (input: Output) => Promise<ActionResult<null>>;

export function DuplicateForm({ caseId, markDuplicate }: { caseId: number; markDuplicate: MarkDuplicate }) {
  const router = useRouter();
  const [error, setErrorText] = useState<string>();
  const { register, handleSubmit, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(duplicateSchema),
    defaultValues: { caseId, originalReference: '' },
  });
  const onSubmit = async (values: Output) => {
    const result = await markDuplicate(values).catch(() => ({ ok: false as const, error: messages.errors.unexpected }));
    if (result.ok) router.refresh();
    else setErrorText(result.error);
  };
  const fieldError = formState.errors.originalReference?.message;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <input type="hidden" {...register('caseId')} />
      <Field id="originalReference" label={t.originalReference} error={fieldError}>
        <input {...register('originalReference')} {...describedBy('originalReference', { error: fieldError })} className={`${inputClass} font-mono uppercase`} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100">
        {t.markDuplicateButton}
      </button>
    </form>
  );
}
