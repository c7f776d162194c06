import { and, eq, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, type CaseStatus } from '../../db/schema';

export interface PublicStatus {
  caseId: number;
  reference: string;
  status: CaseStatus;
  submittedAt: Date;
  updatedAt: Date;
}

/**
 * What a requester may see of their case: only its status and dates. Reference and email
 * must both match; a miss looks the same whichever of the two was wrong.
 */
export async function findPublicStatus(reference: string, email: string): Promise<PublicStatus | null> {
  const [row] = await db
    .select({
      caseId: cases.id,
      reference: cases.reference,
      status: cases.status,
      submittedAt: cases.createdAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .where(and(eq(cases.reference, reference.trim().toUpperCase()), eq(sql`lower(${cases.email})`, email.trim().toLowerCase())));
  return row ?? null;
}
