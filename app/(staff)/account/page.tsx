import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { ChangePasswordForm } from '@/components/change-password-form';
import { NotificationSettingsForm } from '@/components/notification-settings-form';
import { messages } from '@/lib/i18n';
import { SignOutEverywhereButton } from '@/components/sign-out-button';
import { loadNotificationSettings } from '@/lib/notifications/settings';
import { changeMyPassword, saveMyNotificationSettings, signOutEverywhere } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.users;

export const metadata: Metadata = { title: t.accountTitle };

export default async function AccountPage() {
  const user = await requireStaffPage('expert', '/account');
  const details = [
    [t.name, user.name],
    [t.email, user.email],
    [t.role, messages.roles[user.role]],
  ];
  const notificationSettings = await loadNotificationSettings(user.id);
  return (
    <div className="max-w-xl space-y-6">
      <PageTitle>{t.accountTitle}</PageTitle>
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[auto_1fr] sm:p-6">
        {details.map(([label, value]) => (
          <div key={label} className="space-y-0.5 sm:contents sm:space-y-0">
            <dt className="text-sm font-medium text-slate-600 sm:text-base">{label}</dt>
            <dd className="text-slate-900 wrap-anywhere">{value}</dd>
          </div>
        ))}
      </dl>
      <section
        aria-labelledby="change-password-title"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      >
        <h2 id="change-password-title" className="text-lg font-semibold text-slate-900">
          {t.changePassword}
        </h2>
        <ChangePasswordForm action={changeMyPassword} />
      </section>
      <section aria-labelledby="notifications-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="notifications-title" className="text-lg font-semibold text-slate-900">
          {messages.notifications.title}
        </h2>
        <p className="text-slate-700">{messages.notifications.hint}</p>
        <NotificationSettingsForm settings={notificationSettings} action={saveMyNotificationSettings} />
      </section>
      <section aria-labelledby="sessions-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="sessions-title" className="text-lg font-semibold text-slate-900">
          {messages.auth.sessionsTitle}
        </h2>
        <p className="text-slate-700">{messages.auth.sessionsHint}</p>
        <SignOutEverywhereButton action={signOutEverywhere} />
      </section>
    </div>
  );
}
