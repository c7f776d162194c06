'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { recordIntroduction } from '@/app/(staff)/introductions/actions';
import type { ActionResult } from '@/lib/action-result';
import { INTRODUCTION_CHANNELS } from '@/lib/introductions/vocabulary';
import { messages } from '@/lib/i18n';
import { LIMITS } from '@/lib/introductions/limits';
import { type IntroductionInput, introductionSchema, type NewIntroduction } from '@/lib/introductions/schema';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.introductions;

interface Props {
  caseId: number;
  /** The shortlisted companies: an introduction is made to one of them. */
  companies: { id: number; name: string }[];
  today: string;
  followUpDefault: string;
}

export function IntroductionForm({ caseId, companies, today, followUpDefault }: Props) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const defaults: IntroductionInput = {
    caseId,
    companyId: companies[0]?.id ?? 0,
    introducedOn: today,
    channel: 'email',
    note: '',
    contactShared: false,
    followUpOn: followUpDefault,
  };
  const { register, handleSubmit, reset, setError, formState } = useForm<IntroductionInput, unknown, NewIntroduction>({
    resolver: zodResolver(introductionSchema),
    defaultValues: defaults,
  });

  const onSubmit = async (values: NewIntroduction) => {
    const result: ActionResult<{ id: number }> = await recordIntroduction(values).catch(() => ({ ok: false, error: messages.errors.unexpected }));
    if (result.ok) {
      reset(defaults);
      setNotice({ tone: 'success', text: t.log.saved });
      router.refresh();
      return;
    }
    setNotice({ tone: 'error', text: result.error });
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof IntroductionInput, { message });
  };

  const e = formState.errors;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-3" aria-label={t.log.title}>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <input type="hidden" {...register('caseId')} />
      <Field id="intro-company" label={t.log.company} error={e.companyId?.message}>
        <select {...register('companyId')} {...describedBy('intro-company', { error: e.companyId?.message })} className={inputClass}>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="intro-date" label={t.log.date} error={e.introducedOn?.message}>
          <input type="date" max={today} {...register('introducedOn')} {...describedBy('intro-date', { error: e.introducedOn?.message })} className={inputClass} />
        </Field>
        <Field id="intro-channel" label={t.log.channel} error={e.channel?.message}>
          <select {...register('channel')} {...describedBy('intro-channel', { error: e.channel?.message })} className={inputClass}>
            {INTRODUCTION_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t.channels[channel]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-900">
        <input type="checkbox" {...register('contactShared')} className="mt-0.5 size-4 shrink-0" />
        <span>{t.log.contactShared}</span>
      </label>
      <Field id="intro-follow-up" label={t.log.followUpOn} error={e.followUpOn?.message}>
        <input type="date" min={today} {...register('followUpOn')} {...describedBy('intro-follow-up', { error: e.followUpOn?.message })} className={inputClass} />
      </Field>
      <Field id="intro-note" label={t.log.note} error={e.note?.message}>
        <textarea rows={2} maxLength={LIMITS.note} {...register('note')} {...describedBy('intro-note', { error: e.note?.message })} className={inputClass} />
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {t.log.submit}
      </Button>
    </form>
  );
}
