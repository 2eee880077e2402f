-- hand-written: report figures read only the events of matches and projects; recording any other event (a target
-- set, an organisation created, a file attached) no longer moves the reports' data version, so it keeps the figures.
DROP TRIGGER "report_data_version_bump" ON "events";
--> statement-breakpoint
CREATE FUNCTION "bump_report_data_version_for_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "recorded" WHERE "entity_type" IN ('match', 'project')) THEN
    UPDATE "report_data_version" SET "n" = "n" + 1 WHERE "slot" = txid_current() % 16;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_data_version_bump_insert" AFTER INSERT ON "events" REFERENCING NEW TABLE AS "recorded"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version_for_events"();
--> statement-breakpoint
-- Events are appended; a change or removal (rare: erasure) still moves the version whatever it touched.
CREATE TRIGGER "report_data_version_bump" AFTER UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
