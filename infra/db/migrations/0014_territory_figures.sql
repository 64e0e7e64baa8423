-- ============================================================================
-- The territory's figures (hand-written, drizzle-kit generate --custom): what its
-- confirmed cooperations add up to. Aggregates only — counts and sums, never a name,
-- a listing title or an id — so a public territory can show its resilience to
-- visitors, who cannot read cooperations themselves (policies of 0013).
-- See docs/decisions/010-public-territory-figures.md.
--
-- Who gets an answer: anyone inside a public territory, active members inside a
-- private one, always for the current territory only (app.current_territory_id());
-- otherwise NULL. Months are counted in the territory's time zone (France), by the
-- date the cooperation started, or else the date it was confirmed.
-- ============================================================================
CREATE FUNCTION app.territory_figures() RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  WITH allowed AS (
    SELECT t.id FROM public.territories t
     WHERE t.id = app.current_territory_id()
       AND (t.visibility = 'public' OR app.member_role(t.id) IS NOT NULL)
  ), confirmed AS (
    SELECT c.* FROM public.cooperations c JOIN allowed a ON c.territory_id = a.id
     WHERE c.status = 'confirmed'
  ), structures AS (
    SELECT recorded_by_organisation_id AS id FROM confirmed WHERE recorded_by_organisation_id IS NOT NULL
    UNION
    SELECT p.organisation_id FROM public.cooperation_partners p
      JOIN confirmed c ON p.territory_id = c.territory_id AND p.cooperation_id = c.id
     WHERE p.organisation_id IS NOT NULL
  ), months AS (
    SELECT to_char(m, 'YYYY-MM') AS month
      FROM generate_series(date_trunc('month', now() AT TIME ZONE 'Europe/Paris') - interval '11 months',
                           date_trunc('month', now() AT TIME ZONE 'Europe/Paris'), interval '1 month') AS m
  )
  SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM allowed) THEN NULL ELSE jsonb_build_object(
    'cooperations', (SELECT count(*) FROM confirmed),
    'structures', (SELECT count(*) FROM structures),
    'byExchangeMode', coalesce((
      SELECT jsonb_agg(jsonb_build_object('exchangeMode', x.exchange_mode, 'count', x.n) ORDER BY x.n DESC, x.exchange_mode)
        FROM (SELECT exchange_mode, count(*) AS n FROM confirmed GROUP BY exchange_mode) x), '[]'::jsonb),
    'byCategory', coalesce((
      SELECT jsonb_agg(jsonb_build_object('slug', k.slug, 'labelFr', k.label_fr, 'labelEn', k.label_en, 'count', x.n)
                       ORDER BY x.n DESC, k.slug)
        FROM (SELECT l.territory_id, l.category_id, count(*) AS n
                FROM confirmed c JOIN public.listings l ON l.territory_id = c.territory_id AND l.id = c.listing_id
               GROUP BY l.territory_id, l.category_id) x
        JOIN public.categories k ON k.territory_id = x.territory_id AND k.id = x.category_id), '[]'::jsonb),
    'impact', (SELECT jsonb_build_object(
                 'kmAvoided', coalesce(sum(km_avoided), 0),
                 'kgSaved', coalesce(sum(kg_saved), 0),
                 'eurosSaved', coalesce(sum(euros_saved), 0),
                 'skillHours', coalesce(sum(skill_hours), 0)) FROM confirmed),
    'byMonth', (
      SELECT jsonb_agg(jsonb_build_object('month', m.month, 'count', (
               SELECT count(*) FROM confirmed c
                WHERE to_char(coalesce(c.started_on, (c.confirmed_at AT TIME ZONE 'Europe/Paris')::date), 'YYYY-MM') = m.month))
             ORDER BY m.month)
        FROM months m)
  ) END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.territory_figures() TO soliterr_app;
