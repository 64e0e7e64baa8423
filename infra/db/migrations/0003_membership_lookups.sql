-- ============================================================================
-- Look-ups the memberships function needs across row-level security.
-- Hand-written (drizzle-kit generate --custom). SECURITY DEFINER, fixed search_path,
-- each returning only what the caller is entitled to use.
-- ============================================================================

-- The invitee of a private territory is not a member yet, so the territory is not
-- visible to them: the invitation token itself is the proof. Returns the territory
-- only while a matching invitation is unused and unexpired.
CREATE FUNCTION app.invitation_territory(territory_slug text, invitation_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT i.territory_id FROM public.invitations i JOIN public.territories t ON t.id = i.territory_id
         WHERE t.slug = territory_slug AND i.token_hash = invitation_token_hash
           AND i.accepted_at IS NULL AND i.expires_at > now() $$;
--> statement-breakpoint
-- Whom to tell about a request to join: the active admins and facilitators. A person
-- whose request is pending cannot read them through the policies; only that person,
-- and only for that territory, gets them here (to send mail, never to show).
CREATE FUNCTION app.membership_moderators(t uuid) RETURNS TABLE (name text, email text, locale text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT u.name, u.email, u.locale
          FROM public.memberships m JOIN public.users u ON u.id = m.user_id
         WHERE m.territory_id = t AND m.status = 'active' AND m.role IN ('admin', 'facilitator')
           AND EXISTS (SELECT 1 FROM public.memberships mine
                        WHERE mine.territory_id = t AND mine.user_id = app.current_user_id()
                          AND mine.status = 'pending')
         ORDER BY u.name $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.invitation_territory(text, text) TO soliterr_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.membership_moderators(uuid) TO soliterr_app;
