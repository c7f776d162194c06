'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { setIntroductionOutcome } from '@/app/(staff)/introductions/actions';
import { AGREEMENT_KINDS, type IntroductionOutcome } from '@/lib/introductions/vocabulary';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { LIMITS } from '@/lib/introductions/limits';
import { type OutcomeInput, outcomeSchema, type OutcomeUpdate } from '@/lib/introductions/schema';
import { Alert } from '../ui/alert';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.introductions;

interface Props {
  introduction: { id: number; version: number; outcome: IntroductionOutcome; agreementKind: string | null; followUpOn: string | null };
  /** The current outcome first, then those it may change to. */
  options: readonly IntroductionOutcome[];
}

/** Outcome, kind of agreement and follow-up date of one introduction. */
export function OutcomeForm({ introduction, options }: Props) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const prefix = `outcome-${introduction.id}`;
  const { register, handleSubmit, watch, setError, setValue, formState } = useForm<OutcomeInput, unknown, OutcomeUpdate>({
    resolver: zodResolver(outcomeSchema),
    defaultValues: {
      introductionId: introduction.id,
      version: introduction.version,
      outcome: introduction.outcome,
      agreementKind: introduction.agreementKind ?? '',
      followUpOn: introduction.followUpOn ?? '',
      note: '',
    },
  });

  const onSubmit = async (values: OutcomeUpdate) => {
    const result: ActionResult<{ version: number }> = await setIntroductionOutcome(values).catch(() => ({ ok: false, error: messages.errors.unexpected }));
    if (result.ok) {
      setValue('version', result.data.version);
      setValue('note', '');
      setNotice({ tone: 'success', text: t.outcome.saved });
      router.refresh();
      return;
    }
    setNotice({ tone: 'error', text: result.error });
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof OutcomeInput, { message });
  };

  const e = formState.errors;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-3" aria-label={t.outcome.title}>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <input type="hidden" {...register('introductionId')} />
      <input type="hidden" {...register('version')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-outcome`} label={t.outcome.outcome} error={e.outcome?.message}>
          <select {...register('outcome')} {...describedBy(`${prefix}-outcome`, { error: e.outcome?.message })} className={inputClass}>
            {options.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t.outcomes[outcome]}
              </option>
            ))}
          </select>
        </Field>
        {watch('outcome') === 'agreement' && (
          <Field id={`${prefix}-kind`} label={t.outcome.agreementKind} error={e.agreementKind?.message}>
            <select {...register('agreementKind')} {...describedBy(`${prefix}-kind`, { error: e.agreementKind?.message })} className={inputClass}>
              <option value="">{messages.request.chooseOption}</option>
              {AGREEMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.agreementKinds[kind]}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id={`${prefix}-follow-up`} label={t.outcome.followUpOn} error={e.followUpOn?.message}>
          <input type="date" {...register('followUpOn')} {...describedBy(`${prefix}-follow-up`, { error: e.followUpOn?.message })} className={inputClass} />
        </Field>
      </div>
      <Field id={`${prefix}-note`} label={t.outcome.note} error={e.note?.message}>
        <textarea rows={2} maxLength={LIMITS.note} {...register('note')} {...describedBy(`${prefix}-note`, { error: e.note?.message })} className={inputClass} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70">
        {t.outcome.save}
      </button>
    </form>
  );
}
