import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { OutboxCounts } from '@/components/admin/outbox-counts';
import { OutboxList } from '@/components/admin/outbox-list';
import { messages } from '@/lib/i18n';
import { outboxOverview } from '@/lib/outbox/overview';
import { retryOutboxMail } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.outbox;

export const metadata: Metadata = { title: t.title };

export default async function OutboxPage() {
  await requireStaffPage('admin', '/admin/outbox');
  const overview = await outboxOverview();
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2">
        <PageTitle>{t.title}</PageTitle>
        <p className="text-slate-700">{t.intro}</p>
      </div>
      <OutboxCounts counts={overview.counts} />
      <section aria-labelledby="outbox-list-title" className="space-y-3">
        <h2 id="outbox-list-title" className="text-lg font-semibold text-slate-900">
          {t.listTitle}
        </h2>
        {overview.unsent.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-slate-700">{t.empty}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t.listShown(overview.unsent.length, overview.unsentTotal)}</p>
            <OutboxList mails={overview.unsent} labelledBy="outbox-list-title" retry={retryOutboxMail} />
          </>
        )}
      </section>
    </div>
  );
}
