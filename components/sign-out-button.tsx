'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { callAction } from './call-action';
import { messages } from '@/lib/i18n';
import { Alert } from './ui/alert';
import { Button } from './ui/button';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/login' })}
      className="rounded-md px-2 py-1 text-sm font-medium text-white underline-offset-4 hover:underline"
    >
      {messages.auth.signOut}
    </button>
  );
}

/** Ends all of the user's sessions on the server, then this browser's cookie. */
export function SignOutEverywhereButton({ action }: { action: (input: object) => Promise<ActionResult<null>> }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const onClick = async () => {
    setPending(true);
    const result = await callAction(action, {});
    if (result.ok) return signOut({ callbackUrl: '/login' });
    setError(result.error);
    setPending(false);
  };
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="button" onClick={onClick} disabled={pending}>
        {messages.auth.signOutEverywhere}
      </Button>
    </div>
  );
}
