'use client';

import Link from 'next/link';
import { useState } from 'react';
import { messages } from '@/lib/i18n';
import { type UserActions, UserEditor } from './user-editor';
import type { UserListItem } from './user-list';

const t = messages.users;

/** One account as a table row; its editor opens in a full-width row right below it. */
export function UserRow({ user, isSelf, actions }: { user: UserListItem; isSelf: boolean; actions: UserActions }) {
  const [open, setOpen] = useState(false);
  const panelId = `user-${user.id}-editor`;
  const role = messages.roles[user.role];
  const status = (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${
        user.active ? 'bg-green-100 text-green-900' : 'bg-slate-200 text-slate-700'
      }`}
    >
      {user.active ? t.active : t.inactive}
    </span>
  );
  return (
    <>
      <tr className="align-top">
        <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
          {user.name}
          {/* Narrow screens hide the other columns; their content moves under the name. */}
          <span className="block font-normal text-slate-600 wrap-anywhere md:hidden">{user.email}</span>
          <span className="block font-normal text-slate-600 sm:hidden">{role}</span>
          <span className="mt-1 block sm:hidden">{status}</span>
        </th>
        <td className="hidden px-4 py-3 text-slate-700 wrap-anywhere md:table-cell">{user.email}</td>
        <td className="hidden px-4 py-3 text-slate-700 sm:table-cell">{role}</td>
        <td className="hidden px-4 py-3 sm:table-cell">{status}</td>
        <td className="px-4 py-3 text-right">
          {isSelf ? (
            <Link href="/account" className="text-sm font-medium text-brand-700 underline underline-offset-4">
              {messages.nav.account}
            </Link>
          ) : (
            <button
              type="button"
              aria-expanded={open}
              aria-controls={open ? panelId : undefined}
              onClick={() => setOpen(!open)}
              className={
                'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-800 ' +
                'hover:bg-brand-50 aria-expanded:border-brand-600 aria-expanded:bg-brand-50'
              }
            >
              {t.edit}
              <span className="sr-only"> {user.name}</span>
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr id={panelId}>
          <td colSpan={5} className="bg-slate-50 px-4 py-4">
            <UserEditor user={user} actions={actions} />
          </td>
        </tr>
      )}
    </>
  );
}
