-- The conversation index searches with pg_trgm (CJK and partial words) and unaccent (accents
-- ignored). unaccent() is not IMMUTABLE, so index expressions go through f_unaccent, which names
-- its dictionary with its schema (an IMMUTABLE function must not depend on search_path).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
