'use client';

import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { duplicateSchema } from '@/lib/cases/schema';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.caseView;
export type MarkDuplicate = (input: z.output<typeof duplicateSchema>) => Promise<ActionResult<unknown>>;

export function DuplicateForm({ caseId, markDuplicate }: { caseId: number; markDuplicate: MarkDuplicate }) {
  const router = useRouter();
  const { form, result, onSubmit, field } = useActionForm({
    schema: duplicateSchema,
    defaultValues: { caseId, originalReference: '' },
    action: markDuplicate,
    onSuccess: () => router.refresh(),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3">
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      <input type="hidden" {...form.register('caseId')} />
      <Field label={t.originalReference} {...field('originalReference')}>
        {(input) => <input {...input} className={`${inputClass} font-mono uppercase`} />}
      </Field>
      <button
        type="submit"
        disabled={form.formState.isSubmitting}
        className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
      >
        {t.markDuplicateButton}
      </button>
    </form>
  );
}
