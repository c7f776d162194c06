ALTER TABLE "companies" ADD COLUMN "search_quality" real DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "companies_search_quality_idx" ON "companies" USING btree ("search_quality");--> statement-breakpoint
-- The rows already there: lib/suppliers/quality.ts (searchQualityOf) computes it for every write.
UPDATE "companies" SET "search_quality" =
  0.4 * least(cardinality("capabilities"), 5) / 5.0
  + 0.3 * least(char_length("description"), 600) / 600.0
  + (CASE WHEN cardinality("certifications") > 0 THEN 0.15 ELSE 0 END)
  + (CASE WHEN "public_listing" THEN 0.15 ELSE 0 END);
