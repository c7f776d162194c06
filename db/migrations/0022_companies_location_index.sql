-- Nearest first without a radius reads the companies in a small box around the origin first
-- (lib/suppliers/search.ts, nearestFirst; docs/benchmarks.md, "Fourth pass"). With id and name
-- in the index, the box's page is an index-only scan: 5 ms at 100,000 companies instead of
-- computing every company's distance (60–110 ms). It also serves the radius filter's box, so it
-- replaces the index on latitude alone. drizzle-kit cannot express INCLUDE, so this index lives
-- here and not in db/schema/companies.ts (like companies_name_filters_idx in 0007).
DROP INDEX "companies_latitude_idx";--> statement-breakpoint
CREATE INDEX "companies_location_idx" ON "companies" USING btree ("latitude", "longitude") INCLUDE ("id", "name");
