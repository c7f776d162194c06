'use client';

import { type InputHTMLAttributes, type Ref, useState } from 'react';
import { messages } from '@/lib/i18n';

const t = messages.filePicker;

type FilePickerProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'ref'> & {
  inputRef: Ref<HTMLInputElement>;
};

/**
 * A file input whose button and status are German whatever the browser's language (the native
 * one says "Choose Files" in an English browser). The native input stays the focusable control
 * with the field's label; the visible button passes clicks to it.
 */
export function FilePicker({ inputRef, onChange, multiple, disabled, ...props }: FilePickerProps) {
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <input
        ref={inputRef}
        {...props}
        type="file"
        multiple={multiple}
        disabled={disabled}
        className="peer sr-only"
        onChange={(event) => {
          setNames([...(event.currentTarget.files ?? [])].map((file) => file.name));
          onChange?.(event);
        }}
      />
      {/* Pointer users click this; keyboard and screen-reader users reach the input itself. */}
      <span
        aria-hidden="true"
        onClick={(event) => (event.currentTarget.previousElementSibling as HTMLInputElement).click()}
        className={
          'inline-flex cursor-pointer items-center rounded-md border border-slate-400 bg-brand-50 px-4 py-2 font-semibold text-brand-800 ' +
          'shadow-sm hover:bg-brand-100 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-amber-500 ' +
          'peer-disabled:cursor-wait peer-disabled:opacity-70 peer-aria-[invalid=true]:border-red-700'
        }
      >
        {multiple ? t.chooseMany : t.chooseOne}
      </span>
      <span className="min-w-0 break-words text-sm text-slate-700" aria-hidden="true">
        {t.chosen(names)}
      </span>
    </div>
  );
}
