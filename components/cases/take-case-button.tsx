'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { TakeCaseInput } from '@/lib/cases/schema';
import type { CaseChangeResult } from '@/lib/cases/update';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';

const t = messages.caseView;
export type TakeCase = (input: TakeCaseInput) => Promise<CaseChangeResult>;

/** One click instead of three fields and a save: the case is mine, a new one moves to triage. */
export function TakeCaseButton({ caseId, version, take }: { caseId: number; version: number; take: TakeCase }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const onClick = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await take({ caseId, version }).catch(() => ({ ok: false as const, error: messages.errors.unexpected }));
      if (!result.ok) setError(result.error);
      router.refresh();
    });

  return (
    <>
      <button
        type="button"
        onClick={onClick}
        disabled={pending}
        className="rounded-md bg-brand-700 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
      >
        {t.take}
      </button>
      {error && (
        <div className="w-full">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
    </>
  );
}
