'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { needsReason } from '@/lib/cases/lifecycle';
import { caseUpdateSchema } from '@/lib/cases/schema';
import type { CaseChangeResult, EditableState } from '@/lib/cases/update';
import { CASE_PRIORITIES, type CaseStatus } from '@/lib/cases/vocabulary';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.caseView;
type Input = z.input<typeof caseUpdateSchema>;
type Output = z.output<typeof caseUpdateSchema>;
export type SaveCase = (input: Output) => Promise<CaseChangeResult>;

interface Props {
  caseId: number;
  state: EditableState;
  statusOptions: CaseStatus[];
  staff: { id: number; name: string }[];
  save: SaveCase;
}

const toForm = (caseId: number, s: EditableState): Input => ({
  caseId,
  version: s.version,
  status: s.status,
  priority: s.priority,
  assigneeId: s.assigneeId ? String(s.assigneeId) : '',
  dueDate: s.dueDate ?? '',
  tags: s.tags.join(', '),
  reason: '',
});

/**
 * Status, priority, assignee, due date and tags, saved together against the version the
 * form was loaded with. On a conflict the typed values stay; the current state is shown.
 */
export function CaseEditForm({ caseId, state, statusOptions, staff, save }: Props) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [theirs, setTheirs] = useState<EditableState>();
  const { register, handleSubmit, watch, setValue, getValues, setError, reset, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(caseUpdateSchema),
    defaultValues: toForm(caseId, state),
  });
  const errors = formState.errors;
  // A change made elsewhere on the page (the first introduction sets the status) arrives with
  // the refresh: an untouched form follows it; typed values stay for the conflict check on save.
  const { isDirty } = formState;
  useEffect(() => {
    if (!isDirty) reset(toForm(caseId, state));
    // Only a new version of the case is news; `state` is a new object on every render.
  }, [state.version]);

  const status = watch('status') as CaseStatus;
  const staffName = (id: number | null) => staff.find((s) => s.id === id)?.name ?? t.nobody;

  const onSubmit = async (values: Output) => {
    setNotice(undefined);
    const result = await save(values).catch(() => ({ ok: false as const, error: messages.errors.unexpected }));
    if (result.ok) {
      setTheirs(undefined);
      setValue('version', result.version);
      setValue('reason', '');
      reset(getValues()); // the saved values are the new baseline
      setNotice({ tone: 'success', text: t.saved });
      router.refresh();
      return;
    }
    setNotice({ tone: 'error', text: result.error });
    if ('current' in result && result.current) {
      // Saving again now means: "I have seen their change, keep mine".
      setTheirs(result.current);
      setValue('version', result.current.version);
      router.refresh();
    }
    for (const [name, message] of Object.entries(('fieldErrors' in result && result.fieldErrors) || {})) {
      setError(name as keyof Input, { type: 'server', message });
    }
  };

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-4">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {theirs && (
        <div className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm" data-testid="current-state">
          <p className="font-semibold">{t.currentState}</p>
          <ul className="mt-1 list-disc pl-5">
            <li>
              {t.status}: {messages.statuses[theirs.status]}
            </li>
            <li>
              {t.priority}: {messages.priorities[theirs.priority]}
            </li>
            <li>
              {t.assignee}: {staffName(theirs.assigneeId)}
            </li>
            <li>
              {t.dueDate}: {theirs.dueDate ? formatDate(theirs.dueDate) : '–'}
            </li>
            <li>
              {t.tags}: {theirs.tags.join(', ') || '–'}
            </li>
          </ul>
        </div>
      )}
      <input type="hidden" {...register('caseId')} />
      <input type="hidden" {...register('version')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="status" label={t.status} error={errors.status?.message}>
          <select {...register('status')} {...describedBy('status', { error: errors.status?.message })} className={inputClass}>
            {statusOptions.map((s) => (
              <option key={s} value={s}>
                {messages.statuses[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="priority" label={t.priority} error={errors.priority?.message}>
          <select {...register('priority')} {...describedBy('priority', { error: errors.priority?.message })} className={inputClass}>
            {CASE_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {messages.priorities[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="assigneeId" label={t.assignee} error={errors.assigneeId?.message}>
          <select {...register('assigneeId')} {...describedBy('assigneeId', { error: errors.assigneeId?.message })} className={inputClass}>
            <option value="">{t.nobody}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="dueDate" label={t.dueDate} error={errors.dueDate?.message}>
          <input type="date" {...register('dueDate')} {...describedBy('dueDate', { error: errors.dueDate?.message })} className={inputClass} />
        </Field>
      </div>
      <Field id="tags" label={t.tags} error={errors.tags?.message}>
        <input {...register('tags')} {...describedBy('tags', { error: errors.tags?.message })} className={inputClass} />
      </Field>
      {needsReason(status) && (
        <Field id="reason" label={t.reason} required error={errors.reason?.message}>
          <textarea {...register('reason')} {...describedBy('reason', { error: errors.reason?.message })} rows={2} className={inputClass} />
        </Field>
      )}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t.saving : t.save}
      </Button>
    </form>
  );
}
