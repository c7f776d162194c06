-- Trigram similarity for typo-tolerant search; unaccent for umlaut-insensitive matching.
-- (Distances are computed in plain SQL: PGlite 0.5 stalls when cube is loaded beside pg_trgm.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
