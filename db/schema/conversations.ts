import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { inList } from './sql-list';
import { users } from './users';
import { CASE_STATUSES, NEW_CASE_NOTIFICATIONS } from './vocabulary';

/** Raw bytes: attachment contents and inbound mail sources live in the database on both drivers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const MESSAGE_DIRECTIONS = ['outbound', 'inbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
/** How a message travelled: by mail, or typed on Lotse's own reply page. */
export const MESSAGE_CHANNELS = ['email', 'web'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * The conversation with the requester: what staff wrote to them and what they answered.
 * Internal notes stay case events (`note`); a message is what the requester sees.
 */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: MESSAGE_DIRECTIONS }).notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    // The staff member who wrote an outbound message; null for the requester's replies.
    authorId: integer('author_id').references(() => users.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    // The reply template an outbound message started from, if any (for reports, not for display).
    templateKey: text('template_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_messages_case_idx').on(t.caseId, t.createdAt),
    check('case_messages_direction_check', sql`${t.direction} in (${inList(MESSAGE_DIRECTIONS)})`),
    check('case_messages_channel_check', sql`${t.channel} in (${inList(MESSAGE_CHANNELS)})`),
  ],
);

/**
 * Files the requester sent with the help request (`messageId` null) or with a reply, and files
 * staff attached to a message. Type detected from the content; served to staff only.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    messageId: integer('message_id').references(() => caseMessages.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    // Exactly one of the two: the bytes here, or a path below ATTACHMENT_DIR.
    content: bytea('content'),
    storagePath: text('storage_path'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_case_idx').on(t.caseId),
    index('attachments_message_idx').on(t.messageId),
    check('attachments_storage_check', sql`(${t.content} is null) <> (${t.storagePath} is null)`),
  ],
);

/** Admin-editable texts for messages to requesters; `{{variable}}` placeholders are filled on use. */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    // Sending a message from this template moves the case to this status (e.g. a query: waiting).
    setsStatus: text('sets_status', { enum: CASE_STATUSES }),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reply_templates_key').on(t.key),
    check('reply_templates_status_check', sql`${t.setsStatus} is null or ${t.setsStatus} in (${inList(CASE_STATUSES)})`),
  ],
);

/**
 * What a link is for. Each purpose names what it reaches: the requester's thread and the
 * requester's feedback on an introduction reach a case; an availability check reaches a case and
 * the asked company; a company's entry check reaches the company only.
 */
export const ACCESS_LINK_PURPOSES = ['requester_thread', 'availability_check', 'introduction_feedback', 'company_entry'] as const;
export type AccessLinkPurpose = (typeof ACCESS_LINK_PURPOSES)[number];

/**
 * One row per link sent to someone without an account. The link carries the row id signed
 * with the server secret; the row decides expiry, revocation and single use, so erasure or a
 * closed case can end links that are already in mailboxes.
 */
export const accessLinks = pgTable(
  'access_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    purpose: text('purpose', { enum: ACCESS_LINK_PURPOSES }).notNull(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // Set when a single-use link was used; multi-use links (the requester's thread) leave it null.
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('access_links_case_idx').on(t.caseId),
    index('access_links_company_idx').on(t.companyId),
    check('access_links_purpose_check', sql`${t.purpose} in (${inList(ACCESS_LINK_PURPOSES)})`),
    check(
      'access_links_subject_check',
      sql`(${t.caseId} is not null) = (${t.purpose} <> 'company_entry') and (${t.companyId} is not null) = (${t.purpose} in ('availability_check', 'introduction_feedback', 'company_entry'))`,
    ),
  ],
);

export const INBOUND_MAIL_STATES = ['threaded', 'unassigned', 'attached', 'new_case', 'discarded'] as const;
export type InboundMailState = (typeof INBOUND_MAIL_STATES)[number];

/**
 * Every mail the inbound worker fetched, once: (mailbox, uid_validity, uid) is unique, and the
 * row is written in the same transaction as the message it becomes, so two workers or a crash
 * mid-fetch can never thread a mail twice. Unmatched mail waits here for staff.
 */
export const inboundMails = pgTable(
  'inbound_mails',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    mailbox: text('mailbox').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
    uid: bigint('uid', { mode: 'number' }).notNull(),
    messageIdHeader: text('message_id_header'),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: INBOUND_MAIL_STATES }).notNull(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'set null' }),
    messageId: integer('message_id').references(() => caseMessages.id, { onDelete: 'set null' }),
    // Who attached it to a case or started a case from it (unassigned mail only).
    handledBy: integer('handled_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbound_mails_uid_key').on(t.mailbox, t.uidValidity, t.uid),
    index('inbound_mails_unassigned_idx').on(t.createdAt).where(sql`${t.state} = 'unassigned'`),
    index('inbound_mails_case_idx').on(t.caseId),
    check('inbound_mails_state_check', sql`${t.state} in (${inList(INBOUND_MAIL_STATES)})`),
  ],
);

/** Attachments of unassigned inbound mail wait here until the mail is attached to a case. */
export const inboundMailFiles = pgTable(
  'inbound_mail_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    inboundMailId: integer('inbound_mail_id')
      .notNull()
      .references(() => inboundMails.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('inbound_mail_files_mail_idx').on(t.inboundMailId)],
);

/** What reaches each staff member by mail (chosen at /account). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    newCases: text('new_cases', { enum: NEW_CASE_NOTIFICATIONS }).notNull().default('none'),
    assignedToMe: boolean('assigned_to_me').notNull().default(true),
    repliesOnMyCases: boolean('replies_on_my_cases').notNull().default(true),
    dailyDigest: boolean('daily_digest').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('notification_settings_new_cases_check', sql`${t.newCases} in (${inList(NEW_CASE_NOTIFICATIONS)})`)],
);

/** One row per staff member and German working day: the digest is sent once, whichever instance gets there first. */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export type CaseMessage = typeof caseMessages.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type ReplyTemplate = typeof replyTemplates.$inferSelect;
export type AccessLink = typeof accessLinks.$inferSelect;
export type InboundMail = typeof inboundMails.$inferSelect;
