CREATE TABLE "privacy_erasures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy_erasures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email_hash" text NOT NULL,
	"actor_id" integer NOT NULL,
	"case_ids" integer[] NOT NULL,
	"mails_deleted" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_erasures" ADD CONSTRAINT "privacy_erasures_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_erasures_email_idx" ON "privacy_erasures" USING btree ("email_hash");--> statement-breakpoint
CREATE INDEX "cases_retention_idx" ON "cases" USING btree ("updated_at") WHERE "cases"."anonymised_at" is null and "cases"."status" in ('resolved', 'rejected', 'duplicate', 'spam');