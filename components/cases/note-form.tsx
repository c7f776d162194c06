'use client';

import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { noteSchema } from '@/lib/cases/schema';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { useActionForm } from '../use-action-form';

const t = messages.caseView;
export type AddNote = (input: z.output<typeof noteSchema>) => Promise<ActionResult<unknown>>;

export function NoteForm({ caseId, addNote }: { caseId: number; addNote: AddNote }) {
  const router = useRouter();
  const { form, result, onSubmit, field } = useActionForm({
    schema: noteSchema,
    defaultValues: { caseId, text: '' },
    action: addNote,
    onSuccess: () => {
      form.reset({ caseId, text: '' });
      router.refresh();
    },
  });
  // On failure the text stays in the field.
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3">
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? t.noteSaved : result.error}</Alert>}
      <input type="hidden" {...form.register('caseId')} />
      <Field label={t.notes} hint={t.noteHint} {...field('text', { id: 'note' })}>
        {(input) => <textarea {...input} rows={3} className={inputClass} />}
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t.addNote}
      </Button>
    </form>
  );
}
