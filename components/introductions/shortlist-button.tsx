'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { callAction } from '../call-action';
import { LIMITS } from '@/lib/introductions/limits';

const t = messages.introductions.shortlist;
/** The server actions behind the button, passed down from the page. */
export interface ShortlistActions {
  add: (input: { caseId: number; companyId: number; note: string }) => Promise<ActionResult<null>>;
  remove: (input: { caseId: number; companyId: number }) => Promise<ActionResult<null>>;
}

const small = 'rounded-md border px-2.5 py-1 text-sm font-semibold disabled:cursor-wait disabled:opacity-70';

/** Puts a candidate on a case's shortlist (with an optional note) or takes it off again. */
export function ShortlistButton({
  caseId,
  companyId,
  companyName,
  shortlisted,
  actions,
}: {
  caseId: number;
  companyId: number;
  companyName: string;
  shortlisted: boolean;
  actions: ShortlistActions;
}) {
  const router = useRouter();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const run = <I,>(action: (input: I) => Promise<ActionResult<null>>, input: I) =>
    startTransition(async () => {
      const result = await callAction(action, input);
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setOpen(false);
      setNote('');
      router.refresh();
    });

  if (shortlisted) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-green-800">✓ {t.added}</span>
        <button
          type="button"
          disabled={pending}
          onClick={() => run(actions.remove, { caseId, companyId })}
          className={`${small} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
          aria-label={`${t.remove}: ${companyName}`}
        >
          {t.remove}
        </button>
        {error && (
          <span role="alert" className="text-red-700">
            {error}
          </span>
        )}
      </div>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`${small} border-brand-700 bg-white text-brand-800 hover:bg-brand-50`}
        aria-label={`${t.add}: ${companyName}`}
      >
        {t.add}
      </button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(actions.add, { caseId, companyId, note });
      }}
    >
      <label htmlFor={noteId} className="w-full text-sm font-medium text-slate-800">
        {t.note}
      </label>
      <input
        id={noteId}
        value={note}
        maxLength={LIMITS.shortlistNote}
        onChange={(e) => setNote(e.target.value)}
        className="min-w-0 flex-1 rounded-md border border-slate-400 px-2 py-1 text-sm"
        // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to write a note
        autoFocus
      />
      <button type="submit" disabled={pending} className={`${small} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>
        {t.save}
      </button>
      <button type="button" onClick={() => setOpen(false)} className={`${small} border-slate-300 bg-white text-slate-800`}>
        {t.cancel}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
