CREATE TABLE "introductions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "introductions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"introduced_on" date NOT NULL,
	"channel" text NOT NULL,
	"introduced_by_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"contact_shared" boolean DEFAULT false NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"agreement_kind" text,
	"follow_up_on" date,
	"outcome_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "introductions_channel_check" CHECK ("introductions"."channel" in ('email', 'phone', 'meeting', 'event')),
	CONSTRAINT "introductions_outcome_check" CHECK ("introductions"."outcome" in ('pending', 'in_contact', 'agreement', 'no_fit', 'no_answer')),
	CONSTRAINT "introductions_agreement_check" CHECK (("introductions"."outcome" = 'agreement') = ("introductions"."agreement_kind" is not null) and ("introductions"."agreement_kind" is null or "introductions"."agreement_kind" in ('order', 'cooperation')))
);
--> statement-breakpoint
CREATE TABLE "shortlist_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shortlist_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_introduced_by_id_users_id_fk" FOREIGN KEY ("introduced_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlist_entries" ADD CONSTRAINT "shortlist_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlist_entries" ADD CONSTRAINT "shortlist_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlist_entries" ADD CONSTRAINT "shortlist_entries_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "introductions_case_idx" ON "introductions" USING btree ("case_id","introduced_on");--> statement-breakpoint
CREATE INDEX "introductions_company_idx" ON "introductions" USING btree ("company_id","introduced_on");--> statement-breakpoint
CREATE INDEX "introductions_introduced_on_idx" ON "introductions" USING btree ("introduced_on");--> statement-breakpoint
CREATE INDEX "introductions_follow_up_idx" ON "introductions" USING btree ("introduced_by_id","follow_up_on") WHERE "introductions"."outcome" in ('pending', 'in_contact');--> statement-breakpoint
CREATE UNIQUE INDEX "shortlist_case_company_key" ON "shortlist_entries" USING btree ("case_id","company_id");--> statement-breakpoint
CREATE INDEX "shortlist_company_idx" ON "shortlist_entries" USING btree ("company_id");