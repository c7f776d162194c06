import type { listUsers } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';
import type { UserActions } from './user-editor';
import { UserRow } from './user-row';

const t = messages.users;

export type UserListItem = Awaited<ReturnType<typeof listUsers>>[number];

const headCell = 'px-4 py-3 text-left font-semibold';

/** All staff accounts; the signed-in admin's own row links to their account page instead. */
export function UserList({
  users,
  currentUserId,
  actions,
  labelledBy,
}: {
  users: UserListItem[];
  currentUserId: number;
  actions: UserActions;
  labelledBy: string;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table aria-labelledby={labelledBy} className="w-full table-auto">
        <thead className="border-b border-slate-200 bg-slate-100 text-sm text-slate-700">
          <tr>
            <th scope="col" className={headCell}>
              {t.name}
            </th>
            <th scope="col" className={`${headCell} hidden md:table-cell`}>
              {t.email}
            </th>
            <th scope="col" className={`${headCell} hidden sm:table-cell`}>
              {t.role}
            </th>
            <th scope="col" className={`${headCell} hidden sm:table-cell`}>
              {t.status}
            </th>
            <th scope="col" className={headCell}>
              <span className="sr-only">{t.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
