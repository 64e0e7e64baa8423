-- ============================================================================
-- Guards the isolation suite found missing (tests/isolation/guards.test.ts).
-- Hand-written (drizzle-kit generate --custom). The handlers already keep these rules;
-- the database now keeps them too, so a handler that forgets one opens no hole.
-- ============================================================================

-- A membership always belongs to the same person and territory. Before, an admin or a
-- facilitator could repoint a membership of their territory to any account whose id they
-- knew (`update memberships set user_id = …`): that account became a "person of the
-- territory", so its row in users (email, password hash) turned readable there, although
-- it may belong to another territory only. Otherwise unchanged from 0002.
CREATE OR REPLACE FUNCTION app.guard_membership_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    actor public.membership_role := app.member_role(OLD.territory_id);
  BEGIN
    IF NEW.user_id <> OLD.user_id OR NEW.territory_id <> OLD.territory_id THEN
      RAISE EXCEPTION 'a membership always belongs to the same person and territory' USING ERRCODE = '42501';
    END IF;
    IF actor IS NULL OR actor = 'member' OR OLD.user_id = app.current_user_id() THEN
      -- One's own membership: choose one's organisation, or leave. Nothing else.
      IF NEW.role <> OLD.role OR (NEW.status <> OLD.status AND NEW.status <> 'left') THEN
        RAISE EXCEPTION 'membership change not allowed' USING ERRCODE = '42501';
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
-- Only an admin grants the admin role, by invitation too. Before, a facilitator could
-- write (or rewrite) an invitation with role 'admin', send it to a second address of
-- their own and accept it: the trigger above stops that path, this policy stops this one.
ALTER POLICY "Admins and facilitators manage invitations" ON public.invitations
  WITH CHECK (territory_id = app.current_territory_id()
              AND (app.member_role(territory_id) = 'admin'
                   OR (app.member_role(territory_id) = 'facilitator' AND role <> 'admin')));
--> statement-breakpoint
-- PostgreSQL accepts an updated row when it passes the WITH CHECK of ANY permissive
-- UPDATE policy of the table. The moderators' policies checked only the territory, so
-- their WITH CHECK let every update through for everyone: a member could hand their
-- listing to another member (putting words in their mouth). Each WITH CHECK now restates
-- who may write the row, and an author's listing must stay theirs.
ALTER POLICY "Authors edit their listings" ON public.listings
  WITH CHECK (territory_id = app.current_territory_id()
              AND author_membership_id = app.my_membership_id(territory_id));
--> statement-breakpoint
ALTER POLICY "Admins and facilitators edit any listing of their territory" ON public.listings
  WITH CHECK (territory_id = app.current_territory_id()
              AND app.member_role(territory_id) IN ('admin', 'facilitator'));
--> statement-breakpoint
ALTER POLICY "Admins and facilitators decide memberships" ON public.memberships
  WITH CHECK (territory_id = app.current_territory_id()
              AND app.member_role(territory_id) IN ('admin', 'facilitator'));
