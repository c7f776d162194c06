import type { Executor } from '../../db/client';
import { sql, type SQL } from 'drizzle-orm';
import { caseEvents, type CaseEventOf, type CaseEventRow, type CaseEventType } from '../../db/schema';

/** Records case events; call in the transaction of the change they record. */
export async function recordCaseEvents(tx: Executor, rows: CaseEventRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(caseEvents).values(rows);
}

/** SQL: the row is an event of this type. */
export const isCaseEvent = (type: CaseEventType): SQL => sql`${caseEvents.type} = ${sql.raw(`'${type}'`)}`;

/** SQL: one field of an event type's data as text; the key is checked against that type's data. */
export const caseEventField = <T extends CaseEventType>(_type: T, key: keyof CaseEventOf<T>['data'] & string): SQL =>
  sql`${caseEvents.data} ->> ${sql.raw(`'${key}'`)}`;
