import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { cases, type Case } from '../../db/schema';
import { caseUpdateSchema } from '../../lib/cases/schema';
import { editableState } from '../../lib/cases/update';
import type { HelpRequestInput } from '../../lib/intake/schema';
import { helpRequestSchema } from '../../lib/intake/schema';
import { submitHelpRequest } from '../../lib/intake/submit';
import { companyInputSchema, type CompanyInput } from '../../lib/suppliers/schema';
import { saveCompany } from '../../lib/suppliers/write';
import { validRequest } from './fixtures';

export { staffUser } from './staff-users';

/** A case submitted through intake (with its `submitted` event), optionally at a given time. */
export async function newCase(overrides: Partial<HelpRequestInput> = {}, submittedAt?: Date): Promise<Case> {
  const result = await submitHelpRequest(helpRequestSchema.parse(validRequest(overrides)), { now: submittedAt });
  if (!result.ok) throw new Error('case fixture failed');
  const [row] = await db.select().from(cases).where(eq(cases.reference, result.reference));
  return row!;
}

/** The case form as the case page sends it for `c`, with `changes` made. */
export const caseEdit = (c: Case, changes: Record<string, unknown>) =>
  caseUpdateSchema.parse({
    caseId: c.id,
    ...editableState(c),
    assigneeId: c.assigneeId ?? '',
    dueDate: c.dueDate ?? '',
    tags: c.tags.join(','),
    ...changes,
  });

/** A valid company input: only what the test cares about needs to be given. */
export const companyInput = (input: Partial<Record<keyof CompanyInput, unknown>>): CompanyInput =>
  companyInputSchema.parse({ kind: 'company', sectors: [], capabilities: [], certifications: [], publicListing: true, ...input });

/** A company saved as the import and the edit form save it (with its `created` event); returns its id. */
export async function newCompany(input: Partial<Record<keyof CompanyInput, unknown>>): Promise<number> {
  return db.transaction(async (tx) => (await saveCompany(tx, companyInput(input))).id);
}
