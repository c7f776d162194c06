import Link from 'next/link';
import { CASE_PRIORITIES, CASE_STATUSES, NEED_CATEGORIES } from '@/lib/cases/vocabulary';
import type { QueueFilter } from '@/lib/cases/schema';
import { messages } from '@/lib/i18n';
import { inputClass } from '../ui/field';

const t = messages.queue;
const selectClass = inputClass.replace('py-2.5', 'py-1.5');

interface Props {
  filter: QueueFilter;
  staff: { id: number; name: string }[];
  districts: { key: string; name: string }[];
}

/** A plain GET form: filters live in the URL, work without JavaScript and survive the back button. */
export function QueueFilters({ filter, staff, districts }: Props) {
  return (
    <form method="get" action="/cases" role="search" aria-label={t.filters} className="space-y-3">
      <input type="hidden" name="view" value={filter.view} />
      <input type="hidden" name="sort" value={filter.sort} />
      <input type="hidden" name="dir" value={filter.dir} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block text-sm font-medium sm:col-span-2">
          {t.search}
          <input id="queue-search" name="q" defaultValue={filter.q ?? ''} type="search" className={`${selectClass} mt-1`} />
        </label>
        <label className="block text-sm font-medium">
          {messages.queue.columns.status}
          <select name="status" defaultValue={filter.status ?? ''} className={`${selectClass} mt-1`}>
            <option value="">{t.anyStatus}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {messages.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {messages.queue.columns.priority}
          <select name="priority" defaultValue={filter.priority ?? ''} className={`${selectClass} mt-1`}>
            <option value="">{t.anyPriority}</option>
            {CASE_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {messages.priorities[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {messages.queue.columns.assignee}
          <select name="assignee" defaultValue={String(filter.assignee ?? '')} className={`${selectClass} mt-1`}>
            <option value="">{t.anyAssignee}</option>
            <option value="none">{t.nobody}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {messages.queue.columns.category}
          <select name="category" defaultValue={filter.category ?? ''} className={`${selectClass} mt-1`}>
            <option value="">{t.anyCategory}</option>
            {NEED_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {messages.categories[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {messages.queue.columns.district}
          <select name="district" defaultValue={filter.district ?? ''} className={`${selectClass} mt-1`}>
            <option value="">{t.anyDistrict}</option>
            {districts.map((d) => (
              <option key={d.key} value={d.key}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t.from}
          <input name="from" type="date" defaultValue={filter.from ?? ''} className={`${selectClass} mt-1`} />
        </label>
        <label className="block text-sm font-medium">
          {t.to}
          <input name="to" type="date" defaultValue={filter.to ?? ''} className={`${selectClass} mt-1`} />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t.apply}
        </button>
        <Link href={`/cases?view=${filter.view}`} className="text-sm text-brand-700 underline underline-offset-4">
          {t.reset}
        </Link>
      </div>
    </form>
  );
}
