import { randomBytes } from 'node:crypto';
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/client';
import { caseEvents, cases, type CaseEventOf, type CaseEventType, outbox } from '../../db/schema';
import type { Mail } from '../outbox/enqueue';
import { takeReferenceSql } from './reference';

/**
 * Stand-ins for what only the insert knows: texts that name the case's reference or id (mails,
 * the event) are rendered before it with these, and the statement fills them in. Random per
 * process, so no requester can type one into a field.
 */
const slot = randomBytes(12).toString('base64url');
export const REFERENCE_SLOT = `[reference ${slot}]`;
export const CASE_ID_SLOT = `[case ${slot}]`;

export type NewCaseValues = Omit<typeof cases.$inferInsert, 'id' | 'reference'>;
/** A mail of the new case; subject and body may contain the stand-ins. */
export type NewCaseMail = Pick<Mail, 'template' | 'recipient' | 'subject' | 'body'>;

// Names checked against the schema: the `submitted` event (db/schema/events.ts).
const SUBMITTED = 'submitted' satisfies CaseEventType;
const COLUMNS = getTableColumns(cases);

/**
 * Inserts a case under the year's next reference with its `submitted` event and its mails, in
 * ONE statement (a data-modifying CTE). The counter row stays locked from this statement until
 * COMMIT and every other intake waits for it, so the caller runs everything else first and
 * commits right after.
 */
export async function insertNumberedCase(
  tx: Executor,
  input: { year: number; values: NewCaseValues; geocoded: boolean; mails: NewCaseMail[] },
): Promise<{ id: number; reference: string }> {
  const keys = Object.keys(input.values) as (keyof NewCaseValues)[];
  const columns = sql.raw(keys.map((key) => `"${COLUMNS[key].name}"`).join(', '));
  // The row travels as one JSON parameter, read back with the columns' own types.
  const record = Object.fromEntries(keys.map((key) => [COLUMNS[key].name, input.values[key] ?? null]));
  const event = { reference: REFERENCE_SLOT, geocoded: input.geocoded } satisfies CaseEventOf<'submitted'>['data'];
  const fill = (text: SQL) => sql`replace(replace(${text}, ${REFERENCE_SLOT}, new_case.reference), ${CASE_ID_SLOT}, new_case.id::text)`;
  const [created] = await rowsOf<{ id: number; reference: string }>(
    tx,
    sql`
    with counter as (${takeReferenceSql(input.year)}),
    new_case as (
      insert into ${cases} (reference, ${columns})
      select counter.reference, ${columns} from counter, jsonb_populate_record(null::${cases}, ${JSON.stringify(record)}::jsonb)
      returning id, reference, created_at
    ), event as (
      insert into ${caseEvents} (case_id, type, data, created_at)
      select new_case.id, ${SUBMITTED}, ${fill(sql`${JSON.stringify(event)}`)}::jsonb, new_case.created_at from new_case
    ), mail as (
      insert into ${outbox} (template, recipient, case_id, subject, body)
      select m.template, m.recipient, new_case.id, ${fill(sql`m.subject`)}, ${fill(sql`m.body`)}
      from new_case, jsonb_to_recordset(${JSON.stringify(input.mails)}::jsonb) as m(template text, recipient text, subject text, body text)
    )
    select id, reference from new_case`,
  );
  return created!;
}
