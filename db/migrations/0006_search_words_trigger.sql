-- Keeps search_words in step with companies.search_text, whoever writes companies
-- (edit form, import, bulk seed). Statement-level, so a bulk insert costs one pass.
CREATE FUNCTION companies_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT DISTINCT w
  FROM changed_rows, regexp_split_to_table(changed_rows.search_text, '[^a-z0-9]+') AS w
  WHERE length(w) BETWEEN 4 AND 40
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER companies_search_words_insert AFTER INSERT ON companies
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION companies_collect_search_words();
--> statement-breakpoint
CREATE TRIGGER companies_search_words_update AFTER UPDATE ON companies
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION companies_collect_search_words();
--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT w FROM companies, regexp_split_to_table(companies.search_text, '[^a-z0-9]+') AS w
WHERE length(w) BETWEEN 4 AND 40
ON CONFLICT DO NOTHING;
