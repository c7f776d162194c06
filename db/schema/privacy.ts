import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * The audit fact that a requester's data was erased on request: who, when, how much. The email
 * address is kept only as a keyed hash (lib/privacy/email-hash.ts), so a later request from the
 * same address can be answered without the address being stored.
 */
export const privacyErasures = pgTable(
  'privacy_erasures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    emailHash: text('email_hash').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    caseIds: integer('case_ids').array().notNull(),
    mailsDeleted: integer('mails_deleted').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('privacy_erasures_email_idx').on(t.emailHash)],
);

export type PrivacyErasure = typeof privacyErasures.$inferSelect;
