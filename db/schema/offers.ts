import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { inList } from './sql-list';
import { users } from './users';
import { COMPANY_KINDS } from './vocabulary';

export const OFFER_STATUSES = ['new', 'accepted', 'rejected'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * What a firm or institute offers through the public form "Angebot melden": its details as it
 * typed them, waiting for staff review. Accepting links it to an existing company (a duplicate
 * found on review) or to one created from it; accepted offers are searchable until `available_until`.
 */
export const capacityOffers = pgTable(
  'capacity_offers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('new'),
    organisation: text('organisation').notNull(),
    kind: text('kind', { enum: COMPANY_KINDS }).notNull().default('company'),
    street: text('street'),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    website: text('website'),
    email: text('email').notNull(),
    phone: text('phone'),
    contactName: text('contact_name').notNull(),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    certifications: text('certifications').array().notNull().default(sql`'{}'::text[]`),
    // What is offered: products, capacity or services, in the firm's words.
    offer: text('offer').notNull(),
    quantity: text('quantity'),
    availableUntil: date('available_until', { mode: 'string' }),
    consentVersion: text('consent_version').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    idempotencyKey: text('idempotency_key'),
    idempotencyBodyHash: text('idempotency_body_hash'),
    companyId: integer('company_id').references(() => companies.id),
    reviewedById: integer('reviewed_by_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('capacity_offers_review_idx').on(t.createdAt).where(sql`${t.status} = 'new'`),
    index('capacity_offers_company_idx').on(t.companyId),
    uniqueIndex('capacity_offers_idempotency_key').on(t.idempotencyKey),
    check('capacity_offers_status_check', sql`${t.status} in (${inList(OFFER_STATUSES)})`),
    check('capacity_offers_kind_check', sql`${t.kind} in (${inList(COMPANY_KINDS)})`),
    check('capacity_offers_accepted_check', sql`(${t.status} = 'accepted') = (${t.companyId} is not null)`),
  ],
);

/**
 * Open cases an accepted offer may serve, for their assignees: the case shows a marker until
 * the assignee has seen it (`seen_at`).
 */
export const offerCaseMatches = pgTable(
  'offer_case_matches',
  {
    offerId: integer('offer_id')
      .notNull()
      .references(() => capacityOffers.id, { onDelete: 'cascade' }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.caseId] }), index('offer_case_matches_case_idx').on(t.caseId)],
);

export type CapacityOffer = typeof capacityOffers.$inferSelect;
export type OfferCaseMatch = typeof offerCaseMatches.$inferSelect;
