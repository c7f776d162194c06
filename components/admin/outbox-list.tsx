'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { formatDateTime } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { callAction } from '../call-action';
import type { UnsentMail } from '@/lib/outbox/overview';
import { Alert } from '../ui/alert';

const t = messages.outbox;
export type RetryMail = (input: { id: number }) => Promise<ActionResult<null>>;

const headCell = 'px-3 py-2 text-left font-semibold';

/** Mails not sent yet, each with what went wrong last and a way to send it at once. */
export function OutboxList({ mails, labelledBy, retry }: { mails: UnsentMail[]; labelledBy: string; retry: RetryMail }) {
  const router = useRouter();
  const [busy, setBusy] = useState<number>();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  const retryNow = async (id: number) => {
    setBusy(id);
    const result = await callAction(retry, { id });
    setBusy(undefined);
    setNotice(result.ok ? { tone: 'success', text: t.retryScheduled } : { tone: 'error', text: result.error });
    router.refresh();
  };

  // Phones show the button under the mail's details, wider screens in a column of its own.
  const retryButton = (mail: UnsentMail) =>
    mail.state !== 'sending' && (
      <button
        type="button"
        disabled={busy !== undefined}
        onClick={() => void retryNow(mail.id)}
        className={
          'rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium whitespace-nowrap text-brand-800 ' +
          'hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70'
        }
      >
        {t.retryNow}
        <span className="sr-only"> {mail.subject}</span>
      </button>
    );

  return (
    <div className="space-y-3">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table aria-labelledby={labelledBy} className="w-full table-auto text-sm">
          <thead className="border-b border-slate-200 bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={headCell}>
                {t.recipient} / {t.subject}
              </th>
              <th scope="col" className={`${headCell} hidden md:table-cell`}>
                {t.state}
              </th>
              <th scope="col" className={`${headCell} hidden sm:table-cell`}>
                {t.attempts}
              </th>
              <th scope="col" className={`${headCell} hidden sm:table-cell`}>
                {t.nextAttempt}
              </th>
              <th scope="col" className={`${headCell} hidden lg:table-cell`}>
                {t.lastError}
              </th>
              <th scope="col" className={`${headCell} hidden sm:table-cell`}>
                <span className="sr-only">{messages.users.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {mails.map((mail) => {
              const next = mail.nextAttemptAt.getTime() <= Date.now() ? t.due : formatDateTime(mail.nextAttemptAt);
              return (
                <tr key={mail.id} className="align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="block font-medium text-slate-900 wrap-anywhere">{mail.recipient}</span>
                    <span className="block text-slate-700">{mail.subject}</span>
                    <span className="block text-slate-500">
                      {t.createdAt}: {formatDateTime(mail.createdAt)}
                    </span>
                    {/* Narrow screens hide the other columns; their content moves here. */}
                    <span className="mt-1 block text-slate-700 md:hidden">{t.states[mail.state]}</span>
                    <span className="block text-slate-700 sm:hidden">
                      {t.attempts}: {mail.attempts} · {t.nextAttempt}: {next}
                    </span>
                    {mail.lastError && (
                      <span className="block font-mono text-xs text-red-800 wrap-anywhere lg:hidden">{mail.lastError}</span>
                    )}
                    <span className="mt-2 block sm:hidden">{retryButton(mail)}</span>
                  </th>
                  <td className="hidden px-3 py-2 text-slate-700 md:table-cell">{t.states[mail.state]}</td>
                  <td className="hidden px-3 py-2 text-slate-700 tabular-nums sm:table-cell">{mail.attempts}</td>
                  <td className="hidden px-3 py-2 text-slate-700 sm:table-cell">{next}</td>
                  <td className="hidden max-w-xs px-3 py-2 font-mono text-xs text-red-800 wrap-anywhere lg:table-cell">{mail.lastError}</td>
                  <td className="hidden px-3 py-2 text-right sm:table-cell">{retryButton(mail)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
