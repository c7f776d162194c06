CREATE TABLE "company_entry_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "company_entry_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by_id" integer,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_entry_changes_status_check" CHECK ("company_entry_changes"."status" in ('pending', 'applied', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "supplier_search_misses" (
	"day" date NOT NULL,
	"term" text NOT NULL,
	"searches" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supplier_search_misses_day_term_pk" PRIMARY KEY("day","term")
);
--> statement-breakpoint
CREATE TABLE "availability_checks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "availability_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"link_id" integer NOT NULL,
	"recipient" text NOT NULL,
	"sent_by_id" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL,
	"answer" text,
	"quantity" text,
	"lead_time" text,
	"price_note" text,
	"note" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_checks_answer_check" CHECK ("availability_checks"."answer" is null or "availability_checks"."answer" in ('yes', 'partly', 'no')),
	CONSTRAINT "availability_checks_answered_check" CHECK (("availability_checks"."answer" is null) = ("availability_checks"."answered_at" is null))
);
--> statement-breakpoint
CREATE TABLE "supplier_consents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supplier_consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"source" text NOT NULL,
	"text_version" text,
	"availability_check_id" integer,
	"recorded_by_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_consents_source_check" CHECK ("supplier_consents"."source" in ('supplier_link', 'staff_phone')),
	CONSTRAINT "supplier_consents_evidence_check" CHECK (case "supplier_consents"."source" when 'supplier_link' then "supplier_consents"."text_version" is not null else "supplier_consents"."recorded_by_id" is not null end)
);
--> statement-breakpoint
CREATE TABLE "capacity_offers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "capacity_offers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" text DEFAULT 'new' NOT NULL,
	"organisation" text NOT NULL,
	"kind" text DEFAULT 'company' NOT NULL,
	"street" text,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"website" text,
	"email" text NOT NULL,
	"phone" text,
	"contact_name" text NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"offer" text NOT NULL,
	"quantity" text,
	"available_until" date,
	"consent_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"idempotency_key" text,
	"idempotency_body_hash" text,
	"company_id" integer,
	"reviewed_by_id" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_offers_status_check" CHECK ("capacity_offers"."status" in ('new', 'accepted', 'rejected')),
	CONSTRAINT "capacity_offers_kind_check" CHECK ("capacity_offers"."kind" in ('company', 'research', 'network')),
	CONSTRAINT "capacity_offers_accepted_check" CHECK (("capacity_offers"."status" = 'accepted') = ("capacity_offers"."company_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "offer_case_matches" (
	"offer_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	CONSTRAINT "offer_case_matches_offer_id_case_id_pk" PRIMARY KEY("offer_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "access_links" DROP CONSTRAINT "access_links_purpose_check";--> statement-breakpoint
ALTER TABLE "access_links" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "entry_check_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "introductions" ADD COLUMN "outcome_source" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "introductions" ADD COLUMN "feedback_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "introductions" ADD COLUMN "feedback_link_id" integer;--> statement-breakpoint
ALTER TABLE "access_links" ADD COLUMN "company_id" integer;--> statement-breakpoint
ALTER TABLE "company_entry_changes" ADD CONSTRAINT "company_entry_changes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_entry_changes" ADD CONSTRAINT "company_entry_changes_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_checks" ADD CONSTRAINT "availability_checks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_checks" ADD CONSTRAINT "availability_checks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_checks" ADD CONSTRAINT "availability_checks_link_id_access_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."access_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_checks" ADD CONSTRAINT "availability_checks_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_consents" ADD CONSTRAINT "supplier_consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_consents" ADD CONSTRAINT "supplier_consents_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_consents" ADD CONSTRAINT "supplier_consents_availability_check_id_availability_checks_id_fk" FOREIGN KEY ("availability_check_id") REFERENCES "public"."availability_checks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_consents" ADD CONSTRAINT "supplier_consents_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_offers" ADD CONSTRAINT "capacity_offers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_offers" ADD CONSTRAINT "capacity_offers_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_case_matches" ADD CONSTRAINT "offer_case_matches_offer_id_capacity_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."capacity_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_case_matches" ADD CONSTRAINT "offer_case_matches_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_entry_changes_company_idx" ON "company_entry_changes" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "company_entry_changes_pending_idx" ON "company_entry_changes" USING btree ("created_at") WHERE "company_entry_changes"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "availability_checks_case_company_key" ON "availability_checks" USING btree ("case_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "availability_checks_link_key" ON "availability_checks" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "availability_checks_company_idx" ON "availability_checks" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "availability_checks_unanswered_idx" ON "availability_checks" USING btree ("sent_at") WHERE "availability_checks"."answered_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_consents_case_company_key" ON "supplier_consents" USING btree ("case_id","company_id");--> statement-breakpoint
CREATE INDEX "supplier_consents_company_idx" ON "supplier_consents" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "capacity_offers_review_idx" ON "capacity_offers" USING btree ("created_at") WHERE "capacity_offers"."status" = 'new';--> statement-breakpoint
CREATE INDEX "capacity_offers_company_idx" ON "capacity_offers" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_offers_idempotency_key" ON "capacity_offers" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "offer_case_matches_case_idx" ON "offer_case_matches" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_feedback_link_id_access_links_id_fk" FOREIGN KEY ("feedback_link_id") REFERENCES "public"."access_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_links" ADD CONSTRAINT "access_links_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_verified_idx" ON "companies" USING btree ("verified_at");--> statement-breakpoint
CREATE INDEX "introductions_feedback_due_idx" ON "introductions" USING btree ("introduced_on") WHERE "introductions"."feedback_requested_at" is null;--> statement-breakpoint
CREATE INDEX "access_links_company_idx" ON "access_links" USING btree ("company_id");--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_outcome_source_check" CHECK ("introductions"."outcome_source" in ('staff', 'requester'));--> statement-breakpoint
ALTER TABLE "access_links" ADD CONSTRAINT "access_links_subject_check" CHECK (("access_links"."case_id" is not null) = ("access_links"."purpose" <> 'company_entry') and ("access_links"."company_id" is not null) = ("access_links"."purpose" in ('availability_check', 'introduction_feedback', 'company_entry')));--> statement-breakpoint
ALTER TABLE "access_links" ADD CONSTRAINT "access_links_purpose_check" CHECK ("access_links"."purpose" in ('requester_thread', 'availability_check', 'introduction_feedback', 'company_entry'));