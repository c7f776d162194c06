import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { safeReturnPath } from '@/lib/auth/return-path';
import { currentStaff } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { DEMO_ACCOUNTS } from '@/lib/seed/users';
import { messages } from '@/lib/i18n';

const t = messages.auth;

export const metadata: Metadata = { title: t.title };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await currentStaff()) redirect(callbackUrl);
  const demo = config().isDemo;
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <Link href="/" className="text-2xl font-bold tracking-tight text-brand-800">
        {messages.app.name}
      </Link>
      <section className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">{t.title}</h1>
        <SignInForm callbackUrl={callbackUrl} />
      </section>
      {demo && (
        <section aria-labelledby="demo-title" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-slate-900">
          <h2 id="demo-title" className="font-semibold">
            {t.demoTitle}
          </h2>
          <p className="text-slate-700">{t.demoHint}</p>
          <dl className="mt-2 space-y-1">
            {DEMO_ACCOUNTS.map((account) => (
              <div key={account.email} className="flex flex-wrap gap-x-2">
                <dt className="font-medium">{messages.roles[account.role]}:</dt>
                <dd className="font-mono">
                  {account.email} / {account.password}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </main>
  );
}
