import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { accessLinks } from './conversations';
import { inList } from './sql-list';
import { users } from './users';

export const AVAILABILITY_ANSWERS = ['yes', 'partly', 'no'] as const;
export type AvailabilityAnswer = (typeof AVAILABILITY_ANSWERS)[number];

/**
 * A question to one shortlisted supplier whether it can serve a case's need, asked through a
 * signed single-use link (the need without the requester's identity). One per case and company:
 * sending again replaces the link and clears nothing the supplier already answered.
 */
export const availabilityChecks = pgTable(
  'availability_checks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    linkId: integer('link_id')
      .notNull()
      .references(() => accessLinks.id),
    // The address the question went to (the company's address may change later).
    recipient: text('recipient').notNull(),
    sentById: integer('sent_by_id')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    reminders: integer('reminders').notNull().default(0),
    answer: text('answer', { enum: AVAILABILITY_ANSWERS }),
    quantity: text('quantity'),
    leadTime: text('lead_time'),
    priceNote: text('price_note'),
    note: text('note'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('availability_checks_case_company_key').on(t.caseId, t.companyId),
    uniqueIndex('availability_checks_link_key').on(t.linkId),
    index('availability_checks_company_idx').on(t.companyId),
    // The reminder job's scan: questions still open, oldest first.
    index('availability_checks_unanswered_idx').on(t.sentAt).where(sql`${t.answeredAt} is null`),
    check('availability_checks_answer_check', sql`${t.answer} is null or ${t.answer} in (${inList(AVAILABILITY_ANSWERS)})`),
    check('availability_checks_answered_check', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
  ],
);

export const CONSENT_SOURCES = ['supplier_link', 'staff_phone'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * A supplier's consent that its contact details go to one case's requester. Sending an
 * introduction mail needs one; it is given on the availability-check page (with the consent
 * text's version) or recorded by staff from a phone call (with a note), never inferred.
 */
export const supplierConsents = pgTable(
  'supplier_consents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    source: text('source', { enum: CONSENT_SOURCES }).notNull(),
    // The version of the consent text the supplier agreed to (link only).
    textVersion: text('text_version'),
    availabilityCheckId: integer('availability_check_id').references(() => availabilityChecks.id, { onDelete: 'set null' }),
    // Staff who recorded a consent given by phone, and what was said.
    recordedById: integer('recorded_by_id').references(() => users.id),
    note: text('note').notNull().default(''),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supplier_consents_case_company_key').on(t.caseId, t.companyId),
    index('supplier_consents_company_idx').on(t.companyId),
    check('supplier_consents_source_check', sql`${t.source} in (${inList(CONSENT_SOURCES)})`),
    check(
      'supplier_consents_evidence_check',
      sql`case ${t.source} when 'supplier_link' then ${t.textVersion} is not null else ${t.recordedById} is not null end`,
    ),
  ],
);

export type AvailabilityCheck = typeof availabilityChecks.$inferSelect;
export type SupplierConsent = typeof supplierConsents.$inferSelect;
