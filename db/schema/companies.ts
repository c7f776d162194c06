import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CompanyEvent, CompanyEventType } from './events';
import { districts } from './places';
import { users } from './users';
import { COMPANY_KINDS, SIZE_CLASSES } from './vocabulary';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Companies, research institutes and networks the desk can broker contacts to. */
export const companies = pgTable(
  'companies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    kind: text('kind', { enum: COMPANY_KINDS }).notNull().default('company'),
    street: text('street'),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    districtKey: text('district_key').references(() => districts.key),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    // Staff only: never shown in the public directory or the anonymous API.
    contactPerson: text('contact_person'),
    // WZ 2008 codes, the primary one first.
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    // Every code in `sectors` with all its ancestors (section, division, group …), for filters.
    sectorPaths: text('sector_paths').array().notNull().default(sql`'{}'::text[]`),
    capabilities: text('capabilities').array().notNull().default(sql`'{}'::text[]`),
    certifications: text('certifications').array().notNull().default(sql`'{}'::text[]`),
    employees: integer('employees'),
    sizeClass: text('size_class', { enum: SIZE_CLASSES }),
    description: text('description').notNull().default(''),
    publicListing: boolean('public_listing').notNull().default(false),
    source: text('source'),
    // Search helpers, written with every change by lib/suppliers: lower-cased, umlauts
    // folded text for trigram matching, and the weighted German full-text vector.
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').notNull().default(sql`''::tsvector`),
    // How complete the entry is (lib/suppliers/quality.ts), whatever is searched: a broad search
    // ranks only the matches with the highest (docs/benchmarks.md, "Fifth pass").
    searchQuality: real('search_quality').notNull().default(0),
    // "geprüft am": when the company last confirmed or corrected its own entry.
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    // When the last entry check link went out (the yearly job asks again a year later).
    entryCheckSentAt: timestamp('entry_check_sent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_external_id_key').on(t.externalId),
    index('companies_name_postal_idx').on(sql`lower(${t.name})`, t.postalCode),
    index('companies_search_vector_idx').using('gin', t.searchVector),
    index('companies_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('companies_sector_paths_idx').using('gin', t.sectorPaths),
    index('companies_certifications_idx').using('gin', t.certifications),
    index('companies_district_idx').on(t.districtKey),
    index('companies_public_idx').on(t.publicListing),
    index('companies_verified_idx').on(t.verifiedAt),
    index('companies_search_quality_idx').on(t.searchQuality),
    check('companies_kind_check', sql`${t.kind} in ('company', 'research', 'network')`),
  ],
);

/** Every change to a company: import, edit; with old → new values. */
export const companyEvents = pgTable(
  'company_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    type: text('type').$type<CompanyEventType>().notNull(),
    actorId: integer('actor_id').references(() => users.id),
    data: jsonb('data')
      .$type<CompanyEvent['data']>()
      .notNull()
      .default({} as never),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('company_events_company_idx').on(t.companyId, t.createdAt)],
);

/**
 * Every distinct word (folded, 4+ letters) of the companies' search text, kept by a trigger
 * on companies. Typos are corrected against this small table instead of every company text.
 */
export const searchWords = pgTable('search_words', { word: text('word').primaryKey() }, (t) => [
  index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
]);

/**
 * Every lexeme of the companies' search vectors, kept by the same trigger as search_words. The
 * search drops query operands that no lexeme starts with before ranking: they match nothing,
 * but the ranking would still pay for them on every matching row. A prefix lookup, hence
 * text_pattern_ops (LIKE 'desinfektion%' in any collation).
 */
export const searchLexemes = pgTable('search_lexemes', { lexeme: text('lexeme').primaryKey() }, (t) => [
  index('search_lexemes_prefix_idx').on(sql`${t.lexeme} text_pattern_ops`),
]);

/** Words that mean the same need (FFP2 ↔ Atemschutzmaske); admins edit them. */
export const synonymGroups = pgTable('synonym_groups', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  terms: text('terms').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ENTRY_CHANGE_STATUSES = ['pending', 'applied', 'rejected'] as const;
export type EntryChangeStatus = (typeof ENTRY_CHANGE_STATUSES)[number];

/**
 * Corrections a company made to its own entry through its check link that staff must review
 * (contact fields apply at once and are not kept here): field → proposed value.
 */
export const companyEntryChanges = pgTable(
  'company_entry_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ENTRY_CHANGE_STATUSES }).notNull().default('pending'),
    reviewedById: integer('reviewed_by_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('company_entry_changes_company_idx').on(t.companyId),
    index('company_entry_changes_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    check('company_entry_changes_status_check', sql`${t.status} in ('pending', 'applied', 'rejected')`),
  ],
);

/**
 * Staff supplier searches that found nothing, as counts per day and normalised search term:
 * where supply is missing, without any requester data.
 */
export const supplierSearchMisses = pgTable(
  'supplier_search_misses',
  {
    day: date('day', { mode: 'string' }).notNull(),
    term: text('term').notNull(),
    searches: integer('searches').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.day, t.term] })],
);

export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;

/** A company_events row to insert: the event's type and data belong together. */
export type CompanyEventRow = CompanyEvent & { companyId: number; actorId?: number | null; createdAt?: Date };
