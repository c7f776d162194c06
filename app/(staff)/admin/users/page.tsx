import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserList } from '@/components/admin/user-list';
import { listUsers } from '@/lib/auth/users';
import { messages } from '@/lib/i18n';
import { changeUserRole, createStaffUser, resetUserPassword, setUserActive } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.users;

export const metadata: Metadata = { title: t.title };

export default async function AdminUsersPage() {
  const admin = await requireStaffPage('admin', '/admin/users');
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <PageTitle>{t.title}</PageTitle>
      {/* minmax(0, 1fr): the table must never widen the page beyond a phone screen. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <section aria-labelledby="user-list-title" className="space-y-3">
          <h2 id="user-list-title" className="text-lg font-semibold text-slate-900">
            {t.listCaption}
          </h2>
          <UserList
            users={users}
            currentUserId={admin.id}
            labelledBy="user-list-title"
            actions={{ changeRole: changeUserRole, setActive: setUserActive, resetPassword: resetUserPassword }}
          />
        </section>
        <section aria-labelledby="create-user-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="create-user-title" className="text-lg font-semibold text-slate-900">
            {t.create}
          </h2>
          <CreateUserForm action={createStaffUser} />
        </section>
      </div>
    </div>
  );
}
