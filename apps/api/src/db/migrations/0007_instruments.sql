CREATE TABLE "instrument_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"requester_org_id" uuid NOT NULL,
	"requester_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"sample" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"relation" text NOT NULL,
	"rate_yuan_per_hour" integer NOT NULL,
	"fee_yuan" integer NOT NULL,
	"actual_start_at" timestamp with time zone,
	"actual_end_at" timestamp with time zone,
	"decision_reason" text,
	"reminded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_bookings_period_check" CHECK ("instrument_bookings"."starts_at" < "instrument_bookings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "instrument_outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_outages_period_check" CHECK ("instrument_outages"."starts_at" < "instrument_outages"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "instrument_profiles" (
	"capability_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"model" text NOT NULL,
	"maker" text NOT NULL,
	"location" text NOT NULL,
	"purchase_value_yuan" bigint,
	"measures_zh" text NOT NULL,
	"measures_en" text NOT NULL,
	"fee_own_yuan_per_hour" integer NOT NULL,
	"fee_member_yuan_per_hour" integer NOT NULL,
	"fee_outside_yuan_per_hour" integer NOT NULL,
	"horizon_days" integer NOT NULL,
	"min_minutes" integer NOT NULL,
	"max_minutes" integer NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"approval_required" boolean DEFAULT true NOT NULL,
	"max_future_per_org" integer NOT NULL,
	"cancel_deadline_hours" integer NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_profiles_block_check" CHECK ("instrument_profiles"."min_minutes" <= "instrument_profiles"."max_minutes")
);
--> statement-breakpoint
ALTER TABLE "instrument_bookings" ADD CONSTRAINT "instrument_bookings_instrument_id_instrument_profiles_capability_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument_profiles"("capability_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_bookings" ADD CONSTRAINT "instrument_bookings_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_bookings" ADD CONSTRAINT "instrument_bookings_requester_org_id_organizations_id_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_bookings" ADD CONSTRAINT "instrument_bookings_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_outages" ADD CONSTRAINT "instrument_outages_instrument_id_instrument_profiles_capability_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instrument_profiles"("capability_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_outages" ADD CONSTRAINT "instrument_outages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_profiles" ADD CONSTRAINT "instrument_profiles_capability_id_capabilities_id_fk" FOREIGN KEY ("capability_id") REFERENCES "public"."capabilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_profiles" ADD CONSTRAINT "instrument_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instrument_bookings_instrument_idx" ON "instrument_bookings" USING btree ("instrument_id","starts_at");--> statement-breakpoint
CREATE INDEX "instrument_bookings_requester_idx" ON "instrument_bookings" USING btree ("requester_org_id","starts_at");--> statement-breakpoint
CREATE INDEX "instrument_bookings_owner_idx" ON "instrument_bookings" USING btree ("owner_org_id","status");--> statement-breakpoint
CREATE INDEX "instrument_outages_instrument_idx" ON "instrument_outages" USING btree ("instrument_id","starts_at");--> statement-breakpoint
CREATE INDEX "instrument_profiles_org_idx" ON "instrument_profiles" USING btree ("org_id");--> statement-breakpoint
-- By hand (drizzle-kit cannot express it): no two approved or in-use bookings of one instrument overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "instrument_bookings" ADD CONSTRAINT "instrument_bookings_no_overlap" EXCLUDE USING gist ("instrument_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" IN ('approved', 'in_use'));
