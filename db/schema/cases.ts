import { sql, type SQL } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  type AnyPgColumn,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CaseEvent, CaseEventType } from './events';
import { inList } from './sql-list';
import { users } from './users';
import { CASE_PRIORITIES, CASE_STATUSES, CLOSED_STATUSES, NEED_CATEGORIES, ORGANISATION_KINDS, URGENCIES } from './vocabulary';

/*
 * Expressions that indexes below are built on. Queries use these same functions: a partial or
 * expression index only serves a query whose condition or expression matches it.
 */
type Column = AnyPgColumn | SQL;
/** The case is still open. */
export const isOpenStatus = (status: Column) => sql`${status} not in (${inList(CLOSED_STATUSES)})`;
export const isClosedStatus = (status: Column) => sql`${status} in (${inList(CLOSED_STATUSES)})`;
/** urgent 4, high 3, normal 2, low 1 (CASE_PRIORITIES' order). */
export const priorityRankOf = (priority: Column) =>
  sql<number>`case ${priority} ${sql.raw(
    CASE_PRIORITIES.slice(1)
      .map((p, i) => ({ p, rank: i + 2 }))
      .reverse()
      .map(({ p, rank }) => `when '${p}' then ${rank}`)
      .join(' '),
  )} else 1 end`;
/** The text the staff search (ILIKE) and the similar-cases lookup (trigrams) run on. */
export const caseSearchTextOf = (c: { reference: Column; organisation: Column; description: Column }) =>
  sql<string>`(${c.reference} || ' ' || ${c.organisation} || ' ' || ${c.description})`;

export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reference: text('reference').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('new'),
    organisation: text('organisation').notNull(),
    organisationKind: text('organisation_kind', { enum: ORGANISATION_KINDS }).notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    districtKey: text('district_key'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    category: text('category', { enum: NEED_CATEGORIES }).notNull(),
    description: text('description').notNull(),
    quantity: text('quantity'),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    neededBy: date('needed_by', { mode: 'string' }),
    sector: text('sector'),
    consentVersion: text('consent_version').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    idempotencyKey: text('idempotency_key'),
    // A key repeated with another body is a conflict, not a replay (lib/intake/accept.ts).
    idempotencyBodyHash: text('idempotency_body_hash'),
    priority: text('priority', { enum: CASE_PRIORITIES }).notNull().default('normal'),
    assigneeId: integer('assignee_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    closeReason: text('close_reason'),
    duplicateOfId: integer('duplicate_of_id').references((): AnyPgColumn => cases.id),
    // Set by intake from the first-response target; cleared in effect once staff respond.
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    // While the case waits for the requester: since when, and the status a reply returns it to.
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    statusBeforeWaiting: text('status_before_waiting', { enum: CASE_STATUSES }),
    // A requester's reply the assignee has not opened yet ("Antwort eingegangen" in the queue).
    replyUnreadSince: timestamp('reply_unread_since', { withTimezone: true }),
    // Set when the personal data was removed (retention period over, or erased on request).
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference),
    uniqueIndex('cases_idempotency_key').on(t.idempotencyKey),
    index('cases_status_created_idx').on(t.status, t.createdAt),
    index('cases_assignee_status_idx').on(t.assigneeId, t.status),
    index('cases_created_idx').on(t.createdAt),
    index('cases_email_idx').on(sql`lower(${t.email})`),
    index('cases_organisation_idx').on(sql`lower(${t.organisation})`),
    // The queue (lib/cases/queue.ts, measured in docs/benchmarks.md): open cases are a small
    // share of all, unanswered ones smaller still, and "overdue first" sorts the rest by this rank.
    index('cases_open_assignee_idx').on(t.assigneeId).where(isOpenStatus(t.status)),
    index('cases_unanswered_due_idx').on(t.firstResponseDueAt).where(sql`${t.firstRespondedAt} is null`),
    // The queue's "Antwort eingegangen" marker and the navigation's count of what needs me.
    index('cases_unread_reply_idx').on(t.assigneeId).where(sql`${t.replyUnreadSince} is not null`),
    index('cases_priority_rank_idx').on(sql`(${priorityRankOf(t.priority)}) desc`, t.createdAt),
    // The retention job (lib/privacy/retention.ts): closed cases still holding personal data.
    index('cases_retention_idx')
      .on(t.updatedAt)
      .where(sql`${t.anonymisedAt} is null and ${isClosedStatus(t.status)}`),
    index('cases_district_category_idx').on(t.districtKey, t.category),
    index('cases_search_trgm_idx').using('gin', sql`${caseSearchTextOf(t)} gin_trgm_ops`),
    check('cases_priority_check', sql`${t.priority} in (${inList(CASE_PRIORITIES)})`),
    check('cases_status_check', sql`${t.status} in (${inList(CASE_STATUSES)})`),
    check('cases_kind_check', sql`${t.organisationKind} in (${inList(ORGANISATION_KINDS)})`),
    check('cases_category_check', sql`${t.category} in (${inList(NEED_CATEGORIES)})`),
    check('cases_urgency_check', sql`${t.urgency} in (${inList(URGENCIES)})`),
  ],
);

/** Every change to a case, written in the same transaction as the change itself. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    // Written only through CaseEventRow (the type and its data together), see ./events.ts.
    type: text('type').$type<CaseEventType>().notNull(),
    // null when the requester (not a staff member) caused the event
    actorId: integer('actor_id').references(() => users.id),
    data: jsonb('data')
      .$type<CaseEvent['data']>()
      .notNull()
      .default({} as never),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.createdAt)],
);

/**
 * One row per year; incrementing it inside the intake transaction row-locks the year,
 * so concurrent submissions get consecutive numbers and a rollback leaves no gap.
 */
export const referenceCounters = pgTable('reference_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;

/** A case_events row to insert: the event's type and data belong together. */
export type CaseEventRow = CaseEvent & { caseId: number; actorId?: number | null; createdAt?: Date };
