'use client';

import { signOut } from 'next-auth/react';
import { messages } from '@/lib/i18n';

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
