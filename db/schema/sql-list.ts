import { sql } from 'drizzle-orm';

/** A constant list for CHECK constraints and partial-index conditions; values are our own literals. */
export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
