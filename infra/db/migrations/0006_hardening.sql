-- ============================================================================
-- Hardening after the isolation review (hand-written, drizzle-kit generate --custom).
-- 1. Own membership: re-joining after leaving or a refusal, and accepting an
--    invitation, are allowed; the decision columns are otherwise not the member's.
-- 2. Password hashes are not readable by the application role, except one's own
--    through app.my_password_hash() (co-members can read each other's rows).
-- 3. Rate-limit counters are reachable only through app.rate_limit_hit(): a request
--    can no longer reset or read the brute-force counters.
-- ============================================================================
CREATE OR REPLACE FUNCTION app.guard_membership_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    actor public.membership_role := app.member_role(OLD.territory_id);
    self boolean := OLD.user_id = app.current_user_id();
    fresh_start boolean := false;
  BEGIN
    IF NEW.user_id <> OLD.user_id OR NEW.territory_id <> OLD.territory_id THEN
      RAISE EXCEPTION 'a membership always belongs to the same person and territory' USING ERRCODE = '42501';
    END IF;
    IF actor IS NULL OR actor = 'member' OR self THEN
      IF NEW.role <> OLD.role OR (NEW.status <> OLD.status AND NEW.status <> 'left') THEN
        IF self AND OLD.status IN ('left', 'rejected') AND NEW.role = 'member'
           AND ((NEW.status = 'pending' AND app.territory_policy(OLD.territory_id) = 'approval')
             OR (NEW.status = 'active' AND app.territory_policy(OLD.territory_id) = 'open')) THEN
          -- Asking again after leaving or a refusal, as the territory's policy allows.
          fresh_start := true;
        ELSIF self AND OLD.status IN ('pending', 'left', 'rejected') AND NEW.status = 'active'
           AND EXISTS (SELECT 1 FROM public.invitations i
                        WHERE i.territory_id = OLD.territory_id AND i.role = NEW.role
                          -- accepted_at keeps milliseconds (0007); now() has microseconds.
                          AND i.accepted_at BETWEEN now() - interval '1 millisecond' AND now() + interval '1 millisecond') THEN
          -- Accepting an invitation: app.accept_invitation marked it accepted in this transaction.
          fresh_start := true;
        ELSE
          RAISE EXCEPTION 'membership change not allowed' USING ERRCODE = '42501';
        END IF;
      END IF;
      IF NOT fresh_start AND (
           NEW.decided_by IS DISTINCT FROM OLD.decided_by
        OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
        OR NEW.decision_message IS DISTINCT FROM OLD.decision_message
        OR NEW.charter_accepted_at IS DISTINCT FROM OLD.charter_accepted_at
        OR NEW.message IS DISTINCT FROM OLD.message) THEN
        RAISE EXCEPTION 'the decision on a membership is not its member''s to change' USING ERRCODE = '42501';
      END IF;
    ELSIF actor = 'facilitator' AND (OLD.role = 'admin' OR NEW.role = 'admin') THEN
      RAISE EXCEPTION 'only an admin can grant or change the admin role' USING ERRCODE = '42501';
    END IF;
    IF OLD.role = 'admin' AND OLD.status = 'active'
       AND (NEW.role <> 'admin' OR NEW.status <> 'active')
       AND NOT EXISTS (SELECT 1 FROM public.memberships
                        WHERE territory_id = OLD.territory_id AND role = 'admin'
                          AND status = 'active' AND id <> OLD.id) THEN
      RAISE EXCEPTION 'a territory keeps at least one admin' USING ERRCODE = 'P0001', HINT = 'last_admin';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
  END $$;
--> statement-breakpoint
REVOKE SELECT ON public.users FROM soliterr_app;
--> statement-breakpoint
GRANT SELECT (id, email, email_verified_at, name, locale, created_at, updated_at) ON public.users TO soliterr_app;
--> statement-breakpoint
CREATE FUNCTION app.my_password_hash() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT password_hash FROM public.users WHERE id = app.current_user_id() $$;
--> statement-breakpoint
REVOKE ALL ON public.rate_limits FROM soliterr_app;
--> statement-breakpoint
-- One hit on a fixed window; returns the hits in the window and the seconds left in it.
CREATE FUNCTION app.rate_limit_hit(limit_key text, window_seconds integer)
  RETURNS TABLE (hits integer, retry_after integer)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    INSERT INTO public.rate_limits AS r (key, window_start, hits) VALUES (limit_key, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_start < now() - make_interval(secs => window_seconds) THEN 1 ELSE r.hits + 1 END,
      window_start = CASE WHEN r.window_start < now() - make_interval(secs => window_seconds) THEN now() ELSE r.window_start END
    RETURNING r.hits,
      ceil(extract(epoch FROM (r.window_start + make_interval(secs => window_seconds) - now())))::integer
  $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.my_password_hash(), app.rate_limit_hit(text, integer) TO soliterr_app;
