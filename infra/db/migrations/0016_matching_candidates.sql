-- ============================================================================
-- Transparent matching (issue 5, functions/shared/matching; hand-written,
-- drizzle-kit generate --custom). Two SECURITY DEFINER look-ups, same rules as
-- app.listing_ids_matching (0004, 0008): current territory only, the caller's rights
-- computed once, nothing returned that the caller could not already count on.
-- ============================================================================

-- Candidates that share at least one word with a listing. Under forced RLS `@@` cannot
-- use the GIN index (it is not leakproof), so suggestions find these ids through
-- listings_territory_search_idx here; the policies still filter the rows the suggestion
-- query then reads. `words` are lexemes of app.listing_document (already folded and
-- stemmed): they are matched as they are, any of them (OR). Active members only.
CREATE OR REPLACE FUNCTION app.listing_ids_sharing_words(words text[]) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT l.id FROM public.listings l
         WHERE cardinality(words) > 0
           AND l.territory_id = app.current_territory_id()
           AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL
           AND app.listing_document(l.title, l.description)
               @@ array_to_string(ARRAY(SELECT quote_literal(w) FROM unnest(words) AS w), ' | ')::tsquery $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.listing_ids_sharing_words(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.listing_ids_sharing_words(text[]) TO soliterr_app;
--> statement-breakpoint
-- The listings of the current territory that already have a conversation, for the
-- « besoins sans réponse » page: admins and facilitators learn THAT someone answered,
-- never who nor what was said (conversations stay readable by their sides only, unless
-- the territory lets facilitators read them). Anyone else gets nothing.
CREATE OR REPLACE FUNCTION app.listing_ids_with_conversation() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT DISTINCT c.listing_id FROM public.conversations c
         WHERE c.territory_id = app.current_territory_id()
           AND (SELECT app.member_role(app.current_territory_id())) IN ('admin', 'facilitator') $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.listing_ids_with_conversation() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.listing_ids_with_conversation() TO soliterr_app;
