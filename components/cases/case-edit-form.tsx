'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { needsReason } from '@/lib/cases/lifecycle';
import { caseUpdateSchema } from '@/lib/cases/schema';
import type { CaseChangeResult, EditableState } from '@/lib/cases/update';
import { CASE_PRIORITIES, type CaseStatus } from '@/lib/cases/vocabulary';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

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
  const [theirs, setTheirs] = useState<EditableState>();
  const { form, result, onSubmit, field } = useActionForm({
    schema: caseUpdateSchema,
    defaultValues: toForm(caseId, state),
    action: save,
    onSuccess: ({ version }) => {
      setTheirs(undefined);
      form.setValue('version', version);
      form.setValue('reason', '');
      form.reset(form.getValues()); // the saved values are the new baseline
      router.refresh();
    },
    onFailure: ({ current }) => {
      if (!current) return;
      // Saving again now means: "I have seen their change, keep mine".
      setTheirs(current);
      form.setValue('version', current.version);
      router.refresh();
    },
  });
  // A change made elsewhere on the page (the first introduction sets the status) arrives with
  // the refresh: an untouched form follows it; typed values stay for the conflict check on save.
  const { isDirty, isSubmitting } = form.formState;
  // `state` is a new object on every render: only a new version of the case is news.
  const latest = useRef(state);
  latest.current = state;
  const incomingVersion = state.version;
  useEffect(() => {
    if (!isDirty && form.getValues('version') !== incomingVersion) form.reset(toForm(caseId, latest.current));
  }, [incomingVersion, isDirty, caseId, form]);

  const status = form.watch('status') as CaseStatus;
  const staffName = (id: number | null) => staff.find((s) => s.id === id)?.name ?? t.nobody;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.saved : result.error}</Alert>}
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
      <input type="hidden" {...form.register('caseId')} />
      <input type="hidden" {...form.register('version')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t.status} {...field('status')}>
          {(input) => (
            <select {...input} className={inputClass}>
              {statusOptions.map((s) => (
                <option key={s} value={s}>
                  {messages.statuses[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.priority} {...field('priority')}>
          {(input) => (
            <select {...input} className={inputClass}>
              {CASE_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {messages.priorities[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.assignee} {...field('assigneeId')}>
          {(input) => (
            <select {...input} className={inputClass}>
              <option value="">{t.nobody}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.dueDate} {...field('dueDate')}>
          {(input) => <input type="date" {...input} className={inputClass} />}
        </Field>
      </div>
      <Field label={t.tags} {...field('tags')}>
        {(input) => <input {...input} className={inputClass} />}
      </Field>
      {needsReason(status) && (
        <Field label={t.reason} required {...field('reason')}>
          {(input) => <textarea {...input} rows={2} className={inputClass} />}
        </Field>
      )}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t.saving : t.save}
      </Button>
    </form>
  );
}
