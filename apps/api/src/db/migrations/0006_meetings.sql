CREATE TABLE "agreement_confirmations" (
	"agreement_id" uuid NOT NULL,
	"action" text NOT NULL,
	"org_id" uuid NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"reason" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_confirmations_agreement_id_action_org_id_pk" PRIMARY KEY("agreement_id","action","org_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_agreements" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_assignments" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"table_no" integer NOT NULL,
	"fixed" boolean DEFAULT false NOT NULL,
	"attendance" text DEFAULT 'scheduled' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_assignments_cell_unique" UNIQUE("meeting_id","slot","table_no"),
	CONSTRAINT "meeting_assignments_slot_check" CHECK ("meeting_assignments"."slot" >= 0 and "meeting_assignments"."table_no" >= 1)
);
--> statement-breakpoint
CREATE TABLE "meeting_outcomes" (
	"request_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_outcomes_request_id_org_id_phase_pk" PRIMARY KEY("request_id","org_id","phase")
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"delegates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"need_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"capability_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"available_slots" integer[],
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_participants_org_unique" UNIQUE("meeting_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"from_participant_id" uuid NOT NULL,
	"to_participant_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"match_id" uuid,
	"walk_in" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "meeting_requests_pair_unique" UNIQUE("meeting_id","from_participant_id","to_participant_id"),
	CONSTRAINT "meeting_requests_two_sides_check" CHECK ("meeting_requests"."from_participant_id" <> "meeting_requests"."to_participant_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"date" date NOT NULL,
	"venue" text NOT NULL,
	"programme" text,
	"slot_minutes" integer NOT NULL,
	"slot_starts" text[] NOT NULL,
	"table_count" integer NOT NULL,
	"registration_deadline" date NOT NULL,
	"request_limit" integer DEFAULT 10 NOT NULL,
	"follow_up_months" integer DEFAULT 3 NOT NULL,
	"organiser_org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"follow_up_asked_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_table_count_check" CHECK ("meetings"."table_count" >= 1),
	CONSTRAINT "meetings_slot_minutes_check" CHECK ("meetings"."slot_minutes" between 5 and 240)
);
--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agreements" ADD CONSTRAINT "meeting_agreements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agreements" ADD CONSTRAINT "meeting_agreements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_assignments" ADD CONSTRAINT "meeting_assignments_request_id_meeting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."meeting_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_assignments" ADD CONSTRAINT "meeting_assignments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_request_id_meeting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."meeting_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_from_participant_id_meeting_participants_id_fk" FOREIGN KEY ("from_participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_to_participant_id_meeting_participants_id_fk" FOREIGN KEY ("to_participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organiser_org_id_organizations_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agreements_meeting_idx" ON "meeting_agreements" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_org_idx" ON "meeting_participants" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_meeting_idx" ON "meeting_requests" USING btree ("meeting_id","status");--> statement-breakpoint
CREATE INDEX "meetings_organiser_idx" ON "meetings" USING btree ("organiser_org_id","date");