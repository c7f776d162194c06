import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/app/guards';
import { setIntroductionOutcome } from './actions';
import { FollowUp, OutcomeBadge } from '@/components/introductions/outcome-badge';
import { OutcomeForm } from '@/components/introductions/outcome-form';
import { INTRODUCTION_OUTCOMES } from '@/lib/introductions/vocabulary';
import { listActiveStaff } from '@/lib/cases/detail';
import { berlinDate, formatDate } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { type IntroductionFilter, parseIntroductionFilter } from '@/lib/introductions/list-schema';
import { allowedOutcomes, followUpState, isOpenOutcome } from '@/lib/introductions/outcomes';
import { countFollowUpsDue, listIntroductions } from '@/lib/introductions/queries';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.introductions;

export const metadata: Metadata = { title: t.title };

function href(filter: IntroductionFilter, changes: Partial<IntroductionFilter>): string {
  const next = { ...filter, ...changes };
  const query = new URLSearchParams();
  if (next.view !== 'all') query.set('view', next.view);
  if (next.outcome) query.set('outcome', next.outcome);
  if (next.expert) query.set('expert', String(next.expert));
  if (next.page > 1) query.set('page', String(next.page));
  const s = query.toString();
  return s ? `/introductions?${s}` : '/introductions';
}

export default async function IntroductionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireStaffPage('expert', '/introductions');
  const filter = parseIntroductionFilter(await searchParams);
  const today = berlinDate();
  const [list, due, staff] = await Promise.all([
    listIntroductions(filter, me.id, today),
    countFollowUpsDue(me.id, today),
    listActiveStaff(),
  ]);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-semibold ${active ? 'bg-brand-700 text-white' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`;

  return (
    <div className="space-y-4">
      <div>
        <PageTitle>{t.title}</PageTitle>
        <p className="text-slate-700">{t.intro}</p>
      </div>
      <nav aria-label={t.filters.view} className="flex flex-wrap gap-2">
        <Link
          href={href(filter, { view: 'all', page: 1 })}
          aria-current={filter.view === 'all' ? 'page' : undefined}
          className={tab(filter.view === 'all')}
        >
          {t.filters.all}
        </Link>
        <Link
          href={href({ view: 'mine', page: 1 }, {})}
          aria-current={filter.view === 'mine' ? 'page' : undefined}
          className={tab(filter.view === 'mine')}
        >
          {t.filters.mine} ({due})
        </Link>
      </nav>
      {filter.view === 'all' && (
        <form
          action="/introductions"
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
          aria-label={t.filters.label}
        >
          <div>
            <label htmlFor="filter-outcome" className="block text-sm font-medium">
              {t.filters.outcome}
            </label>
            <select
              id="filter-outcome"
              name="outcome"
              defaultValue={filter.outcome ?? ''}
              className="rounded-md border border-slate-400 bg-white px-3 py-2"
            >
              <option value="">{t.filters.anyOutcome}</option>
              {INTRODUCTION_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t.outcomes[o]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-expert" className="block text-sm font-medium">
              {t.filters.expert}
            </label>
            <select
              id="filter-expert"
              name="expert"
              defaultValue={filter.expert ?? ''}
              className="rounded-md border border-slate-400 bg-white px-3 py-2"
            >
              <option value="">{t.filters.anyone}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t.filters.apply}
          </button>
        </form>
      )}
      <p role="status" className="font-semibold" data-testid="introduction-total">
        {t.filters.count(list.total)}
      </p>
      {list.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          {filter.view === 'mine' ? t.filters.mineEmpty : t.filters.empty}
        </p>
      ) : (
        <ul className="space-y-3">
          {list.rows.map((row) => (
            <li
              key={row.id}
              className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
              data-introduction-id={row.id}
            >
              <div className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/cases/${row.caseId}#vermittlungen`} className="font-mono text-brand-700 underline underline-offset-4">
                    {row.reference}
                  </Link>
                  <span className="font-medium">{row.organisation}</span>
                </div>
                <p>
                  <span className="text-slate-600">{t.list.company}: </span>
                  <Link href={`/suppliers/${row.companyId}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
                    {row.company}
                  </Link>
                </p>
                <p className="text-slate-700">
                  {formatDate(row.introducedOn)} · {t.channels[row.channel]} · {row.introducedBy}
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  <OutcomeBadge outcome={row.outcome} agreementKind={row.agreementKind} source={row.outcomeSource} />
                  {/* A final outcome needs no more chasing: its old date would only look overdue. */}
                  {isOpenOutcome(row.outcome) && (
                    <>
                      <span className="text-slate-600">{t.list.followUp}:</span>
                      <FollowUp date={row.followUpOn} state={followUpState(row, today)} />
                    </>
                  )}
                </div>
              </div>
              <details className="self-start rounded border border-slate-200 p-2">
                <summary className="cursor-pointer font-medium text-brand-800">{t.outcome.title}</summary>
                <div className="pt-2">
                  <OutcomeForm introduction={row} options={[row.outcome, ...allowedOutcomes(row.outcome)]} save={setIntroductionOutcome} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {list.pageCount > 1 && (
        <nav className="flex gap-2 text-sm" aria-label={t.filters.label}>
          {filter.page > 1 && (
            <Link href={href(filter, { page: filter.page - 1 })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
              {t.filters.previous}
            </Link>
          )}
          {filter.page < list.pageCount && (
            <Link href={href(filter, { page: filter.page + 1 })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
              {t.filters.next}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
