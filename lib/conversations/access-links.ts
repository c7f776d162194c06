import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { accessLinks, type AccessLink, type AccessLinkPurpose } from '../../db/schema';
import { serverSecret } from '../secret';
import { MAX_ID } from '../validation';

const DAY_MS = 24 * 60 * 60 * 1000;

function signature(linkId: number): string {
  return createHmac('sha256', serverSecret()).update(`access-link:${linkId}`).digest('base64url');
}

/** The token a link in a mail carries: the row id and its signature, nothing else to guess. */
export function signedLinkToken(linkId: number): string {
  return `${linkId}.${signature(linkId)}`;
}

export type AccessLinkCheck = { ok: true; link: AccessLink } | { ok: false; reason: 'forged' | 'expired' | 'revoked' | 'used' };

/**
 * The signature proves the server issued the id; the row decides whether the link still works
 * (so erasure or revocation ends links already sitting in mailboxes).
 */
export async function verifyAccessLink(
  token: string,
  purpose: AccessLinkPurpose,
  options: { now?: Date; executor?: Executor } = {},
): Promise<AccessLinkCheck> {
  const match = /^(\d{1,10})\.([\w-]{43})$/.exec(token);
  const linkId = Number(match?.[1]);
  if (!match || linkId > MAX_ID) return { ok: false, reason: 'forged' };
  const expected = Buffer.from(signature(linkId));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const [link] = await (options.executor ?? db).select().from(accessLinks).where(eq(accessLinks.id, linkId));
  if (!link || link.purpose !== purpose) return { ok: false, reason: 'forged' };
  if (link.revokedAt) return { ok: false, reason: 'revoked' };
  if (link.usedAt) return { ok: false, reason: 'used' };
  if (link.expiresAt <= (options.now ?? new Date())) return { ok: false, reason: 'expired' };
  return { ok: true, link };
}

/** What a link of each purpose reaches (the table's subject check says the same). */
export type AccessLinkSubject =
  | { purpose: 'requester_thread'; caseId: number }
  | { purpose: 'availability_check' | 'introduction_feedback'; caseId: number; companyId: number }
  | { purpose: 'company_entry'; companyId: number };

/** A new link row; the caller puts `signedLinkToken(id)` into the mail. */
export async function createAccessLink(tx: Executor, input: AccessLinkSubject & { days: number; now?: Date }): Promise<AccessLink> {
  const now = input.now ?? new Date();
  const [link] = await tx
    .insert(accessLinks)
    .values({
      purpose: input.purpose,
      caseId: 'caseId' in input ? input.caseId : null,
      companyId: 'companyId' in input ? input.companyId : null,
      expiresAt: new Date(now.getTime() + input.days * DAY_MS),
      createdAt: now,
    })
    .returning();
  return link!;
}

/**
 * Uses up a single-use link. Only one of two concurrent uses wins: the update matches only
 * while `used_at` is still empty.
 */
export async function consumeAccessLink(tx: Executor, linkId: number, now = new Date()): Promise<boolean> {
  const rows = await tx
    .update(accessLinks)
    .set({ usedAt: now })
    .where(and(eq(accessLinks.id, linkId), isNull(accessLinks.usedAt), isNull(accessLinks.revokedAt)))
    .returning({ id: accessLinks.id });
  return rows.length === 1;
}

/** Ends every link of these cases (erasure, retention). */
export async function revokeCaseLinks(tx: Executor, caseIds: number[], now = new Date()): Promise<void> {
  if (caseIds.length === 0) return;
  await tx
    .update(accessLinks)
    .set({ revokedAt: now })
    .where(and(inArray(accessLinks.caseId, caseIds), isNull(accessLinks.revokedAt)));
}
