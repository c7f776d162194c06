CREATE TABLE "search_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_lexemes_prefix_idx" ON "search_lexemes" USING btree ("lexeme" text_pattern_ops);--> statement-breakpoint
-- The trigger of 0006 now also keeps search_lexemes, and it can no longer deadlock.
-- Before, two transactions writing companies at once (seeding with SEED_WORKERS > 1, an import
-- next to an edit) could each insert a new word the other one then inserted too: INSERT …
-- ON CONFLICT waits for the other transaction to end, and with both waiting, PostgreSQL
-- aborted one. Sorting the words fixes this within one statement only; a transaction of many
-- statements (10,000 companies in 500-row inserts) still takes its words in several rounds.
-- So a writer that brings new words or lexemes takes a transaction-level lock first: only one
-- transaction at a time holds uncommitted words, and nobody waits for a word while holding one.
-- Writers that bring nothing new (nearly all, once the vocabulary is known) take no lock and
-- still run in parallel.
CREATE OR REPLACE FUNCTION companies_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_words text[];
  new_lexemes text[];
BEGIN
  SELECT array_agg(w ORDER BY w) INTO new_words FROM (
    SELECT DISTINCT w
    FROM changed_rows, regexp_split_to_table(changed_rows.search_text, '[^a-z0-9]+') AS w
    WHERE length(w) BETWEEN 4 AND 40
  ) AS words
  WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w);
  SELECT array_agg(l ORDER BY l) INTO new_lexemes FROM (
    SELECT DISTINCT l FROM changed_rows, unnest(tsvector_to_array(changed_rows.search_vector)) AS l
  ) AS lexemes
  WHERE NOT EXISTS (SELECT 1 FROM search_lexemes s WHERE s.lexeme = l);
  IF new_words IS NULL AND new_lexemes IS NULL THEN
    RETURN NULL;
  END IF;
  -- Arbitrary constant (lib/demo/seed-companies.ts uses 47113001 and 47113002).
  PERFORM pg_advisory_xact_lock(47113003);
  INSERT INTO search_words (word) SELECT unnest(new_words) ORDER BY 1 ON CONFLICT DO NOTHING;
  INSERT INTO search_lexemes (lexeme) SELECT unnest(new_lexemes) ORDER BY 1 ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
INSERT INTO search_lexemes (lexeme)
SELECT DISTINCT l FROM companies, unnest(tsvector_to_array(companies.search_vector)) AS l
ORDER BY 1
ON CONFLICT DO NOTHING;
