import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireStaffPage } from '@/app/guards';
import { SignOutButton } from '@/components/sign-out-button';
import { type NavItem, StaffNav } from '@/components/staff-nav';
import { hasRole } from '@/lib/auth/staff';
import { countUnassignedMail } from '@/lib/inbound/unassigned';
import { SkipLink } from '@/components/ui/skip-link';
import { messages } from '@/lib/i18n';
import { countCasesNeedingMe } from '@/lib/notifications/needs-me';
import { countNewOffers } from '@/lib/offers/queries';

const t = messages;

// Every staff page depends on the signed-in user: never prerendered at build time.
export const dynamic = 'force-dynamic';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireStaffPage();
  const [needingMe, newOffers] = await Promise.all([countCasesNeedingMe(user.id), countNewOffers()]);
  const items: NavItem[] = [
    { href: '/cases', label: t.nav.queue },
    {
      href: '/cases?view=needs_me',
      label: t.queue.views.needs_me,
      count: { value: needingMe, label: t.notifications.needsMeCount(needingMe) },
    },
    { href: '/suppliers', label: t.nav.suppliers },
    { href: '/introductions', label: t.nav.introductions },
    {
      href: '/offers',
      label: t.nav.offers,
      count: newOffers > 0 ? { value: newOffers, label: t.nav.newOffers(newOffers) } : undefined,
    },
    { href: '/reports', label: t.nav.reports },
    { href: '/mail', label: t.nav.unassignedMail(await countUnassignedMail()) },
    ...(hasRole(user, 'admin')
      ? [
          { href: '/admin/users', label: t.nav.admin },
          { href: '/admin/import', label: t.importer.nav },
          { href: '/admin/templates', label: t.conversations.adminTitle },
          { href: '/admin/outbox', label: t.nav.outbox },
          { href: '/admin/privacy', label: t.nav.privacy },
        ]
      : []),
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/cases" className="text-lg font-bold tracking-tight">
            {t.app.name}
          </Link>
          <StaffNav items={items} label={t.nav.label} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            {/* The name, leading to the account, keeps the bar on one line with every navigation item; screen readers hear the whole sentence. */}
            <Link href="/account" title={t.nav.account} className="text-brand-100 underline-offset-4 hover:underline">
              <span className="sr-only">{t.nav.accountOf(user.name)}</span>
              <span aria-hidden="true">{user.name}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
