import { and, asc, desc, eq, getTableColumns, isNull, ne, or, sql } from 'drizzle-orm';
import { db, searchDb } from '../../db/client';
import { caseEvents, caseSearchTextOf, cases, districts, users, type CaseEvent } from '../../db/schema';

/** A case with the names staff need beside it, or undefined. */
export async function loadCase(id: number) {
  const [row] = await db
    .select({
      ...getTableColumns(cases),
      districtName: districts.name,
      assigneeName: users.name,
      duplicateOfReference: sql<string | null>`(select o.reference from cases o where o.id = ${cases.duplicateOfId})`,
    })
    .from(cases)
    .leftJoin(districts, eq(districts.key, cases.districtKey))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(eq(cases.id, id));
  if (!row) return undefined;
  const { districtName, assigneeName, duplicateOfReference, ...caseRow } = row;
  return { case: caseRow, districtName, assigneeName, duplicateOfReference };
}
export type CaseDetail = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

export type TimelineEntry = CaseEvent & { id: number; actorName: string | null; createdAt: Date };

/** The case's history, oldest first: intake, every change and every note. */
export async function loadTimeline(caseId: number): Promise<TimelineEntry[]> {
  const rows = await db
    .select({
      id: caseEvents.id,
      type: caseEvents.type,
      data: caseEvents.data,
      actorName: users.name,
      createdAt: caseEvents.createdAt,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));
  // Rows are written only as CaseEventRow (lib/cases/events.ts): type and data belong together.
  return rows as TimelineEntry[];
}

const related = {
  id: cases.id,
  reference: cases.reference,
  organisation: cases.organisation,
  status: cases.status,
  createdAt: cases.createdAt,
};

// Anonymised cases share placeholder texts; they are no evidence of being related or similar.
const notAnonymised = isNull(cases.anonymisedAt);

/** Earlier or later cases from the same organisation or email address. */
export async function findRelatedCases(current: { id: number; organisation: string; email: string; anonymisedAt: Date | null }) {
  if (current.anonymisedAt) return [];
  return db
    .select(related)
    .from(cases)
    .where(
      and(
        ne(cases.id, current.id),
        notAnonymised,
        or(
          eq(sql`lower(${cases.organisation})`, current.organisation.toLowerCase()),
          eq(sql`lower(${cases.email})`, current.email.toLowerCase()),
        ),
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(10);
}

const searchText = caseSearchTextOf(cases);

/** Cases whose text resembles this one (trigram similarity, index-backed by the % operator). */
export async function findSimilarCases(current: { id: number; organisation: string; description: string; anonymisedAt: Date | null }) {
  if (current.anonymisedAt) return [];
  const probe = `${current.organisation} ${current.description}`.slice(0, 500);
  return searchDb
    .select({ ...related, similarity: sql<number>`similarity(${searchText}, ${probe})` })
    .from(cases)
    .where(and(ne(cases.id, current.id), notAnonymised, sql`${searchText} % ${probe}`))
    .orderBy(sql`similarity(${searchText}, ${probe}) desc`)
    .limit(5);
}

export function listActiveStaff() {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).orderBy(asc(users.name));
}
