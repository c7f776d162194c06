ALTER TABLE "outbox" ADD COLUMN "case_id" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_case_idx" ON "outbox" USING btree ("case_id");--> statement-breakpoint
-- Mails written before this column: every template's subject names the case's reference.
UPDATE "outbox" SET "case_id" = "cases"."id" FROM "cases" WHERE "outbox"."case_id" IS NULL AND position("cases"."reference" in "outbox"."subject") > 0;
