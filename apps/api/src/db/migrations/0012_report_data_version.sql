CREATE TABLE "report_data_version" (
	"slot" integer PRIMARY KEY NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "events_match_progress_idx" ON "events" USING btree ("entity_id","occurred_at") WHERE "events"."entity_type" = 'match' and "events"."action" in ('interested', 'introduced', 'negotiating', 'agreed');--> statement-breakpoint
-- hand-written: 16 slots; every write to a table a report figure is counted from bumps one, in its own transaction.
INSERT INTO "report_data_version" ("slot", "n") SELECT g, 0 FROM generate_series(0, 15) AS g;
--> statement-breakpoint
CREATE FUNCTION "bump_report_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "report_data_version" SET "n" = "n" + 1 WHERE "slot" = txid_current() % 16;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE counted text;
BEGIN
  FOREACH counted IN ARRAY ARRAY[
    'organizations', 'association_members', 'designations', 'needs', 'capabilities', 'matches', 'events',
    'agreements', 'agreement_parties', 'projects', 'checklist_items', 'instrument_bookings', 'meetings',
    'meeting_participants', 'meeting_requests', 'meeting_assignments', 'meeting_outcomes', 'meeting_agreements'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER "report_data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"()', counted);
  END LOOP;
END $$;
