'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import type { SendChecksReport } from '@/lib/availability/send';
import { messages } from '@/lib/i18n';
import { callAction } from '../call-action';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

const t = messages.availability;
export type AskAvailability = (input: { caseId: number; companyIds: number[] }) => Promise<ActionResult<SendChecksReport>>;

export interface CheckCandidate {
  companyId: number;
  name: string;
  hasEmail: boolean;
  answered: boolean;
}

function reportText(report: SendChecksReport): string {
  return [
    t.sent(report.sent.length),
    report.noEmail.length > 0 ? t.skippedNoEmail(report.noEmail.join(', ')) : '',
    report.answered.length > 0 ? t.skippedAnswered(report.answered.join(', ')) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The expert picks shortlisted suppliers and asks them whether they can deliver. */
export function SendChecksForm({
  caseId,
  description,
  candidates,
  ask,
}: {
  caseId: number;
  description: string;
  candidates: CheckCandidate[];
  ask: AskAvailability;
}) {
  const router = useRouter();
  // What the expert unticked: a supplier shortlisted later starts ticked like the others.
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const selected = candidates.filter((c) => c.hasEmail && !c.answered && !unticked.has(c.companyId)).map((c) => c.companyId);
  const [result, setResult] = useState<ActionResult<SendChecksReport>>();
  const [pending, startTransition] = useTransition();
  const toggle = (id: number, on: boolean) =>
    setUnticked((before) => {
      const next = new Set(before);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (selected.length === 0) return setResult({ ok: false, error: t.chooseOne });
    startTransition(async () => {
      const outcome = await callAction(ask, { caseId, companyIds: selected });
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3 text-sm">
      <p className="text-slate-700">{t.sendIntro}</p>
      <details className="text-slate-700">
        <summary className="cursor-pointer text-brand-700">{t.sendPreview}</summary>
        <p className="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 p-2">{description}</p>
      </details>
      {result && <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? reportText(result.data) : result.error}</Alert>}
      <fieldset className="space-y-1.5">
        <legend className="font-semibold text-slate-900">{t.choose}</legend>
        {candidates.map((c) => (
          <label key={c.companyId} className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-0.5 size-4 shrink-0"
              checked={selected.includes(c.companyId)}
              disabled={!c.hasEmail || c.answered}
              onChange={(e) => toggle(c.companyId, e.target.checked)}
            />
            <span>
              {c.name}
              {!c.hasEmail && <span className="text-slate-600"> – {t.noEmail}</span>}
              {c.answered && <span className="text-slate-600"> – {t.answeredAlready}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t.submit}
      </Button>
    </form>
  );
}
