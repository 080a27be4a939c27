-- The last active administrator stays: a change to "user" (better-auth's admin endpoints, a script,
-- anyone's SQL) that would leave no active administrator where there was one is refused by the
-- database itself. The application checks first and says why; this closes the race in which two
-- administrators demote each other at once (each check saw the other still an admin). The advisory
-- lock serialises the count across connections: the second statement counts after the first commits.
CREATE OR REPLACE FUNCTION "parley_keep_an_active_admin"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM old_rows
    WHERE (',' || replace(coalesce(old_rows."role", ''), ' ', '') || ',') LIKE '%,admin,%'
      AND coalesce(old_rows."banned", false) = false
  ) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(727274001);
  IF NOT EXISTS (
    SELECT 1 FROM "user"
    WHERE (',' || replace(coalesce("user"."role", ''), ' ', '') || ',') LIKE '%,admin,%'
      AND coalesce("user"."banned", false) = false
  ) THEN
    RAISE EXCEPTION 'the last active administrator cannot be demoted, deactivated or removed'
      USING ERRCODE = 'P0001', HINT = 'parley_last_admin';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "user_keeps_an_active_admin_on_update" AFTER UPDATE ON "user"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "parley_keep_an_active_admin"();
--> statement-breakpoint
CREATE TRIGGER "user_keeps_an_active_admin_on_delete" AFTER DELETE ON "user"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "parley_keep_an_active_admin"();
