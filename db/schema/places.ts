import { doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Thuringia's districts (Kreise), loaded from db/reference/. */
export const districts = pgTable('districts', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  seat: text('seat').notNull(),
  population: integer('population').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
});

/** Postal code → place; one postal code can cover several places. */
export const postalPlaces = pgTable(
  'postal_places',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postalCode: text('postal_code').notNull(),
    place: text('place').notNull(),
    districtKey: text('district_key')
      .notNull()
      .references(() => districts.key),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
  },
  (t) => [index('postal_places_code_idx').on(t.postalCode)],
);
