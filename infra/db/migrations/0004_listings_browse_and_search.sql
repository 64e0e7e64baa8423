-- ============================================================================
-- Listings: browsing and search under row-level security.
-- Requests run as soliterr_app with forced RLS. PostgreSQL then refuses to use a
-- non-leakproof operator (enum =, tsvector @@, array &&) as an index condition ahead
-- of the policies, so only territory_id, timestamps, dates, uuids and floats reach an
-- index. The indexes below give each explicit sort of GET …/listings an ordered scan
-- that stops at the page size; the function gives the full-text search its GIN index.
-- ============================================================================
-- sort=newest (the default): created_at desc, id desc.
CREATE INDEX IF NOT EXISTS listings_newest_idx
  ON public.listings (territory_id, created_at DESC, id DESC);
--> statement-breakpoint
-- sort=ending_soon: available_until asc (nulls last, the default), then id.
CREATE INDEX IF NOT EXISTS listings_ending_soon_idx
  ON public.listings (territory_id, available_until, id);
--> statement-breakpoint
-- The ids of the current territory's listings that match a French full-text query,
-- found through listings_search_idx (accents folded on both sides). It returns no more
-- than the caller could already see: the same rule as the SELECT policies on listings,
-- which still apply to the query that uses these ids. Widen both together.
CREATE OR REPLACE FUNCTION app.listing_ids_matching(query text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT l.id FROM public.listings l
         WHERE l.territory_id = app.current_territory_id()
           AND app.listing_document(l.title, l.description) @@ websearch_to_tsquery('french'::regconfig, app.fold(query))
           AND (app.member_role(l.territory_id) IS NOT NULL
                OR (l.visibility = 'public' AND l.status IN ('open', 'in_progress')
                    AND app.territory_is_public(l.territory_id))) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.listing_ids_matching(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.listing_ids_matching(text) TO soliterr_app;
