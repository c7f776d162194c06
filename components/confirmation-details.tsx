'use client';

import { useEffect, useState } from 'react';
import { messages } from '@/lib/i18n';

const t = messages.received;
// The address never goes into the URL (logs, history): the form leaves it for this page in the tab.
const STORAGE_KEY = 'lotse:confirmation';

/** Called by the request form on success, for the confirmation page to show where the mail went. */
export function rememberConfirmation(reference: string, email: string) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ reference, email }));
  } catch {
    // Storage may be off; the page then simply does not name the address.
  }
}

function rememberedEmail(reference: string): string | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as { reference?: unknown; email?: unknown } | null;
    return saved?.reference === reference && typeof saved.email === 'string' ? saved.email : undefined;
  } catch {
    return undefined;
  }
}

/** Where the confirmation went, and the reference to copy instead of writing it down. */
export function ConfirmationDetails({ reference }: { reference: string }) {
  const [email, setEmail] = useState<string>();
  const [copied, setCopied] = useState<boolean>();
  useEffect(() => setEmail(rememberedEmail(reference)), [reference]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reference);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="mt-3 space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={copy}
          className="rounded-md border border-green-800 bg-white px-3 py-1.5 text-sm font-semibold text-green-900 hover:bg-green-100"
        >
          {t.copyReference}
        </button>
        <span role="status" className="text-sm text-green-900">
          {copied === true ? t.copied : copied === false ? t.copyFailed : ''}
        </span>
      </div>
      {email && (
        <p className="text-slate-800" data-testid="confirmation-email">
          {t.confirmationSentTo} <strong className="[overflow-wrap:anywhere]">{email}</strong>
        </p>
      )}
    </div>
  );
}
