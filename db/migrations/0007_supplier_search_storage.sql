-- Supplier search at 100,000 companies (docs/benchmarks.md, "Supplier search").
--
-- 1. Keep the search columns in the row, uncompressed. PostgreSQL toasts a row above 2 kB: it
--    had compressed search_text (the largest column) in 16 % of the generated companies and
--    moved search_vector out of line in 17 %, so every LIKE recheck, ts_rank_cd and position()
--    on such a row decompressed the text again or fetched the vector from the TOAST table.
--    Rows up to 4 kB now stay as they are; above that, description and the other columns are
--    compressed or moved first. The table is as large as before (192 MB at 100,000 companies,
--    TOAST included). Applies to rows written from now on; older rows keep their storage until
--    they are next updated.
ALTER TABLE "companies" SET (toast_tuple_target = 4080);--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "search_text" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "companies" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
-- 2. A narrow copy of what the filters, the facets and the default sort read: searches without
--    text (sector, district, certification, kind, size, audience, distance) count their
--    matches and find their first page with an index-only scan (27 MB at 100,000 companies)
--    instead of reading the 192 MB table, and the name order needs no sort. drizzle-kit cannot express INCLUDE, so
--    this index lives here and not in db/schema/companies.ts.
CREATE INDEX "companies_name_filters_idx" ON "companies" USING btree ("name", "id")
  INCLUDE ("sector_paths", "certifications", "district_key", "kind", "size_class", "public_listing", "latitude", "longitude");
