'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { noteSchema } from '@/lib/cases/schema';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { describedBy, Field, inputClass } from '../ui/field';

const t = messages.caseView;
type Input = z.input<typeof noteSchema>;
type Output = z.output<typeof noteSchema>;
export type AddNote = (input: Output) => Promise<ActionResult<null>>;

export function NoteForm({ caseId, addNote }: { caseId: number; addNote: AddNote }) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const { register, handleSubmit, reset, formState } = useForm<Input, unknown, Output>({
    resolver: zodResolver(noteSchema),
    defaultValues: { caseId, text: '' },
  });

  const onSubmit = async (values: Output) => {
    const result = await addNote(values).catch(() => ({ ok: false as const, error: messages.errors.unexpected }));
    if (result.ok) {
      reset({ caseId, text: '' });
      setNotice({ tone: 'success', text: t.noteSaved });
      router.refresh();
    } else setNotice({ tone: 'error', text: result.error }); // the text stays in the field
  };

  const error = formState.errors.text?.message;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="space-y-3">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <input type="hidden" {...register('caseId')} />
      <Field id="note" label={t.notes} hint={t.noteHint} error={error}>
        <textarea {...register('text')} {...describedBy('note', { hint: t.noteHint, error })} rows={3} className={inputClass} />
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {t.addNote}
      </Button>
    </form>
  );
}
