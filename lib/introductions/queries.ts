import { and, asc, count, desc, eq, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../../db/client';
import { cases, companies, introductions, isOpenOutcome, users } from '../../db/schema';
import type { IntroductionFilter } from './list-schema';
import { introductionContactShared } from '../availability/consent';

export const PAGE_SIZE = 50;

const introducer = alias(users, 'introducer');

const columns = {
  id: introductions.id,
  version: introductions.version,
  caseId: introductions.caseId,
  reference: cases.reference,
  organisation: cases.organisation,
  companyId: introductions.companyId,
  company: companies.name,
  // What the introduction text needs of the company (lib/introductions/letter.ts).
  companyEmail: companies.email,
  companyPhone: companies.phone,
  companyWebsite: companies.website,
  companyContact: companies.contactPerson,
  companyPostalCode: companies.postalCode,
  companyCity: companies.city,
  introducedOn: introductions.introducedOn,
  channel: introductions.channel,
  introducedById: introductions.introducedById,
  introducedBy: introducer.name,
  note: introductions.note,
  contactShared: introductionContactShared,
  outcome: introductions.outcome,
  agreementKind: introductions.agreementKind,
  outcomeSource: introductions.outcomeSource,
  followUpOn: introductions.followUpOn,
};

function selectIntroductions() {
  return db
    .select(columns)
    .from(introductions)
    .innerJoin(cases, eq(cases.id, introductions.caseId))
    .innerJoin(companies, eq(companies.id, introductions.companyId))
    .innerJoin(introducer, eq(introducer.id, introductions.introducedById));
}

export type IntroductionRow = Awaited<ReturnType<typeof caseIntroductions>>[number];

export function caseIntroductions(caseId: number) {
  return selectIntroductions().where(eq(introductions.caseId, caseId)).orderBy(asc(introductions.introducedOn), asc(introductions.id));
}

export function companyIntroductions(companyId: number) {
  return selectIntroductions()
    .where(eq(introductions.companyId, companyId))
    .orderBy(desc(introductions.introducedOn), desc(introductions.id));
}

/** What I must chase: my open introductions whose follow-up date has come (index introductions_follow_up_idx). */
const followUpsDue = (meId: number, today: string) =>
  and(eq(introductions.introducedById, meId), isOpenOutcome(introductions.outcome), lte(introductions.followUpOn, today));

export async function countFollowUpsDue(meId: number, today: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(introductions).where(followUpsDue(meId, today));
  return Number(row?.n ?? 0);
}

function conditions(filter: IntroductionFilter, meId: number, today: string): SQL | undefined {
  if (filter.view === 'mine') return followUpsDue(meId, today);
  return and(
    filter.outcome ? eq(introductions.outcome, filter.outcome) : undefined,
    filter.expert ? eq(introductions.introducedById, filter.expert) : undefined,
  );
}

/** One page of `/introductions` and the number of matches. */
export async function listIntroductions(filter: IntroductionFilter, meId: number, today: string) {
  const where = conditions(filter, meId, today);
  const order =
    filter.view === 'mine'
      ? [asc(introductions.followUpOn), asc(introductions.id)]
      : [desc(introductions.introducedOn), desc(introductions.id)];
  const [rows, [total]] = await Promise.all([
    selectIntroductions()
      .where(where)
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((filter.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(introductions).where(where),
  ]);
  const n = Number(total?.n ?? 0);
  return { rows, total: n, pageCount: Math.max(1, Math.ceil(n / PAGE_SIZE)) };
}
