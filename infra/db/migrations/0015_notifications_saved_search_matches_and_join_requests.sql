-- ============================================================================
-- Notifications that cross a privacy line (hand-written, drizzle-kit generate --custom).
-- Each helper is SECURITY DEFINER, narrowly scoped to the current territory and the
-- caller, and returns only what the caller needs:
--   app.saved_searches_matching(listing): the author of a new listing learns which
--     OTHER active members' saved searches it matches (ids, owner, label — never the
--     filters), so they can be notified; marks them notified. Saved searches are private
--     to their owners (0013), hence the helper.
--   app.notify_join_request(): a person whose request is pending (so not an active
--     member, who alone may insert notifications) tells the admins and facilitators.
--   app.unsubscribe_link(token): what a one-click unsubscribe link would stop, for the
--     confirmation page, without changing anything (a GET must never unsubscribe).
-- ============================================================================
CREATE FUNCTION app.saved_searches_matching(listing uuid)
  RETURNS TABLE (saved_search_id uuid, user_id uuid, label text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  WITH l AS (
    SELECT * FROM public.listings
     WHERE territory_id = app.current_territory_id() AND id = listing
       AND status IN ('open', 'in_progress')
       AND author_membership_id = app.my_membership_id(territory_id)
  ), found AS (
    SELECT s.territory_id, s.id, m.user_id, s.label
      FROM l
      JOIN public.saved_searches s ON s.territory_id = l.territory_id AND s.active
      JOIN public.memberships m ON m.territory_id = s.territory_id AND m.id = s.membership_id
                               AND m.status = 'active' AND m.id <> l.author_membership_id
     WHERE (s.kind IS NULL OR s.kind = l.kind)
       AND (s.category_id IS NULL OR s.category_id = l.category_id)
       AND (s.exchange_mode IS NULL OR s.exchange_mode = ANY (l.exchange_modes))
       AND (s.q IS NULL OR app.listing_document(l.title, l.description)
                            @@ websearch_to_tsquery('french'::regconfig, app.fold(s.q)))
       AND (s.near_lat IS NULL OR s.near_lon IS NULL
            OR (l.lat IS NOT NULL AND l.lon IS NOT NULL
                AND 2 * 6371.0088 * asin(least(1, sqrt(
                      power(sin(radians(l.lat - s.near_lat) / 2), 2)
                      + cos(radians(s.near_lat)) * cos(radians(l.lat))
                        * power(sin(radians(l.lon - s.near_lon) / 2), 2))))
                    <= coalesce(s.radius_km, 50)))
  ), touched AS (
    UPDATE public.saved_searches s SET last_notified_at = now()
      FROM found f WHERE s.territory_id = f.territory_id AND s.id = f.id
    RETURNING s.id
  )
  SELECT f.id, f.user_id, f.label FROM found f JOIN touched t ON t.id = f.id $$;
--> statement-breakpoint
-- Emails to moderators are sent by the memberships function itself, so the in-app
-- notification is stored as already handled (emailed_at) and never mailed twice.
CREATE FUNCTION app.notify_join_request() RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  WITH mine AS (
    SELECT m.territory_id, m.id, u.name, t.slug
      FROM public.memberships m
      JOIN public.users u ON u.id = m.user_id
      JOIN public.territories t ON t.id = m.territory_id
     WHERE m.territory_id = app.current_territory_id() AND m.user_id = app.current_user_id()
       AND m.status = 'pending'
  ), sent AS (
    INSERT INTO public.notifications (territory_id, id, user_id, kind, title, body, link, subject_id, emailed_at)
    SELECT mine.territory_id, gen_random_uuid(), mod.user_id, 'membership',
           'Nouvelle demande d''adhésion : ' || mine.name, '',
           '/t/' || mine.slug || '/admin/membres', mine.id, now()
      FROM mine
      JOIN public.memberships mod ON mod.territory_id = mine.territory_id AND mod.status = 'active'
                                 AND mod.role IN ('admin', 'facilitator')
    RETURNING 1
  )
  SELECT count(*)::integer FROM sent $$;
--> statement-breakpoint
CREATE FUNCTION app.unsubscribe_link(token_id text)
  RETURNS TABLE (kinds public.notification_kind[], email text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT t.kinds, u.email FROM public.unsubscribe_tokens t JOIN public.users u ON u.id = t.user_id
         WHERE t.id = token_id AND t.expires_at > now() $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.saved_searches_matching(uuid), app.notify_join_request(), app.unsubscribe_link(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.saved_searches_matching(uuid), app.notify_join_request(), app.unsubscribe_link(text) TO soliterr_app;
