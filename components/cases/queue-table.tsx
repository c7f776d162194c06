'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useEffectEvent, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import type { BulkInput } from '@/lib/cases/schema';
import { CASE_PRIORITIES, type CasePriority, type CaseStatus, type NeedCategory } from '@/lib/cases/vocabulary';
import { formatAge } from '@/lib/format';
import { messages } from '@/lib/i18n';
import { Alert } from '../ui/alert';
import { ReplyUnreadBadge } from '../conversations/badges';
import { OverdueBadge, PriorityLabel, StatusBadge } from './badges';

const t = messages.queue;
const POLL_MS = 20_000;

export interface QueueTableRow {
  id: number;
  reference: string;
  organisation: string;
  need: string;
  category: NeedCategory;
  district: string | null;
  createdAt: string;
  priority: CasePriority;
  assigneeName: string | null;
  status: CaseStatus;
  overdue: boolean;
  replyUnread: boolean;
  followUpOverdue: boolean;
}

export type BulkAction = (input: BulkInput) => Promise<ActionResult<{ changed: number; skipped: number }>>;

interface Props {
  rows: QueueTableRow[];
  staff: { id: number; name: string }[];
  me: number;
  headers: { key: keyof typeof t.columns; href?: string; sorted?: 'asc' | 'desc' }[];
  bulk: BulkAction;
}

/**
 * Shortcuts belong to the table: they act when focus is on a row (or nowhere, on the page body),
 * never on a link, button or field elsewhere, whose own Enter must keep working (WCAG 2.1.1).
 */
function shortcutScope(target: EventTarget | null, table: HTMLElement | null): 'row' | 'body' | null {
  if (!(target instanceof HTMLElement) || target === document.body || target === document.documentElement) return 'body';
  if (target.tagName === 'TR' && table?.contains(target)) return 'row';
  return null;
}

/** "/" jumps to the search, opening the filter panel around it when it is closed. */
function focusSearch() {
  const search = document.getElementById('queue-search');
  const panel = search?.closest('details');
  if (panel) panel.open = true;
  search?.focus();
}

export function QueueTable({ rows, staff, me, headers, bulk }: Props) {
  const router = useRouter();
  // The cursor follows a case, not a position: a refresh after "a" may reorder or drop rows.
  const [activeId, setActiveId] = useState<number | undefined>(rows[0]?.id);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [pending, startTransition] = useTransition();
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const lastIndex = useRef(0);
  const [assignee, setAssignee] = useState(String(me));
  const [priority, setPriority] = useState<CasePriority>('high');

  const found = rows.findIndex((r) => r.id === activeId);
  const active = found >= 0 ? found : Math.min(lastIndex.current, rows.length - 1);
  lastIndex.current = Math.max(active, 0);

  const run = useCallback(
    (input: BulkInput, success: (changed: number, skipped: number) => string) =>
      startTransition(async () => {
        const result = await bulk(input).catch(() => ({ ok: false as const, error: messages.errors.unexpected }));
        if (result.ok) {
          setNotice({ tone: 'success', text: success(result.data.changed, result.data.skipped) });
          setSelected(new Set());
          router.refresh();
        } else setNotice({ tone: 'error', text: result.error });
      }),
    [bulk, router],
  );

  const toggle = useCallback(
    (id: number) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  // Keyboard work for people who triage all day: j/k to move, Enter to open, a to take a case.
  // An effect event, so a key pressed right after new rows render (a search, a refresh) acts on
  // those rows, not on the ones the listener was attached with.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const scope = shortcutScope(event.target, tableRef.current);
    if (!scope) return;
    const focusRow = (index: number) => {
      const target = rows[index];
      if (!target) return;
      setActiveId(target.id);
      rowRefs.current.get(target.id)?.focus();
    };
    const row = rows[active];
    // From the page body the first j or k lands on the current row instead of skipping it.
    const step = scope === 'row' ? 1 : 0;
    if (event.key === 'j' || event.key === 'ArrowDown') focusRow(Math.min(active + step, rows.length - 1));
    else if (event.key === 'k' || event.key === 'ArrowUp') focusRow(Math.max(active - step, 0));
    else if (event.key === 'Enter' && row) router.push(`/cases/${row.id}`);
    else if (event.key === 'x' && row) toggle(row.id);
    else if (event.key === 'a' && row) run({ caseIds: [row.id], action: 'assign', assigneeId: me }, () => t.assignedToMe(row.reference));
    else if (event.key === '/') focusSearch();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // New cases appear without a reload; paused while the user has rows selected.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && selected.size === 0) router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [router, selected.size]);

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const ids = [...selected];

  return (
    <div className="space-y-3">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {selected.size > 0 && (
        <div
          role="region"
          aria-label={t.selected(selected.size)}
          className="flex flex-wrap items-end gap-3 rounded-md border border-brand-600 bg-brand-50 p-3 text-sm"
        >
          <span className="font-semibold">{t.selected(selected.size)}</span>
          <label className="flex items-center gap-2">
            {t.bulkAssign}
            <select
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
              className="rounded border border-slate-400 bg-white px-2 py-1"
            >
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={pending}
            onClick={() => run({ caseIds: ids, action: 'assign', assigneeId: Number(assignee) }, t.bulkDone)}
            className="rounded bg-brand-700 px-3 py-1 font-semibold text-white"
          >
            {t.bulkAssignButton}
          </button>
          <label className="flex items-center gap-2">
            {t.bulkPriority}
            <select
              value={priority}
              onChange={(e) => setPriority(e.target.value as CasePriority)}
              className="rounded border border-slate-400 bg-white px-2 py-1"
            >
              {CASE_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {messages.priorities[p]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={pending}
            onClick={() => run({ caseIds: ids, action: 'priority', priority }, t.bulkDone)}
            className="rounded bg-brand-700 px-3 py-1 font-semibold text-white"
          >
            {t.bulkPriorityButton}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => run({ caseIds: ids, action: 'spam' }, t.bulkDone)}
            className="rounded border border-red-700 bg-white px-3 py-1 font-semibold text-red-800"
          >
            {t.bulkSpam}
          </button>
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label={t.selectAll}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                  className="size-4"
                />
              </th>
              {headers.map((h) => (
                <th
                  key={h.key}
                  scope="col"
                  aria-sort={h.sorted === 'asc' ? 'ascending' : h.sorted === 'desc' ? 'descending' : undefined}
                  className="px-3 py-2 font-semibold"
                >
                  {h.href ? (
                    <Link href={h.href} className="underline-offset-4 hover:underline" title={t.sortBy(t.columns[h.key])}>
                      {t.columns[h.key]}
                      {h.sorted && <span aria-hidden="true">{h.sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
                    </Link>
                  ) : (
                    t.columns[h.key]
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={tableRef}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={headers.length + 1} className="px-3 py-8 text-center text-slate-600">
                  {t.empty}
                </td>
              </tr>
            )}
            {rows.map((row, index) => (
              <tr
                key={row.id}
                ref={(el) => {
                  if (el) rowRefs.current.set(row.id, el);
                  else rowRefs.current.delete(row.id);
                }}
                tabIndex={index === active ? 0 : -1}
                onFocus={() => setActiveId(row.id)}
                aria-selected={selected.has(row.id)}
                className={`group border-t border-slate-200 align-top outline-none focus:bg-amber-50 focus:ring-2 focus:ring-inset focus:ring-amber-500 ${selected.has(row.id) ? 'bg-brand-50' : ''}`}
              >
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t.selectRow(row.reference)}
                    checked={selected.has(row.id)}
                    onChange={() => toggle(row.id)}
                    className="size-4"
                  />
                </td>
                <td className="whitespace-nowrap px-3 py-2 font-mono">
                  <Link href={`/cases/${row.id}`} className="text-brand-700 underline underline-offset-4">
                    {row.reference}
                  </Link>
                  {row.overdue && (
                    <div className="mt-1">
                      <OverdueBadge />
                    </div>
                  )}
                  {row.followUpOverdue && (
                    <div className="mt-1">
                      <OverdueBadge followUp />
                    </div>
                  )}
                  {row.replyUnread && (
                    <div className="mt-1">
                      <ReplyUnreadBadge />
                    </div>
                  )}
                </td>
                <td className="break-words px-3 py-2 font-medium [overflow-wrap:anywhere]">{row.organisation}</td>
                <td className="max-w-xs px-3 py-2 text-slate-700">
                  {/* The focused or hovered row shows the whole need. */}
                  <span className="line-clamp-2 group-hover:line-clamp-none group-focus:line-clamp-none" title={row.need}>
                    {row.need}
                  </span>
                </td>
                <td className="px-3 py-2">{messages.categories[row.category]}</td>
                <td className="px-3 py-2">{row.district ?? '–'}</td>
                <td className="px-3 py-2" title={row.createdAt}>
                  {formatAge(new Date(row.createdAt))}
                </td>
                <td className="px-3 py-2">{row.assigneeName ?? '–'}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={row.status} />
                  {/* Only a priority that differs from normal is worth the reader's attention. */}
                  {row.priority !== 'normal' && (
                    <div className="mt-1">
                      <PriorityLabel priority={row.priority} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
