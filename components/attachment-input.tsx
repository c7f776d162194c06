'use client';

import { type Ref, useRef, useState } from 'react';
import { type AttachmentLimits, limitError, megabytes } from '@/lib/attachments/limits';
import { ACCEPT } from '@/lib/attachments/types';
import { messages } from '@/lib/i18n';
import { describedBy, Field } from './ui/field';
import { FilePicker } from './ui/file-picker';

const t = messages.attachments;

interface AttachmentInputProps {
  id?: string;
  limits: AttachmentLimits;
  error?: string;
  inputRef: Ref<HTMLInputElement>;
  onChange?: () => void;
}

/** The optional file picker of forms that send attachments; the server checks the files again. */
export function AttachmentInput({ id = 'files', limits, error, inputRef, onChange }: AttachmentInputProps) {
  const hint = t.hint(limits.maxFiles, megabytes(limits.maxBytes));
  return (
    <Field id={id} label={t.label} hint={hint} error={error}>
      <FilePicker inputRef={inputRef} {...describedBy(id, { hint, error })} name="files" multiple accept={ACCEPT} onChange={onChange} />
    </Field>
  );
}

/** The picked files as FormData for a server action, or the German reason they cannot be sent. */
function selectedFiles(input: HTMLInputElement | null, limits: AttachmentLimits): { form: FormData } | { error: string } {
  const files = [...(input?.files ?? [])];
  const error = limitError(files, limits);
  if (error) return { error };
  const form = new FormData();
  for (const file of files) form.append('files', file);
  return { form };
}

/**
 * A form's file picker state: `take` checks the picked files against the limits (a refusal is
 * shown at the input), `showError` puts the server's refusal there, `clear` empties it after sending.
 */
export function useAttachmentInput(limits: AttachmentLimits) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const showError = (message: string) => {
    setError(message);
    inputRef.current?.focus();
  };
  return {
    take: () => {
      setError(undefined);
      const files = selectedFiles(inputRef.current, limits);
      if ('error' in files) showError(files.error);
      return files;
    },
    showError,
    clear: () => {
      const input = inputRef.current;
      if (!input) return;
      input.value = '';
      // Tells the picker (and the error state) that the selection is empty again.
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    inputProps: { limits, error, inputRef, onChange: () => setError(undefined) },
  };
}
