CREATE TABLE "designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"certificate_no" text,
	"issuing_body" text,
	"valid_from" date,
	"valid_until" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"claimed_by" uuid,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"reason" text,
	"expiry_warned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "designations_org_idx" ON "designations" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "designations_status_idx" ON "designations" USING btree ("status","valid_until");--> statement-breakpoint
-- hand-written: profile designations become pending claims; they count only once a coordinator or officer verifies them.
INSERT INTO "designations" ("org_id", "kind", "status")
SELECT o."id", d.kind, 'pending' FROM "organizations" o CROSS JOIN LATERAL unnest(o."designations") AS d(kind);
