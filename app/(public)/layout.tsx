import Link from 'next/link';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/ui/skip-link';
import { messages } from '@/lib/i18n';

const t = messages;

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-baseline gap-2 text-brand-800 no-underline">
            <span className="text-xl font-bold tracking-tight">{t.app.name}</span>
            <span className="hidden text-sm text-slate-600 sm:inline">{t.app.tagline}</span>
          </Link>
          <nav aria-label={t.nav.main} className="flex gap-4 text-sm font-medium">
            <Link href="/request" className="text-brand-700 underline-offset-4 hover:underline">
              {t.home.cta}
            </Link>
            <Link href="/request/status" className="text-brand-700 underline-offset-4 hover:underline">
              {t.status.title}
            </Link>
            <Link href="/directory" className="text-brand-700 underline-offset-4 hover:underline">
              {t.directory.nav}
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap justify-between gap-2 px-4 py-4 text-sm text-slate-600">
          <span>{t.app.footer}</span>
          <nav aria-label={t.imprint.footerNav} className="flex gap-4">
            <Link href="/datenschutz" className="underline underline-offset-4">
              {t.request.privacyLink}
            </Link>
            <Link href="/impressum" className="underline underline-offset-4">
              {t.imprint.link}
            </Link>
          </nav>
        </div>
      </footer>
    </div>
  );
}
