import { sql, type SQL } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { accessLinks } from './conversations';
import { inList } from './sql-list';
import { users } from './users';
import { AGREEMENT_KINDS, INTRODUCTION_CHANNELS, INTRODUCTION_OUTCOMES, OPEN_OUTCOMES } from './vocabulary';

export const OUTCOME_SOURCES = ['staff', 'requester'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

/** The introduction still needs chasing; the follow-up index below is built on this condition, queries use it too. */
export const isOpenOutcome = (outcome: AnyPgColumn | SQL) => sql`${outcome} in (${inList(OPEN_OUTCOMES)})`;

/** Candidates staff keep for a case while they search; changes are written to case_events. */
export const shortlistEntries = pgTable(
  'shortlist_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    addedById: integer('added_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('shortlist_case_company_key').on(t.caseId, t.companyId), index('shortlist_company_idx').on(t.companyId)],
);

/** A contact the desk brokered between a requester (case) and a company, and what came of it. */
export const introductions = pgTable(
  'introductions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    introducedOn: date('introduced_on', { mode: 'string' }).notNull(),
    channel: text('channel', { enum: INTRODUCTION_CHANNELS }).notNull(),
    introducedById: integer('introduced_by_id')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull().default(''),
    outcome: text('outcome', { enum: INTRODUCTION_OUTCOMES }).notNull().default('pending'),
    agreementKind: text('agreement_kind', { enum: AGREEMENT_KINDS }),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    outcomeChangedAt: timestamp('outcome_changed_at', { withTimezone: true }),
    // Who set the current outcome: staff, or the requester through a feedback link.
    outcomeSource: text('outcome_source', { enum: OUTCOME_SOURCES }).notNull().default('staff'),
    // When the requester was asked how it went, and the link that asks.
    feedbackRequestedAt: timestamp('feedback_requested_at', { withTimezone: true }),
    feedbackLinkId: integer('feedback_link_id').references(() => accessLinks.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('introductions_case_idx').on(t.caseId, t.introducedOn),
    index('introductions_company_idx').on(t.companyId, t.introducedOn),
    index('introductions_introduced_on_idx').on(t.introducedOn),
    // The feedback job's scan: introductions whose requester has not been asked yet.
    index('introductions_feedback_due_idx').on(t.introducedOn).where(sql`${t.feedbackRequestedAt} is null`),
    check('introductions_outcome_source_check', sql`${t.outcomeSource} in (${inList(OUTCOME_SOURCES)})`),
    index('introductions_follow_up_idx').on(t.introducedById, t.followUpOn).where(isOpenOutcome(t.outcome)),
    check('introductions_channel_check', sql`${t.channel} in (${inList(INTRODUCTION_CHANNELS)})`),
    check('introductions_outcome_check', sql`${t.outcome} in (${inList(INTRODUCTION_OUTCOMES)})`),
    check(
      'introductions_agreement_check',
      sql`(${t.outcome} = 'agreement') = (${t.agreementKind} is not null) and (${t.agreementKind} is null or ${t.agreementKind} in (${inList(AGREEMENT_KINDS)}))`,
    ),
  ],
);

export type ShortlistEntry = typeof shortlistEntries.$inferSelect;
export type Introduction = typeof introductions.$inferSelect;
