import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The WZ 2008 classification: sections (A–U), divisions, groups, classes and subclasses. */
export const sectors = pgTable(
  'sectors',
  {
    code: text('code').primaryKey(),
    level: integer('level').notNull(),
    section: text('section').notNull(),
    parentCode: text('parent_code'),
    title: text('title').notNull(),
  },
  (t) => [index('sectors_parent_idx').on(t.parentCode)],
);
