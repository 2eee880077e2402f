-- hand-written order: the old one-column key goes before the column the new key needs is added.
ALTER TABLE "report_data_version" DROP CONSTRAINT "report_data_version_pkey";--> statement-breakpoint
ALTER TABLE "report_data_version" ADD COLUMN "table_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_data_version" ADD CONSTRAINT "report_data_version_table_name_slot_pk" PRIMARY KEY("table_name","slot");--> statement-breakpoint
-- hand-written: each write bumps its own table's slot, so a figure that reads other tables keeps its cached value.
-- The rows of table '' keep the counts from before: the sum over all rows still only grows.
CREATE OR REPLACE FUNCTION "bump_report_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "report_data_version" ("table_name", "slot", "n") VALUES (TG_TABLE_NAME, txid_current() % 16, 1)
    ON CONFLICT ("table_name", "slot") DO UPDATE SET "n" = "report_data_version"."n" + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_report_data_version_for_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "recorded" WHERE "entity_type" IN ('match', 'project')) THEN
    INSERT INTO "report_data_version" ("table_name", "slot", "n") VALUES (TG_TABLE_NAME, txid_current() % 16, 1)
      ON CONFLICT ("table_name", "slot") DO UPDATE SET "n" = "report_data_version"."n" + 1;
  END IF;
  RETURN NULL;
END $$;
