import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { searchDb } from '../../db/client';
import {
  caseSearchTextOf,
  cases,
  districts,
  introductions,
  isClosedStatus,
  isOpenOutcome,
  isOpenStatus,
  priorityRankOf,
  users,
} from '../../db/schema';
import { casesNeedingMe } from '../notifications/needs-me';
import { berlinDate, berlinDayStart, berlinDays } from '../time';
import type { StaffUser } from '../auth/staff';
import { WAITING_STATUSES } from './vocabulary';
import { QUEUE_VIEWS, type QueueFilter, type QueueView } from './schema';

export const PAGE_SIZE = 50;

const searchText = caseSearchTextOf(cases);
// A case waiting for the requester is not late: its first-response clock is paused.
const isOverdue = sql<boolean>`(${cases.firstRespondedAt} is null and ${cases.waitingSince} is null and ${cases.firstResponseDueAt} < now())`;
const priorityRank = priorityRankOf(cases.priority);

function viewCondition(view: QueueView, me: StaffUser): SQL | undefined {
  const open = isOpenStatus(cases.status);
  switch (view) {
    case 'new':
      return eq(cases.status, 'new');
    case 'mine':
      return and(eq(cases.assigneeId, me.id), open);
    case 'needs_me':
      return sql`${cases.id} in ${casesNeedingMe(me.id, new Date(), berlinDate())}`;
    case 'unassigned':
      return and(isNull(cases.assigneeId), open);
    case 'open':
      return open;
    case 'waiting':
      return inArray(cases.status, [...WAITING_STATUSES]);
    case 'closed':
      return isClosedStatus(cases.status);
    case 'all':
      return undefined;
  }
}

/** Everything in the filter except the view, which the per-view counts vary. */
function filterConditions(filter: QueueFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(cases.status, filter.status));
  if (filter.priority) conditions.push(eq(cases.priority, filter.priority));
  if (filter.assignee === 'none') conditions.push(isNull(cases.assigneeId));
  else if (filter.assignee) conditions.push(eq(cases.assigneeId, filter.assignee));
  if (filter.category) conditions.push(eq(cases.category, filter.category));
  if (filter.district) conditions.push(eq(cases.districtKey, filter.district));
  if (filter.q) conditions.push(sql`${searchText} ilike ${`%${escapeLike(filter.q)}%`}`);
  // Days of receipt are German calendar days, whatever the server's time zone.
  if (filter.from) conditions.push(gte(cases.createdAt, berlinDayStart(filter.from)));
  if (filter.to) conditions.push(lt(cases.createdAt, berlinDays(filter.to, filter.to).end));
  return conditions;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function ordering(filter: QueueFilter) {
  const direction = filter.dir === 'asc' ? asc : desc;
  switch (filter.sort) {
    case 'overdue':
      return [desc(isOverdue), desc(priorityRank), asc(cases.createdAt)];
    case 'priority':
      return [direction(priorityRank), asc(cases.createdAt)];
    case 'status':
      return [direction(cases.status), asc(cases.createdAt)];
    case 'reference':
      return [direction(cases.id)];
    case 'organisation':
      return [direction(sql`lower(${cases.organisation})`), asc(cases.id)];
    case 'created':
      return [direction(cases.createdAt), direction(cases.id)];
  }
}

export interface QueueRow {
  id: number;
  reference: string;
  organisation: string;
  need: string;
  category: (typeof cases.$inferSelect)['category'];
  district: string | null;
  createdAt: Date;
  priority: (typeof cases.$inferSelect)['priority'];
  assigneeId: number | null;
  assigneeName: string | null;
  status: (typeof cases.$inferSelect)['status'];
  overdue: boolean;
  /** The requester answered and the assignee has not opened the case since ("Antwort eingegangen"). */
  replyUnread: boolean;
  /** An introduction of the case waits for a follow-up that is past its date. */
  followUpOverdue: boolean;
  version: number;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  counts: Record<QueueView, number>;
  page: number;
  pageCount: number;
}

function selectRows(where: SQL | undefined) {
  return searchDb
    .select({
      id: cases.id,
      reference: cases.reference,
      organisation: cases.organisation,
      need: sql<string>`left(${cases.description}, 140)`,
      category: cases.category,
      district: districts.name,
      createdAt: cases.createdAt,
      priority: cases.priority,
      assigneeId: cases.assigneeId,
      assigneeName: users.name,
      status: cases.status,
      overdue: isOverdue.as('overdue'),
      replyUnread: sql<boolean>`(${cases.replyUnreadSince} is not null)`.as('reply_unread'),
      // Per page row, through introductions_case_idx.
      followUpOverdue: sql<boolean>`exists (select 1 from ${introductions} i where i.case_id = ${cases.id}
        and ${isOpenOutcome(sql`i.outcome`)} and i.follow_up_on < ${berlinDate()})`.as('follow_up_overdue'),
      version: cases.version,
      rank: priorityRank.as('rank'),
    })
    .from(cases)
    .leftJoin(districts, eq(districts.key, cases.districtKey))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(where);
}

/**
 * "Overdue first" as one sort would read and sort every matching case, because being overdue
 * depends on now() and cannot be indexed. Only unanswered cases can be overdue, though, and
 * they are few (partial index cases_unanswered_due_idx); all others are ordered by priority
 * and age (index cases_priority_rank_idx). The page is the merge of the two halves.
 */
function overdueFirstPage(where: SQL | undefined, offset: number) {
  const mayBeOverdue = sql`${cases.firstRespondedAt} is null and (${cases.firstResponseDueAt} < now() or ${cases.firstResponseDueAt} is null)`;
  const notOverdue = sql`(${cases.firstRespondedAt} is not null or ${cases.firstResponseDueAt} >= now())`;
  return unionAll(
    selectRows(and(where, mayBeOverdue))
      .orderBy(desc(isOverdue), desc(priorityRank), asc(cases.createdAt))
      .limit(offset + PAGE_SIZE),
    selectRows(and(where, notOverdue))
      .orderBy(desc(priorityRank), asc(cases.createdAt))
      .limit(offset + PAGE_SIZE),
  )
    .orderBy(sql`"overdue" desc`, sql`"rank" desc`, sql`"created_at" asc`)
    .limit(PAGE_SIZE)
    .offset(offset);
}

/** The page query and the per-view count query behind loadQueue, unexecuted (EXPLAIN in scripts/bench-queue.ts). */
export function queueQueries(me: StaffUser, filter: QueueFilter) {
  const base = filterConditions(filter);
  const where = and(...base, viewCondition(filter.view, me));
  const offset = (filter.page - 1) * PAGE_SIZE;

  return {
    rows:
      filter.sort === 'overdue'
        ? overdueFirstPage(where, offset)
        : selectRows(where)
            .orderBy(...ordering(filter))
            .limit(PAGE_SIZE)
            .offset(offset),
    counts: searchDb
      .select(
        Object.fromEntries(
          QUEUE_VIEWS.map((view) => {
            const condition = viewCondition(view, me);
            return [view, condition ? sql<number>`count(*) filter (where ${condition})` : count()];
          }),
        ) as Record<QueueView, SQL<number>>,
      )
      .from(cases)
      .where(and(...base)),
  };
}

/** One page of the queue, plus how many cases each view holds under the same filters. */
export async function loadQueue(me: StaffUser, filter: QueueFilter): Promise<QueuePage> {
  const queries = queueQueries(me, filter);
  const [rankedRows, [countRow]] = await Promise.all([queries.rows, queries.counts]);
  const rows = rankedRows.map(({ rank: _rank, ...row }) => row);

  const counts = Object.fromEntries(QUEUE_VIEWS.map((view) => [view, Number(countRow?.[view] ?? 0)])) as Record<QueueView, number>;
  const total = counts[filter.view];
  return { rows, total, counts, page: filter.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
