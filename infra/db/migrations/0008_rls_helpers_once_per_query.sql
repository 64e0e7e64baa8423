-- ============================================================================
-- Row-level security helpers evaluated once per query instead of once per row
-- (hand-written, drizzle-kit generate --custom). Found by `npm run bench`.
--
-- The read policies called app.member_role(territory_id) and
-- app.territory_is_public(territory_id) with the row's column: PostgreSQL ran these
-- SECURITY DEFINER functions (each a query of its own, never inlined) for every row it
-- looked at. Priced at their default cost, they also steered the planner away from the
-- ordered index scan that stops after one page: a visitor's page of 20 open offers read
-- and checked all 10,000 listings of the territory (76 ms instead of 2 ms).
--
-- Every one of these policies already requires territory_id = app.current_territory_id(),
-- so the helper may take app.current_territory_id() instead of the column, and wrapped in
-- a scalar sub-select it becomes an InitPlan, computed once per statement. Who sees what
-- is unchanged: same conditions, same names, same roles.
-- ============================================================================
ALTER POLICY "Active members see the listings of their territory" ON public.listings
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL);
--> statement-breakpoint
ALTER POLICY "Anyone sees the public open listings of a public territory" ON public.listings
  USING (territory_id = app.current_territory_id() AND visibility = 'public'
         AND status IN ('open', 'in_progress')
         AND (SELECT app.territory_is_public(app.current_territory_id())));
--> statement-breakpoint
ALTER POLICY "Anyone who sees a territory sees its categories" ON public.categories
  USING (territory_id = app.current_territory_id()
         AND ((SELECT app.territory_is_public(app.current_territory_id()))
              OR (SELECT app.has_membership(app.current_territory_id()))));
--> statement-breakpoint
ALTER POLICY "Admins manage the categories of their territory" ON public.categories
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.member_role(app.current_territory_id())) = 'admin')
  WITH CHECK (territory_id = app.current_territory_id()
              AND (SELECT app.member_role(app.current_territory_id())) = 'admin');
--> statement-breakpoint
ALTER POLICY "Active members see the organisations of their territory" ON public.organisations
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL);
--> statement-breakpoint
ALTER POLICY "Anyone sees the organisations behind public listings" ON public.organisations
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.territory_is_public(app.current_territory_id()))
         AND EXISTS (SELECT 1 FROM public.listings l
                      WHERE l.territory_id = organisations.territory_id
                        AND l.organisation_id = organisations.id AND l.visibility = 'public'
                        AND l.status IN ('open', 'in_progress')));
--> statement-breakpoint
ALTER POLICY "Active members see the active members of their territory" ON public.memberships
  USING (territory_id = app.current_territory_id() AND status = 'active'
         AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL);
--> statement-breakpoint
ALTER POLICY "Admins and facilitators see every membership of their territory" ON public.memberships
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.member_role(app.current_territory_id())) IN ('admin', 'facilitator'));
--> statement-breakpoint
ALTER POLICY "Members see the people of their territory" ON public.users
  USING ((SELECT app.member_role(app.current_territory_id())) IS NOT NULL
         AND EXISTS (SELECT 1 FROM public.memberships m
                      WHERE m.territory_id = app.current_territory_id() AND m.user_id = users.id));
--> statement-breakpoint
-- The full-text look-up of migration 0004, same rule, the caller's rights computed once.
CREATE OR REPLACE FUNCTION app.listing_ids_matching(query text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT l.id FROM public.listings l
         WHERE l.territory_id = app.current_territory_id()
           AND app.listing_document(l.title, l.description) @@ websearch_to_tsquery('french'::regconfig, app.fold(query))
           AND ((SELECT app.member_role(app.current_territory_id())) IS NOT NULL
                OR (l.visibility = 'public' AND l.status IN ('open', 'in_progress')
                    AND (SELECT app.territory_is_public(app.current_territory_id())))) $$;
