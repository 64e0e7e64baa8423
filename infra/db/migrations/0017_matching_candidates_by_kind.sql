-- ============================================================================
-- Suggestions among 10,000 open listings (`npm run bench`, scenario « suggestions »):
-- under forced RLS the suggestion query read every listing of the territory, because
-- kind and status (enums) cannot reach an index ahead of the policies. This look-up
-- (SECURITY DEFINER, same rule as 0016: current territory, active members only) finds
-- the candidates through the indexes — open listings of the wanted kind in the given
-- categories (listings_category_idx), or sharing a word (listings_territory_search_idx)
-- — and the policies still filter the rows the suggestion query then reads by id.
-- ============================================================================
CREATE OR REPLACE FUNCTION app.matching_candidate_ids(wanted public.listing_kind, in_categories uuid[], words text[])
  RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT l.id FROM public.listings l
         WHERE l.territory_id = app.current_territory_id()
           AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL
           AND l.category_id = ANY (in_categories) AND l.kind = wanted AND l.status = 'open'
        UNION
        SELECT l.id FROM public.listings l
         WHERE cardinality(words) > 0
           AND l.territory_id = app.current_territory_id()
           AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL
           AND app.listing_document(l.title, l.description)
               @@ array_to_string(ARRAY(SELECT quote_literal(w) FROM unnest(words) AS w), ' | ')::tsquery
           AND l.kind = wanted AND l.status = 'open' $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.matching_candidate_ids(public.listing_kind, uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.matching_candidate_ids(public.listing_kind, uuid[], text[]) TO soliterr_app;
