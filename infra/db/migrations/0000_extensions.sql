-- ============================================================================
-- Extensions, the `app` schema and the application role.
-- Hand-written: drizzle-kit does not generate roles or functions.
-- Every statement is separated by a breakpoint: PGlite runs one statement at a time.
-- ============================================================================
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
-- The role every request runs as (SET LOCAL ROLE in each transaction). It owns nothing,
-- cannot log in, is not superuser and cannot bypass row-level security. Roles are
-- cluster-wide, so several SoliTERR databases on one server share it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'soliterr_app') THEN
    CREATE ROLE soliterr_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
--> statement-breakpoint
-- Request context, set transaction-locally by the one tenant-context helper
-- (functions/shared/db/tenant.ts). Empty or unset means "nobody" / "no territory".
CREATE OR REPLACE FUNCTION app.current_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.current_territory_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.territory_id', true), '')::uuid $$;
--> statement-breakpoint
-- Accent folding for French search ("élevage" finds "elevage"). unaccent() is only STABLE;
-- pinning the dictionary makes it safe to use in an index.
CREATE OR REPLACE FUNCTION app.fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.listing_document(title text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('french'::regconfig, app.fold(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('french'::regconfig, app.fold(coalesce(description, ''))), 'B')
  $$;
