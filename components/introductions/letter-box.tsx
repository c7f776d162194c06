'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import { callAction } from '../call-action';

const t = messages.introductions.letter;
const small = 'rounded-md border px-3 py-1.5 text-sm font-semibold disabled:cursor-wait disabled:opacity-70';

/** The prepared introduction text: copy it, or send it to both parties through the outbox. */
export type SendIntroduction = (input: { introductionId: number }) => Promise<ActionResult<{ recipients: number }>>;

export function LetterBox({
  introductionId,
  subject,
  body,
  canSend,
  reason,
  send: sendText,
}: {
  introductionId: number;
  subject: string;
  body: string;
  canSend: boolean;
  reason?: string;
  send: SendIntroduction;
}) {
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  const copy = async () => {
    await navigator.clipboard.writeText(`${subject}\n\n${body}`).catch(() => undefined);
    setNotice({ ok: true, text: t.copied });
  };
  const send = () =>
    startTransition(async () => {
      const result = await callAction(sendText, { introductionId });
      setNotice(result.ok ? { ok: true, text: t.sent(result.data.recipients) } : { ok: false, text: result.error });
    });

  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-900">{subject}</p>
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded border border-slate-200 bg-slate-50 p-3 font-sans text-sm text-slate-900">
        {body}
      </pre>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={copy} className={`${small} border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}>
          {t.copy}
        </button>
        <button
          type="button"
          onClick={send}
          disabled={!canSend || pending}
          className={`${small} border-brand-700 bg-brand-700 text-white hover:bg-brand-800 disabled:cursor-not-allowed`}
        >
          {t.send}
        </button>
        {!canSend && reason && <span className="text-sm text-slate-600">{reason}</span>}
        {notice && (
          <span role={notice.ok ? 'status' : 'alert'} className={`text-sm ${notice.ok ? 'text-green-800' : 'text-red-700'}`}>
            {notice.text}
          </span>
        )}
      </div>
    </div>
  );
}
