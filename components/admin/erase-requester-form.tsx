'use client';

import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { eraseRequesterSchema } from '@/lib/privacy/schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { useActionForm } from '../use-action-form';

const t = messages.dataProtection;

export type EraseRequesterData = (
  input: z.output<typeof eraseRequesterSchema>,
) => Promise<ActionResult<{ cases: number; mails: number; offers: number }>>;

/** Erasure needs a deliberate second step: the admin confirms before anything is removed. */
export function EraseRequesterForm({ email, caseCount, action }: { email: string; caseCount: number; action: EraseRequesterData }) {
  const router = useRouter();
  const { form, result, onSubmit, field } = useActionForm({
    schema: eraseRequesterSchema,
    defaultValues: { email, confirm: false as unknown as true },
    action,
    onSuccess: () => router.refresh(),
  });
  const { isSubmitting } = form.formState;
  const confirm = field('confirm');
  // Stays mounted across the refresh after an erasure, so the confirmation remains visible.
  if (!result?.ok && caseCount === 0) return null;
  return (
    <section aria-labelledby="erase-title" className="space-y-3 rounded-lg border border-red-200 bg-white p-4">
      <h2 id="erase-title" className="text-lg font-semibold text-red-900">
        {t.eraseTitle}
      </h2>
      {result?.ok ? (
        <Alert tone="success">{t.erased(result.data.cases, result.data.mails, result.data.offers)}</Alert>
      ) : (
        <form noValidate onSubmit={onSubmit} className="space-y-3">
          {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
          <p className="text-slate-800">{t.eraseExplanation(caseCount)}</p>
          <input type="hidden" {...form.register('email')} />
          <div>
            <label className="flex items-start gap-3 text-slate-900">
              <input
                type="checkbox"
                {...confirm.registration}
                aria-invalid={confirm.error ? true : undefined}
                aria-describedby={confirm.error ? 'erase-confirm-error' : undefined}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <span>{t.eraseConfirm}</span>
            </label>
            {confirm.error && (
              <p id="erase-confirm-error" className="mt-1 text-sm font-medium text-red-700">
                {confirm.error}
              </p>
            )}
          </div>
          <Button type="submit" disabled={isSubmitting} className="bg-red-700! hover:bg-red-800!">
            {isSubmitting ? t.erasing : t.erase}
          </Button>
        </form>
      )}
    </section>
  );
}
