'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { eraseRequesterSchema } from '@/lib/privacy/schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

const t = messages.dataProtection;

type Input = z.input<typeof eraseRequesterSchema>;
type Output = z.output<typeof eraseRequesterSchema>;
type Erased = { cases: number; mails: number };
export type EraseRequesterData = (input: Output) => Promise<ActionResult<Erased>>;

/** Erasure needs a deliberate second step: the admin confirms before anything is removed. */
export function EraseRequesterForm({ email, caseCount, action }: { email: string; caseCount: number; action: EraseRequesterData }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<Erased>>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(eraseRequesterSchema),
    defaultValues: { email, confirm: false as unknown as true },
  });

  const onSubmit = async (values: Output) => {
    setResult(undefined);
    const outcome = await action(values).catch(() => ({ ok: false as const, error: messages.errors.unexpected }));
    setResult(outcome);
    if (outcome.ok) router.refresh();
  };

  const confirmError = errors.confirm?.message;
  // Stays mounted across the refresh after an erasure, so the confirmation remains visible.
  if (!result?.ok && caseCount === 0) return null;
  return (
    <section aria-labelledby="erase-title" className="space-y-3 rounded-lg border border-red-200 bg-white p-4">
      <h2 id="erase-title" className="text-lg font-semibold text-red-900">
        {t.eraseTitle}
      </h2>
      {result?.ok ? (
        <Alert tone="success">{t.erased(result.data.cases, result.data.mails)}</Alert>
      ) : (
        <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-3">
          {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
          <p className="text-slate-800">{t.eraseExplanation(caseCount)}</p>
          <input type="hidden" {...register('email')} />
          <div>
            <label className="flex items-start gap-3 text-slate-900">
              <input
                type="checkbox"
                {...register('confirm')}
                aria-invalid={confirmError ? true : undefined}
                aria-describedby={confirmError ? 'erase-confirm-error' : undefined}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <span>{t.eraseConfirm}</span>
            </label>
            {confirmError && (
              <p id="erase-confirm-error" className="mt-1 text-sm font-medium text-red-700">
                {confirmError}
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
