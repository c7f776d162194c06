import { createHmac } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { db, type Transaction } from '../../db/client';
import {
  caseEvents,
  caseMessages,
  cases,
  companies,
  inboundMails,
  introductions,
  outbox,
  privacyErasures,
  shortlistEntries,
  users,
} from '../../db/schema';
import { assertRole, type StaffUser } from '../auth/staff';
import { isClosed } from '../cases/lifecycle';
import type { CaseStatus } from '../cases/vocabulary';
import { exportAttachments, removeStoredFiles } from '../attachments/store';
import { recordCaseEvents } from '../cases/events';
import { messages } from '../i18n';
import { log } from '../log';
import { serverSecret } from '../secret';
import { eraseInboundMails } from '../inbound/erase';
import { anonymiseCases } from './anonymise';
import { introductionContactShared } from '../availability/consent';
import { eraseOffers, exportOffers } from './offers';

const normalised = (email: string) => email.trim().toLowerCase();

/**
 * Keyed hash of an email address: lets the erasure record be found again for the same address
 * without storing it. Keyed with the server secret, so the hash cannot be checked against a
 * list of guessed addresses by whoever reads the database.
 */
export function emailHash(email: string): string {
  return createHmac('sha256', serverSecret())
    .update(`privacy-erasure\n${normalised(email)}`)
    .digest('hex');
}

const byEmail = (email: string) => eq(sql`lower(${cases.email})`, normalised(email));

/** Mails to the address and mails to others about its cases (introductions to suppliers). */
const mailsAbout = (email: string, caseIds: number[]) => {
  const toAddress = eq(sql`lower(${outbox.recipient})`, normalised(email));
  return caseIds.length > 0 ? or(toAddress, inArray(outbox.caseId, caseIds)) : toAddress;
};

/** The erasures done for this address, newest first, with the cases they anonymised. */
async function erasuresOf(email: string) {
  return db
    .select({
      id: privacyErasures.id,
      createdAt: privacyErasures.createdAt,
      actorName: users.name,
      caseIds: privacyErasures.caseIds,
      mailsDeleted: privacyErasures.mailsDeleted,
    })
    .from(privacyErasures)
    .innerJoin(users, eq(users.id, privacyErasures.actorId))
    .where(eq(privacyErasures.emailHash, emailHash(email)))
    .orderBy(desc(privacyErasures.createdAt));
}

/** The cases stored under this address, and those anonymised by an earlier erasure for it. */
export async function findRequester(email: string) {
  const erasures = await erasuresOf(email);
  const erasedIds = erasures.flatMap((e) => e.caseIds);
  const found = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      organisation: cases.organisation,
      createdAt: cases.createdAt,
      anonymisedAt: cases.anonymisedAt,
    })
    .from(cases)
    .where(erasedIds.length > 0 ? or(byEmail(email), inArray(cases.id, erasedIds)) : byEmail(email))
    .orderBy(desc(cases.createdAt));
  return { cases: found, erasures };
}

/** Everything stored about one requester (Art. 15 DSGVO), as plain JSON-ready objects. */
export async function exportRequester(email: string, now = new Date()) {
  const rows = await db.select().from(cases).where(byEmail(email)).orderBy(asc(cases.createdAt));
  const ids = rows.map((c) => c.id);
  const [events, intros, shortlist, conversation, files] =
    ids.length === 0
      ? [[], [], [], [], []]
      : await Promise.all([
          db
            .select({ caseId: caseEvents.caseId, type: caseEvents.type, data: caseEvents.data, createdAt: caseEvents.createdAt })
            .from(caseEvents)
            .where(inArray(caseEvents.caseId, ids))
            .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id)),
          db
            .select({
              caseId: introductions.caseId,
              company: companies.name,
              introducedOn: introductions.introducedOn,
              channel: introductions.channel,
              note: introductions.note,
              contactShared: introductionContactShared,
              outcome: introductions.outcome,
              agreementKind: introductions.agreementKind,
              outcomeChangedAt: introductions.outcomeChangedAt,
            })
            .from(introductions)
            .innerJoin(companies, eq(companies.id, introductions.companyId))
            .where(inArray(introductions.caseId, ids))
            .orderBy(asc(introductions.introducedOn)),
          db
            .select({
              caseId: shortlistEntries.caseId,
              company: companies.name,
              note: shortlistEntries.note,
              createdAt: shortlistEntries.createdAt,
            })
            .from(shortlistEntries)
            .innerJoin(companies, eq(companies.id, shortlistEntries.companyId))
            .where(inArray(shortlistEntries.caseId, ids)),
          db
            .select({
              caseId: caseMessages.caseId,
              direction: caseMessages.direction,
              channel: caseMessages.channel,
              subject: caseMessages.subject,
              body: caseMessages.body,
              createdAt: caseMessages.createdAt,
            })
            .from(caseMessages)
            .where(inArray(caseMessages.caseId, ids))
            .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id)),
          exportAttachments(ids),
        ]);
  const mails = await db
    .select({
      recipient: outbox.recipient,
      subject: outbox.subject,
      body: outbox.body,
      status: outbox.status,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(mailsAbout(email, ids))
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
  // Mail from the address that no case holds yet (the unassigned list); the rest is in `messages`.
  const unassignedMails = await db
    .select({ subject: inboundMails.subject, text: inboundMails.textBody, receivedAt: inboundMails.receivedAt })
    .from(inboundMails)
    .where(and(eq(inboundMails.state, 'unassigned'), sql`lower(${inboundMails.fromAddress}) = ${normalised(email)}`))
    .orderBy(asc(inboundMails.receivedAt));
  return {
    exportedAt: now.toISOString(),
    email: normalised(email),
    cases: rows.map(({ idempotencyKey: _key, idempotencyBodyHash: _hash, ...c }) => ({
      ...c,
      events: events.filter((e) => e.caseId === c.id).map(({ caseId: _id, ...e }) => e),
      introductions: intros.filter((i) => i.caseId === c.id).map(({ caseId: _id, ...i }) => i),
      shortlist: shortlist.filter((s) => s.caseId === c.id).map(({ caseId: _id, ...s }) => s),
      messages: conversation.filter((m) => m.caseId === c.id).map(({ caseId: _id, ...m }) => m),
      files: files.filter((f) => f.caseId === c.id).map(({ caseId: _id, ...f }) => f),
    })),
    mails,
    unassignedMails,
    offers: await exportOffers(email),
  };
}

/** Open cases of an erased requester leave the queue: nobody could be contacted about them. */
async function closeWithdrawn(tx: Transaction, open: { id: number; status: CaseStatus }[], actor: StaffUser, now: Date) {
  if (open.length === 0) return;
  const reason = messages.dataProtection.withdrawnReason;
  await tx
    .update(cases)
    .set({ status: 'rejected', closeReason: reason })
    .where(
      inArray(
        cases.id,
        open.map((c) => c.id),
      ),
    );
  await recordCaseEvents(
    tx,
    open.map((c) => ({
      caseId: c.id,
      type: 'status_changed' as const,
      actorId: actor.id,
      data: { from: c.status, to: 'rejected' as const, reason },
      createdAt: now,
    })),
  );
}

/**
 * Erases a requester on request (Art. 17 DSGVO): anonymises their cases (open ones are closed
 * as rejected), deletes every mail to the address and every mail about their cases (also those
 * to suppliers, sent or pending) from the outbox and records who erased how much, all in one
 * transaction.
 * Returns null when nothing personal is stored under the address.
 */
export async function eraseRequester(actor: StaffUser, email: string, now = new Date()) {
  assertRole(actor, 'admin');
  const outcome = await db.transaction(async (tx) => {
    const due = await tx.select({ id: cases.id, status: cases.status }).from(cases).where(byEmail(email)).for('update');
    const mails = await tx
      .delete(outbox)
      .where(
        mailsAbout(
          email,
          due.map((d) => d.id),
        ),
      )
      .returning({ id: outbox.id });
    const { ids, storedFiles } = await anonymiseCases(
      tx,
      due.map((d) => d.id),
      { kind: 'erasure', actorId: actor.id },
      now,
    );
    await closeWithdrawn(
      tx,
      due.filter((d) => ids.includes(d.id) && !isClosed(d.status)),
      actor,
      now,
    );
    // Mail from the address that never reached a case (the unassigned list) goes too, and offers sent from it.
    await eraseInboundMails(tx, { caseIds: [], fromAddress: email });
    const offers = await eraseOffers(tx, email);
    if (ids.length === 0 && mails.length === 0 && offers === 0) return { erased: null, storedFiles };
    await tx.insert(privacyErasures).values({
      emailHash: emailHash(email),
      actorId: actor.id,
      caseIds: ids,
      mailsDeleted: mails.length,
      createdAt: now,
    });
    return { erased: { cases: ids.length, mails: mails.length, offers }, storedFiles };
  });
  await removeStoredFiles(outcome.storedFiles);
  const result = outcome.erased;
  if (result) log.info({ event: 'privacy.erased', by: actor.id, cases: result.cases, mails: result.mails, offers: result.offers });
  return result;
}
