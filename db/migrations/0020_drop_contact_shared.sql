-- The box staff ticked becomes a recorded consent (as if given by phone), so nothing agreed is lost.
INSERT INTO "supplier_consents" ("case_id", "company_id", "source", "recorded_by_id", "note", "given_at")
SELECT DISTINCT ON ("case_id", "company_id") "case_id", "company_id", 'staff_phone', "introduced_by_id",
  'Übernommen aus der früheren Angabe „Kontaktweitergabe vereinbart“ der Vermittlung.', "created_at"
FROM "introductions" WHERE "contact_shared"
ORDER BY "case_id", "company_id", "created_at"
ON CONFLICT ("case_id", "company_id") DO NOTHING;--> statement-breakpoint
ALTER TABLE "introductions" DROP COLUMN "contact_shared";
