import { randomBytes } from 'node:crypto';
import { getTableColumns, type SQL, sql, type SQLWrapper } from 'drizzle-orm';
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

export type NumberedCase =
  | { created: true; id: number; reference: string }
  /** A case with the same idempotency key was there already; the caller compares the body hashes. */
  | { created: false; reference: string; bodyHash: string | null };

// Names checked against the schema: the `submitted` event (db/schema/events.ts).
const SUBMITTED = 'submitted' satisfies CaseEventType;
const COLUMNS = getTableColumns(cases);

/**
 * Stores a new case in ONE statement (a data-modifying CTE), or finds the case stored under its
 * idempotency key: the year's next reference, the case, its `submitted` event, its mails and
 * one mail to each staff member `staffRecipients` selects. Outside a transaction it is one
 * round trip and commits by itself, so the counter row, locked from here until COMMIT and
 * waited for by every other intake, is held for the database's time only.
 *
 * Two requests with one key may both find no case (each sees the database as its statement
 * began); the second then fails on the key's unique index and rolls back, number included
 * (`isIdempotencyRace`), and finds the first's case when asked again.
 */
export async function insertNumberedCase(
  executor: Executor,
  input: {
    year: number;
    values: NewCaseValues;
    geocoded: boolean;
    mails: NewCaseMail[];
    /** A select of staff `email`s. */
    staffRecipients: SQLWrapper;
    staffMail: Omit<NewCaseMail, 'recipient'>;
  },
): Promise<NumberedCase> {
  const keys = Object.keys(input.values) as (keyof NewCaseValues)[];
  const columns = sql.raw(keys.map((key) => `"${COLUMNS[key].name}"`).join(', '));
  // The row travels as one JSON parameter, read back with the columns' own types.
  const record = Object.fromEntries(keys.map((key) => [COLUMNS[key].name, input.values[key] ?? null]));
  const event = { reference: REFERENCE_SLOT, geocoded: input.geocoded } satisfies CaseEventOf<'submitted'>['data'];
  const fill = (text: SQL) => sql`replace(replace(${text}, ${REFERENCE_SLOT}, new_case.reference), ${CASE_ID_SLOT}, new_case.id::text)`;
  const { staffMail } = input;
  const [row] = await rowsOf<{ id: number | null; reference: string; body_hash: string | null }>(
    executor,
    sql`
    with existing as (
      select reference, idempotency_body_hash from ${cases} where idempotency_key = ${input.values.idempotencyKey ?? null}
    ),
    counter as (${takeReferenceSql(input.year, sql`not exists (select from existing)`)}),
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
      from new_case, (
        select template, recipient, subject, body
        from jsonb_to_recordset(${JSON.stringify(input.mails)}::jsonb) as m(template text, recipient text, subject text, body text)
        union all
        select ${staffMail.template}::text, staff.email, ${staffMail.subject}::text, ${staffMail.body}::text
        from ${input.staffRecipients} as staff
      ) as m
    )
    select id, reference, null::text as body_hash from new_case
    union all
    select null, reference, idempotency_body_hash from existing`,
  );
  return row!.id === null
    ? { created: false, reference: row!.reference, bodyHash: row!.body_hash }
    : { created: true, id: row!.id, reference: row!.reference };
}

/** The error of the second of two requests with one idempotency key stored at the same time. */
export function isIdempotencyRace(error: unknown): boolean {
  for (
    let e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505') return (e.constraint_name ?? e.constraint) === 'cases_idempotency_key';
  }
  return false;
}
