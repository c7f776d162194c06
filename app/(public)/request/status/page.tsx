import type { Metadata } from 'next';
import { StatusLookupForm } from '@/components/status-lookup-form';
import { messages } from '@/lib/i18n';
import { lookUpStatus } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.status;

export const metadata: Metadata = { title: t.title };

export default async function StatusPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const { ref } = await searchParams;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <PageTitle>{t.title}</PageTitle>
        <p className="text-slate-700">{t.intro}</p>
      </header>
      <StatusLookupForm action={lookUpStatus} initialReference={(ref ?? '').slice(0, 20)} />
    </div>
  );
}
