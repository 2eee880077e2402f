CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_key" text NOT NULL,
	"year" integer NOT NULL,
	"indicator" text NOT NULL,
	"value" double precision NOT NULL,
	"updated_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_scope_year_indicator_idx" ON "targets" USING btree ("scope_kind","scope_key","year","indicator");--> statement-breakpoint
CREATE INDEX "events_type_action_idx" ON "events" USING btree ("entity_type","action","entity_id");