import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { caseMessages } from './conversations';

/** Mails are written here in the business transaction and sent later by the outbox worker. */
export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    // The case whose personal data the mail carries, whoever it goes to (a supplier's
    // introduction mail names the requester): export, erasure and retention find it by this.
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'set null' }),
    // The message this mail delivers: its files go along as attachments.
    messageId: integer('message_id').references(() => caseMessages.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    // Replies to a requester's mail go to the inbound mailbox with the case's token (lib/inbound).
    replyTo: text('reply_to'),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'sent'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    leaseToken: text('lease_token'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_case_idx').on(t.caseId)],
);

export type OutboxMessage = typeof outbox.$inferSelect;
