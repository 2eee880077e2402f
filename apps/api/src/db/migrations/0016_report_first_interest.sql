CREATE TABLE "match_first_interest" (
	"match_id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_first_interest" ADD CONSTRAINT "match_first_interest_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_first_interest_need_idx" ON "match_first_interest" USING btree ("need_id","at");--> statement-breakpoint
-- hand-written: match_first_interest is the event log's first move of each match at or past 'interested' (the
-- actions of events_match_progress_idx), kept by the triggers below in the transaction that writes the log.
CREATE FUNCTION "match_first_interest_from_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only moves of matches touch the table (and so the reports' data version).
  IF EXISTS (SELECT 1 FROM "recorded" WHERE "entity_type" = 'match') THEN
    INSERT INTO "match_first_interest" ("match_id", "need_id", "at")
    SELECT r."entity_id", m."need_id", min(r."occurred_at")
    FROM "recorded" r JOIN "matches" m ON m."id" = r."entity_id"
    WHERE r."entity_type" = 'match' AND r."action" IN ('interested', 'introduced', 'negotiating', 'agreed')
    GROUP BY r."entity_id", m."need_id"
    ON CONFLICT ("match_id") DO UPDATE SET "at" = least("match_first_interest"."at", excluded."at");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "match_first_interest_on_events" AFTER INSERT ON "events" REFERENCING NEW TABLE AS "recorded"
  FOR EACH STATEMENT EXECUTE FUNCTION "match_first_interest_from_events"();
--> statement-breakpoint
-- A match written after its events (a bulk load) takes them up. A match's need never changes.
CREATE FUNCTION "match_first_interest_from_matches"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "match_first_interest" ("match_id", "need_id", "at")
  SELECT m."id", m."need_id", min(e."occurred_at")
  FROM "created" m JOIN "events" e ON e."entity_type" = 'match' AND e."entity_id" = m."id"
  WHERE e."action" IN ('interested', 'introduced', 'negotiating', 'agreed')
  GROUP BY m."id", m."need_id"
  ON CONFLICT ("match_id") DO UPDATE SET "at" = least("match_first_interest"."at", excluded."at");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "match_first_interest_on_matches" AFTER INSERT ON "matches" REFERENCING NEW TABLE AS "created"
  FOR EACH STATEMENT EXECUTE FUNCTION "match_first_interest_from_matches"();
--> statement-breakpoint
-- The table from the whole log: filled once here, and again when an event is changed or removed (rare: erasure).
CREATE FUNCTION "refill_match_first_interest"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "match_first_interest";
  INSERT INTO "match_first_interest" ("match_id", "need_id", "at")
  SELECT e."entity_id", m."need_id", min(e."occurred_at")
  FROM "events" e JOIN "matches" m ON m."id" = e."entity_id"
  WHERE e."entity_type" = 'match' AND e."action" IN ('interested', 'introduced', 'negotiating', 'agreed')
  GROUP BY e."entity_id", m."need_id";
$$;
--> statement-breakpoint
CREATE FUNCTION "match_first_interest_rebuild"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refill_match_first_interest"();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "match_first_interest_on_change" AFTER UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION "match_first_interest_rebuild"();
--> statement-breakpoint
SELECT "refill_match_first_interest"();
--> statement-breakpoint
-- Figures read the table, so its writes move the reports' data version like those of every table they read.
CREATE TRIGGER "report_data_version_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "match_first_interest"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_report_data_version"();
--> statement-breakpoint
-- The reports filter events by their day on the platform's calendar: with statistics of that expression the planner
-- knows how many rows a period keeps (a year of a two-year log, not 1 %) and joins them by hash, not row by row.
CREATE STATISTICS "events_day_stats" ON ((occurred_at AT TIME ZONE 'Asia/Shanghai')::date) FROM "events";
