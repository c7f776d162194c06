import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/app/guards';
import { QueueFilters } from '@/components/cases/queue-filters';
import { QueueTable, type QueueTableRow } from '@/components/cases/queue-table';
import { listActiveStaff } from '@/lib/cases/detail';
import { loadQueue } from '@/lib/cases/queue';
import { queueHref, sortHref } from '@/lib/cases/queue-url';
import { QUEUE_VIEWS, queueFilterSchema, type QueueFilter } from '@/lib/cases/schema';
import { listDistricts } from '@/lib/geo/districts';
import { messages } from '@/lib/i18n';
import { bulkUpdateCases } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.queue;

export const metadata: Metadata = { title: t.title };

const SORTABLE: Partial<Record<keyof typeof t.columns, QueueFilter['sort']>> = {
  reference: 'reference',
  organisation: 'organisation',
  age: 'created',
  status: 'status',
};
const COLUMNS = ['reference', 'organisation', 'need', 'category', 'district', 'age', 'assignee', 'status'] as const;

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const me = await requireStaffPage('expert', '/cases');
  const raw = await searchParams;
  const filter = queueFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [queue, staff, districts] = await Promise.all([loadQueue(me, filter), listActiveStaff(), listDistricts()]);

  const rows: QueueTableRow[] = queue.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  const headers = COLUMNS.map((key) => {
    const sort = SORTABLE[key];
    return { key, href: sort && sortHref(filter, sort), sorted: sort && filter.sort === sort ? filter.dir : undefined };
  });

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <PageTitle>{t.title}</PageTitle>
        <p className="text-sm text-slate-600">
          {t.total(queue.total)} · {t.updatedAutomatically}
        </p>
      </div>

      <nav aria-label={t.viewsLabel} className="flex flex-wrap gap-2">
        {QUEUE_VIEWS.map((view) => (
          <Link
            key={view}
            href={queueHref(filter, { view })}
            aria-current={filter.view === view ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 text-sm font-medium ${
              filter.view === view
                ? 'border-brand-700 bg-brand-700 text-white'
                : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
            }`}
          >
            {t.views[view]} <span className="tabular-nums">({queue.counts[view].toLocaleString('de-DE')})</span>
          </Link>
        ))}
        <Link
          href={queueHref(filter, { sort: 'overdue', dir: 'desc' })}
          className="rounded-full border border-red-700 bg-white px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50"
        >
          {t.overdueFirst}
        </Link>
      </nav>

      <details
        className="rounded-lg border border-slate-200 bg-white p-4"
        open={Boolean(
          filter.q || filter.status || filter.priority || filter.assignee || filter.category || filter.district || filter.from || filter.to,
        )}
      >
        <summary className="cursor-pointer font-semibold text-brand-800">{t.filters}</summary>
        <div className="mt-3">
          <QueueFilters filter={filter} staff={staff} districts={districts} />
        </div>
      </details>

      <QueueTable rows={rows} staff={staff} me={me.id} headers={headers} bulk={bulkUpdateCases} />

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <span>{t.page(queue.page, queue.pageCount)}</span>
        <div className="flex gap-2">
          {queue.page > 1 && (
            <Link
              href={queueHref(filter, { page: queue.page - 1 })}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
            >
              {t.previous}
            </Link>
          )}
          {queue.page < queue.pageCount && (
            <Link
              href={queueHref(filter, { page: queue.page + 1 })}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
            >
              {t.next}
            </Link>
          )}
        </div>
      </div>

      <aside aria-labelledby="shortcuts-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="shortcuts-title" className="font-semibold text-slate-800">
          {t.shortcutsTitle}
        </h2>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {t.shortcuts.map(([key, action]) => (
            <div key={key} className="flex gap-2">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">{key}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </aside>
    </div>
  );
}
