'use client';

import { useRouter } from 'next/navigation';
import { createContext, type ReactNode, useContext, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { messages } from '@/lib/i18n';
import type { CompanyChanges } from '@/lib/suppliers/detail';
import type { EntryReview, MergeInput } from '@/lib/suppliers/entry-schema';
import { callAction } from '../call-action';
import { Alert } from '../ui/alert';
import { showValue } from './company-history';

const t = messages.entries;
const LABELS = messages.suppliers.fields as Record<string, string>;
const button = 'rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-70';
const primary = `${button} bg-brand-700 text-white hover:bg-brand-800`;
const secondary = `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`;

export type RequestEntryCheck = (input: { id: number }) => Promise<ActionResult<{ email: string }>>;
export type ReviewEntryChange = (input: EntryReview) => Promise<ActionResult<{ companyId: number }>>;
export type MergeCompany = (input: MergeInput) => Promise<ActionResult<{ keepId: number }>>;

type Message = { ok: boolean; text: string };

function Notice({ message }: { message?: Message }) {
  return message ? <Alert tone={message.ok ? 'success' : 'error'}>{message.text}</Alert> : null;
}

/**
 * Runs one action, shows its German answer and reloads the page's data on success. `report`
 * takes the success message when the reload removes the component that would show it.
 */
function useRun<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  success: (data: T, input: I) => string,
  { after, report }: { after?: (data: T) => void; report?: (message: Message) => void } = {},
) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>();
  const [pending, startTransition] = useTransition();
  const run = (input: I) =>
    startTransition(async () => {
      const result = await callAction(action, input);
      const answer = result.ok ? { ok: true, text: success(result.data, input) } : { ok: false, text: result.error };
      if (result.ok && report) report(answer);
      else setMessage(answer);
      if (!result.ok) return;
      if (after) after(result.data);
      else router.refresh();
    });
  return { run, pending, notice: <Notice message={message} /> };
}

const ReviewReport = createContext<((message: Message) => void) | undefined>(undefined);

/**
 * Holds the proposals of a page. A decided proposal disappears with the reload, so its answer
 * is shown here, above the ones still open.
 */
export function EntryChangeReviews({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message>();
  return (
    <ReviewReport value={setMessage}>
      <Notice message={message} />
      {children}
    </ReviewReport>
  );
}

/** "Eintrag prüfen lassen": mails the company its check link. */
export function EntryCheckButton({ companyId, request }: { companyId: number; request: RequestEntryCheck }) {
  const { run, pending, notice } = useRun(request, (data) => t.checkSent(data.email));
  return (
    <div className="space-y-2">
      {notice}
      <button type="button" className={primary} disabled={pending} onClick={() => run({ id: companyId })}>
        {t.requestCheck}
      </button>
    </div>
  );
}

/** A company's proposal, old → new per field, with apply all and reject. */
export function EntryChangeReview({
  changeId,
  version,
  changes,
  review,
}: {
  changeId: number;
  version: number;
  changes: CompanyChanges;
  review: ReviewEntryChange;
}) {
  const report = useContext(ReviewReport);
  const { run, pending, notice } = useRun(review, (_, input) => (input.apply ? t.applied : t.rejected), { report });
  const decide = (apply: boolean) => run({ changeId, version, apply });
  return (
    <div className="space-y-3">
      {notice}
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              {t.field}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t.oldValue}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t.newValue}
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(changes).map(([field, change]) => (
            <tr key={field} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {LABELS[field] ?? field}
              </th>
              <td className="break-words py-1.5 pr-3 text-slate-600">{showValue(change.from)}</td>
              <td className="break-words py-1.5 text-slate-900">{showValue(change.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primary} disabled={pending} onClick={() => decide(true)}>
          {t.apply}
        </button>
        <button type="button" className={secondary} disabled={pending} onClick={() => decide(false)}>
          {t.reject}
        </button>
      </div>
    </div>
  );
}

/** Confirms the merge the preview shows; afterwards the page shows the kept company without the preview. */
export function MergeButton({ input, name, merge }: { input: MergeInput; name: string; merge: MergeCompany }) {
  const router = useRouter();
  const { run, pending, notice } = useRun(merge, () => t.merged, { after: (data) => router.replace(`/suppliers/${data.keepId}`) });
  return (
    <div className="space-y-2">
      {notice}
      <button type="button" className={primary} disabled={pending} onClick={() => run(input)}>
        {t.mergeConfirm(name)}
      </button>
    </div>
  );
}
