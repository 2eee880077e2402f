-- hand-written: a change that could alter who a session acts as, or end it, says so on channel coop_actors in its
-- transaction (delivered when it commits), so a process keeping actors in memory drops them (auth/actor-cache.ts).
-- Logins and failed attempts (last_login_at, failed_login_count, locked_until) do not touch these columns.
CREATE FUNCTION "announce_actor_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('coop_actors', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "actor_change" AFTER UPDATE OF "id", "org_id", "org_role", "platform_role", "time_zone", "disabled_at" OR DELETE OR TRUNCATE
  ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "announce_actor_change"();
--> statement-breakpoint
CREATE TRIGGER "actor_change" AFTER UPDATE OF "id", "kind", "region_code", "verified" OR DELETE OR TRUNCATE
  ON "organizations" FOR EACH STATEMENT EXECUTE FUNCTION "announce_actor_change"();
--> statement-breakpoint
CREATE TRIGGER "actor_change" AFTER UPDATE OF "id", "user_id", "expires_at", "revoked_at" OR DELETE OR TRUNCATE
  ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "announce_actor_change"();
