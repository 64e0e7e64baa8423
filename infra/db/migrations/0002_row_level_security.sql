-- ============================================================================
-- Row-level security: the database is the backstop of tenant isolation.
-- Every tenant table has RLS enabled AND forced; policies are written for the
-- application role `soliterr_app` and named as sentences. Every tenant policy
-- requires territory_id = app.current_territory_id(): with no territory set,
-- nothing of any territory is visible.
--
-- The SECURITY DEFINER helpers below read memberships and territories without
-- recursing into their own policies. They run as the migration owner, which must
-- be a superuser or have BYPASSRLS (see docs/decisions/003-row-level-security.md).
-- ============================================================================

-- ---------------------------------------------------------------------------
-- Cross-table constraint drizzle cannot express (circular import)
-- ---------------------------------------------------------------------------
ALTER TABLE public.memberships
  ADD CONSTRAINT memberships_organisation_fkey
  FOREIGN KEY (territory_id, organisation_id)
  REFERENCES public.organisations (territory_id, id) ON DELETE SET NULL (organisation_id);
--> statement-breakpoint
CREATE INDEX listings_search_idx ON public.listings USING gin (app.listing_document(title, description));
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Helpers (SECURITY DEFINER, fixed search_path)
-- ---------------------------------------------------------------------------
CREATE FUNCTION app.member_role(t uuid) RETURNS public.membership_role
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT role FROM public.memberships
        WHERE territory_id = t AND user_id = app.current_user_id() AND status = 'active' $$;
--> statement-breakpoint
CREATE FUNCTION app.my_membership_id(t uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT id FROM public.memberships
        WHERE territory_id = t AND user_id = app.current_user_id() AND status = 'active' $$;
--> statement-breakpoint
CREATE FUNCTION app.my_organisation_id(t uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT organisation_id FROM public.memberships
        WHERE territory_id = t AND user_id = app.current_user_id() AND status = 'active' $$;
--> statement-breakpoint
-- Pending and suspended people still see the territory's public face (name, charter).
CREATE FUNCTION app.has_membership(t uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships
        WHERE territory_id = t AND user_id = app.current_user_id()
          AND status IN ('pending', 'active', 'suspended')) $$;
--> statement-breakpoint
CREATE FUNCTION app.territory_is_public(t uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT coalesce((SELECT visibility = 'public' FROM public.territories WHERE id = t), false) $$;
--> statement-breakpoint
CREATE FUNCTION app.territory_policy(t uuid) RETURNS public.membership_policy
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT membership_policy FROM public.territories WHERE id = t $$;
--> statement-breakpoint
CREATE FUNCTION app.territory_has_members(t uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE territory_id = t) $$;
--> statement-breakpoint
-- The territories of the current user, for the territory switcher. Each row is the
-- user's own membership; nothing else of those territories is returned.
CREATE FUNCTION app.my_territories()
  RETURNS TABLE (territory_id uuid, slug text, name text, membership_id uuid,
                 role public.membership_role, status public.membership_status)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT t.id, t.slug, t.name, m.id, m.role, m.status
          FROM public.memberships m JOIN public.territories t ON t.id = m.territory_id
         WHERE m.user_id = app.current_user_id() AND m.status IN ('pending', 'active', 'suspended')
         ORDER BY t.name $$;
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Accounts: look-ups that happen before anyone is signed in
-- ---------------------------------------------------------------------------
CREATE FUNCTION app.find_login(login_email text)
  RETURNS TABLE (user_id uuid, password_hash text, email_verified_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT id, password_hash, email_verified_at FROM public.users
         WHERE lower(email) = lower(login_email) $$;
--> statement-breakpoint
CREATE FUNCTION app.find_session(session_id text)
  RETURNS TABLE (user_id uuid, expires_at timestamptz, email text, name text,
                 email_verified_at timestamptz, locale text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT s.user_id, s.expires_at, u.email, u.name, u.email_verified_at, u.locale
          FROM public.sessions s JOIN public.users u ON u.id = s.user_id
         WHERE s.id = session_id $$;
--> statement-breakpoint
-- Marks a single-use token as used and returns its user, or NULL if it is unknown,
-- used or expired. The caller then acts as that user.
CREATE FUNCTION app.consume_user_token(token_id text, token_purpose public.token_purpose) RETURNS uuid
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ UPDATE public.user_tokens SET used_at = now()
         WHERE id = token_id AND purpose = token_purpose AND used_at IS NULL AND expires_at > now()
     RETURNING user_id $$;
--> statement-breakpoint
-- Accepting an invitation: the token is the proof, whoever is signed in receives the role.
CREATE FUNCTION app.accept_invitation(t uuid, invitation_token_hash text) RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    inv public.invitations;
    membership uuid;
  BEGIN
    IF app.current_user_id() IS NULL THEN RETURN NULL; END IF;
    SELECT * INTO inv FROM public.invitations
     WHERE territory_id = t AND token_hash = invitation_token_hash
       AND accepted_at IS NULL AND expires_at > now()
     FOR UPDATE;
    IF NOT FOUND THEN RETURN NULL; END IF;
    UPDATE public.invitations SET accepted_at = now() WHERE territory_id = t AND id = inv.id;
    INSERT INTO public.memberships (territory_id, id, user_id, role, status, charter_accepted_at, decided_by, decided_at)
    VALUES (t, gen_random_uuid(), app.current_user_id(), inv.role, 'active', now(), NULL, now())
    ON CONFLICT (territory_id, user_id) DO UPDATE
      SET status = 'active', role = EXCLUDED.role, charter_accepted_at = now(), updated_at = now()
      WHERE public.memberships.status IN ('pending', 'rejected', 'left')
    RETURNING id INTO membership;
    RETURN membership;
  END $$;
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Membership changes a member may not make to themselves
-- ---------------------------------------------------------------------------
CREATE FUNCTION app.guard_membership_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    actor public.membership_role := app.member_role(OLD.territory_id);
  BEGIN
    IF actor IS NULL OR actor = 'member' OR OLD.user_id = app.current_user_id() THEN
      -- One's own membership: choose one's organisation, or leave. Nothing else.
      IF NEW.role <> OLD.role OR NEW.user_id <> OLD.user_id
         OR (NEW.status <> OLD.status AND NEW.status <> 'left') THEN
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
CREATE TRIGGER memberships_guard BEFORE UPDATE ON public.memberships
  FOR EACH ROW EXECUTE FUNCTION app.guard_membership_change();
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Grants: the application role gets data access only, never ownership
-- ---------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public, app TO soliterr_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO soliterr_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO soliterr_app;
--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO soliterr_app;
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Enable and force RLS
-- ---------------------------------------------------------------------------
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.user_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.user_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.territories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.territories FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.categories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.categories FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.organisations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.listings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.listings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Accounts
-- ---------------------------------------------------------------------------
CREATE POLICY "People see their own account" ON public.users FOR SELECT TO soliterr_app
  USING (id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "Members see the people of their territory" ON public.users FOR SELECT TO soliterr_app
  USING (app.member_role(app.current_territory_id()) IS NOT NULL
         AND EXISTS (SELECT 1 FROM public.memberships m
                      WHERE m.territory_id = app.current_territory_id() AND m.user_id = users.id));
--> statement-breakpoint
CREATE POLICY "Anyone can open an account" ON public.users FOR INSERT TO soliterr_app
  WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY "People update their own account" ON public.users FOR UPDATE TO soliterr_app
  USING (id = app.current_user_id()) WITH CHECK (id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "People manage their own sessions" ON public.sessions FOR ALL TO soliterr_app
  USING (user_id = app.current_user_id()) WITH CHECK (user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "People manage their own account tokens" ON public.user_tokens FOR ALL TO soliterr_app
  USING (user_id = app.current_user_id()) WITH CHECK (user_id = app.current_user_id());
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Territories
-- ---------------------------------------------------------------------------
CREATE POLICY "Anyone sees public territories and members see their own" ON public.territories
  FOR SELECT TO soliterr_app
  USING (visibility = 'public' OR app.has_membership(id));
--> statement-breakpoint
CREATE POLICY "Signed-in people create territories" ON public.territories
  FOR INSERT TO soliterr_app
  WITH CHECK (app.current_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY "Admins update their territory" ON public.territories
  FOR UPDATE TO soliterr_app
  USING (id = app.current_territory_id() AND app.member_role(id) = 'admin')
  WITH CHECK (id = app.current_territory_id() AND app.member_role(id) = 'admin');
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Memberships and invitations
-- ---------------------------------------------------------------------------
CREATE POLICY "People see their own membership" ON public.memberships
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "Active members see the active members of their territory" ON public.memberships
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND status = 'active'
         AND app.member_role(territory_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY "Admins and facilitators see every membership of their territory" ON public.memberships
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND app.member_role(territory_id) IN ('admin', 'facilitator'));
--> statement-breakpoint
CREATE POLICY "People ask to join a territory as its policy allows" ON public.memberships
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id() AND user_id = app.current_user_id()
              AND role = 'member'
              AND ((status = 'pending' AND app.territory_policy(territory_id) = 'approval')
                OR (status = 'active' AND app.territory_policy(territory_id) = 'open')));
--> statement-breakpoint
CREATE POLICY "The founder becomes the first admin of a new territory" ON public.memberships
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id() AND user_id = app.current_user_id()
              AND role = 'admin' AND status = 'active'
              AND NOT app.territory_has_members(territory_id));
--> statement-breakpoint
CREATE POLICY "Admins and facilitators decide memberships" ON public.memberships
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND app.member_role(territory_id) IN ('admin', 'facilitator'))
  WITH CHECK (territory_id = app.current_territory_id());
--> statement-breakpoint
CREATE POLICY "People update their own membership" ON public.memberships
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id() AND user_id = app.current_user_id())
  WITH CHECK (territory_id = app.current_territory_id() AND user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "Admins and facilitators manage invitations" ON public.invitations
  FOR ALL TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND app.member_role(territory_id) IN ('admin', 'facilitator'))
  WITH CHECK (territory_id = app.current_territory_id()
         AND app.member_role(territory_id) IN ('admin', 'facilitator'));
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Categories and audit log
-- ---------------------------------------------------------------------------
CREATE POLICY "Anyone who sees a territory sees its categories" ON public.categories
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND (app.territory_is_public(territory_id) OR app.has_membership(territory_id)));
--> statement-breakpoint
CREATE POLICY "Admins manage the categories of their territory" ON public.categories
  FOR ALL TO soliterr_app
  USING (territory_id = app.current_territory_id() AND app.member_role(territory_id) = 'admin')
  WITH CHECK (territory_id = app.current_territory_id() AND app.member_role(territory_id) = 'admin');
--> statement-breakpoint
CREATE POLICY "Admins and facilitators read the audit log of their territory" ON public.audit_log
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND app.member_role(territory_id) IN ('admin', 'facilitator'));
--> statement-breakpoint
CREATE POLICY "Admins and facilitators record what they did" ON public.audit_log
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id() AND actor_user_id = app.current_user_id()
              AND app.member_role(territory_id) IN ('admin', 'facilitator'));
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Organisations
-- ---------------------------------------------------------------------------
CREATE POLICY "Active members see the organisations of their territory" ON public.organisations
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND app.member_role(territory_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY "Anyone sees the organisations behind public listings" ON public.organisations
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND app.territory_is_public(territory_id)
         AND EXISTS (SELECT 1 FROM public.listings l
                      WHERE l.territory_id = organisations.territory_id
                        AND l.organisation_id = organisations.id AND l.visibility = 'public'
                        AND l.status IN ('open', 'in_progress')));
--> statement-breakpoint
CREATE POLICY "Active members register organisations" ON public.organisations
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id()
              AND created_by = app.my_membership_id(territory_id));
--> statement-breakpoint
CREATE POLICY "Representatives, admins and facilitators edit an organisation" ON public.organisations
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND (id = app.my_organisation_id(territory_id)
              OR created_by = app.my_membership_id(territory_id)
              OR app.member_role(territory_id) IN ('admin', 'facilitator')))
  WITH CHECK (territory_id = app.current_territory_id());
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Listings (offers and needs)
-- ---------------------------------------------------------------------------
CREATE POLICY "Active members see the listings of their territory" ON public.listings
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND app.member_role(territory_id) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY "Anyone sees the public open listings of a public territory" ON public.listings
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND visibility = 'public'
         AND status IN ('open', 'in_progress') AND app.territory_is_public(territory_id));
--> statement-breakpoint
CREATE POLICY "Active members post listings as themselves" ON public.listings
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id()
              AND author_membership_id = app.my_membership_id(territory_id));
--> statement-breakpoint
CREATE POLICY "Authors edit their listings" ON public.listings
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND author_membership_id = app.my_membership_id(territory_id))
  WITH CHECK (territory_id = app.current_territory_id());
--> statement-breakpoint
CREATE POLICY "Admins and facilitators edit any listing of their territory" ON public.listings
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND app.member_role(territory_id) IN ('admin', 'facilitator'))
  WITH CHECK (territory_id = app.current_territory_id());
--> statement-breakpoint
CREATE POLICY "Admins delete listings of their territory" ON public.listings
  FOR DELETE TO soliterr_app
  USING (territory_id = app.current_territory_id() AND app.member_role(territory_id) = 'admin');
