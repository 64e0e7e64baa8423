-- ============================================================================
-- Row-level security for conversations, cooperations, notifications and saved
-- searches (hand-written, drizzle-kit generate --custom). Same rules as 0002:
-- every tenant policy requires territory_id = app.current_territory_id(), policies
-- are TO soliterr_app and named as sentences, helpers are SECURITY DEFINER with a
-- fixed search_path, and the caller's rights are computed once per statement
-- ((SELECT app.…(app.current_territory_id())), see 0008).
--
-- Who sees what:
--   conversations and their messages: the two sides only — the responder and the
--     listing's author, and the members who represent their structures; admins and
--     facilitators read them only if the territory turned that on. Another
--     territory never does.
--   cooperations: confirmed ones are the territory's shared record (active members);
--     proposed, disputed and withdrawn ones are seen by their parties, admins and
--     facilitators. Partners confirm or dispute; a trigger settles the cooperation
--     and marks the listing fulfilled once every partner has confirmed.
--   notifications: their recipient, in the territory they belong to.
--   notification preferences, unsubscribe links: their owner (account tables).
--   saved searches: their owner.
--   digest_runs: nobody but app.claim_digest_period().
-- ============================================================================

-- ---------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------
CREATE FUNCTION app.facilitators_read_conversations(t uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT coalesce((SELECT facilitators_read_conversations FROM public.territories WHERE id = t), false) $$;
--> statement-breakpoint
-- A side of the conversation (not a facilitator merely reading it): may write and record.
CREATE FUNCTION app.is_conversation_participant(t uuid, conversation uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT EXISTS (
          SELECT 1 FROM public.conversations c
           WHERE c.territory_id = t AND c.id = conversation AND app.my_membership_id(t) IS NOT NULL
             AND (c.author_membership_id = app.my_membership_id(t)
                  OR c.responder_membership_id = app.my_membership_id(t)
                  OR app.my_organisation_id(t) IN (c.author_organisation_id, c.responder_organisation_id))) $$;
--> statement-breakpoint
-- The recorder of a cooperation, a partner, or a member of a partner's structure.
CREATE FUNCTION app.is_cooperation_party(t uuid, cooperation uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT app.my_membership_id(t) IS NOT NULL AND (
          EXISTS (SELECT 1 FROM public.cooperations c
                   WHERE c.territory_id = t AND c.id = cooperation
                     AND (c.recorded_by_membership_id = app.my_membership_id(t)
                          OR c.recorded_by_organisation_id = app.my_organisation_id(t)))
          OR EXISTS (SELECT 1 FROM public.cooperation_partners p
                      WHERE p.territory_id = t AND p.cooperation_id = cooperation
                        AND (p.membership_id = app.my_membership_id(t)
                             OR p.organisation_id = app.my_organisation_id(t)))) $$;
--> statement-breakpoint
-- Whether a person belongs to the territory at all (any status): who may be notified there.
CREATE FUNCTION app.belongs_to_territory(t uuid, person uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE territory_id = t AND user_id = person) $$;
--> statement-breakpoint
-- What a person gets when they never chose: messages and decisions at once, suggestions
-- and saved-search alerts in the daily digest.
CREATE FUNCTION app.default_frequency(k public.notification_kind) RETURNS public.notification_frequency
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public
  AS $$ SELECT CASE WHEN k IN ('match', 'saved_search') THEN 'daily'::public.notification_frequency
                    ELSE 'immediately'::public.notification_frequency END $$;
--> statement-breakpoint
-- Who has notifications still to email at this frequency, in which territory. Ids only:
-- the content is then read acting as each recipient, under their own rights.
CREATE FUNCTION app.notification_recipients_due(wanted public.notification_frequency)
  RETURNS TABLE (territory_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT DISTINCT n.territory_id, n.user_id
          FROM public.notifications n
          LEFT JOIN public.notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
         WHERE n.emailed_at IS NULL AND coalesce(p.frequency, app.default_frequency(n.kind)) = wanted $$;
--> statement-breakpoint
-- One-click unsubscribe: the link's token is the proof. Sets the kinds it carried to
-- "never" and returns them, or NULL when the link is unknown or expired.
CREATE FUNCTION app.unsubscribe(token_id text) RETURNS public.notification_kind[]
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    link public.unsubscribe_tokens;
  BEGIN
    SELECT * INTO link FROM public.unsubscribe_tokens WHERE id = token_id AND expires_at > now();
    IF NOT FOUND THEN RETURN NULL; END IF;
    INSERT INTO public.notification_preferences (user_id, kind, frequency, updated_at)
    SELECT link.user_id, k, 'never', now() FROM unnest(link.kinds) AS k
    ON CONFLICT (user_id, kind) DO UPDATE SET frequency = 'never', updated_at = now();
    RETURN link.kinds;
  END $$;
--> statement-breakpoint
-- A digest period is sent once, whatever the number of function replicas.
CREATE FUNCTION app.claim_digest_period(wanted text) RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ WITH claimed AS (INSERT INTO public.digest_runs (period) VALUES (wanted)
                         ON CONFLICT (period) DO NOTHING RETURNING period)
        SELECT EXISTS (SELECT 1 FROM claimed) $$;
--> statement-breakpoint
CREATE FUNCTION app.finish_digest_period(wanted text) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ UPDATE public.digest_runs SET finished_at = now() WHERE period = wanted $$;
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Triggers the sides cannot cheat
-- ---------------------------------------------------------------------------
CREATE FUNCTION app.touch_conversation() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  BEGIN
    UPDATE public.conversations SET last_message_at = NEW.created_at, updated_at = now()
     WHERE territory_id = NEW.territory_id AND id = NEW.conversation_id;
    RETURN NEW;
  END $$;
--> statement-breakpoint
CREATE TRIGGER conversation_messages_touch AFTER INSERT ON public.conversation_messages
  FOR EACH ROW EXECUTE FUNCTION app.touch_conversation();
--> statement-breakpoint
-- A partner decides for their own line only, and only its decision columns.
CREATE FUNCTION app.guard_partner_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  BEGIN
    IF NEW.territory_id <> OLD.territory_id OR NEW.cooperation_id <> OLD.cooperation_id
       OR NEW.membership_id <> OLD.membership_id
       OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id THEN
      RAISE EXCEPTION 'a partner line always names the same cooperation and partner' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END $$;
--> statement-breakpoint
CREATE TRIGGER cooperation_partners_guard BEFORE UPDATE ON public.cooperation_partners
  FOR EACH ROW EXECUTE FUNCTION app.guard_partner_change();
--> statement-breakpoint
-- Every partner confirmed: the cooperation is confirmed and its listing fulfilled (the
-- partner may not edit the listing, so the database does it). One dispute: disputed.
CREATE FUNCTION app.settle_cooperation() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DECLARE
    coop public.cooperations;
  BEGIN
    SELECT * INTO coop FROM public.cooperations
     WHERE territory_id = NEW.territory_id AND id = NEW.cooperation_id FOR UPDATE;
    IF coop.status NOT IN ('proposed', 'disputed') THEN RETURN NEW; END IF;
    IF EXISTS (SELECT 1 FROM public.cooperation_partners
                WHERE territory_id = NEW.territory_id AND cooperation_id = NEW.cooperation_id AND status = 'disputed') THEN
      UPDATE public.cooperations SET status = 'disputed', version = version + 1, updated_at = now()
       WHERE territory_id = coop.territory_id AND id = coop.id AND status <> 'disputed';
    ELSIF NOT EXISTS (SELECT 1 FROM public.cooperation_partners
                       WHERE territory_id = NEW.territory_id AND cooperation_id = NEW.cooperation_id AND status <> 'confirmed') THEN
      UPDATE public.cooperations SET status = 'confirmed', confirmed_at = now(), version = version + 1, updated_at = now()
       WHERE territory_id = coop.territory_id AND id = coop.id;
      UPDATE public.listings SET status = 'fulfilled', version = version + 1, updated_at = now()
       WHERE territory_id = coop.territory_id AND id = coop.listing_id AND status IN ('open', 'in_progress');
    END IF;
    RETURN NEW;
  END $$;
--> statement-breakpoint
CREATE TRIGGER cooperation_partners_settle AFTER UPDATE OF status ON public.cooperation_partners
  FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION app.settle_cooperation();
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Grants: new helpers to the application role; digest_runs to nobody
-- ---------------------------------------------------------------------------
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO soliterr_app;
--> statement-breakpoint
REVOKE ALL ON public.digest_runs FROM soliterr_app;
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Enable and force RLS
-- ---------------------------------------------------------------------------
ALTER TABLE public.conversations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.conversations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.conversation_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.conversation_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.conversation_reads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.conversation_reads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.cooperations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.cooperations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.cooperation_partners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.cooperation_partners FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.notification_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.notification_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.unsubscribe_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.unsubscribe_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.saved_searches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.saved_searches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.digest_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.digest_runs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Conversations
-- ---------------------------------------------------------------------------
CREATE POLICY "The two sides see their conversations" ON public.conversations
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.my_membership_id(app.current_territory_id())) IS NOT NULL
         AND (author_membership_id = (SELECT app.my_membership_id(app.current_territory_id()))
              OR responder_membership_id = (SELECT app.my_membership_id(app.current_territory_id()))
              OR (SELECT app.my_organisation_id(app.current_territory_id())) IN (author_organisation_id, responder_organisation_id)));
--> statement-breakpoint
CREATE POLICY "Admins and facilitators read conversations when the territory allows it" ON public.conversations
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.member_role(app.current_territory_id())) IN ('admin', 'facilitator')
         AND (SELECT app.facilitators_read_conversations(app.current_territory_id())));
--> statement-breakpoint
-- Responding to someone else's open listing, as oneself, with the author and structures
-- the listing names: a conversation cannot be opened in anyone else's name.
CREATE POLICY "Active members respond to another member's open listing" ON public.conversations
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id()
              AND responder_membership_id = app.my_membership_id(territory_id)
              AND responder_organisation_id IS NOT DISTINCT FROM app.my_organisation_id(territory_id)
              AND responder_membership_id <> author_membership_id
              AND EXISTS (SELECT 1 FROM public.listings l
                           WHERE l.territory_id = conversations.territory_id AND l.id = conversations.listing_id
                             AND l.author_membership_id = conversations.author_membership_id
                             AND l.organisation_id IS NOT DISTINCT FROM conversations.author_organisation_id
                             AND l.status IN ('open', 'in_progress')));
--> statement-breakpoint
CREATE POLICY "Messages are seen with their conversation" ON public.conversation_messages
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND EXISTS (SELECT 1 FROM public.conversations c
                      WHERE c.territory_id = conversation_messages.territory_id AND c.id = conversation_messages.conversation_id));
--> statement-breakpoint
CREATE POLICY "The two sides write in their conversation as themselves" ON public.conversation_messages
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id()
              AND author_membership_id = app.my_membership_id(territory_id)
              AND app.is_conversation_participant(territory_id, conversation_id));
--> statement-breakpoint
CREATE POLICY "People keep their own read state of conversations they see" ON public.conversation_reads
  FOR ALL TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND membership_id = (SELECT app.my_membership_id(app.current_territory_id())))
  WITH CHECK (territory_id = app.current_territory_id()
              AND membership_id = app.my_membership_id(territory_id)
              AND EXISTS (SELECT 1 FROM public.conversations c
                           WHERE c.territory_id = conversation_reads.territory_id AND c.id = conversation_reads.conversation_id));
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Cooperations
-- ---------------------------------------------------------------------------
CREATE POLICY "Active members see confirmed cooperations, parties and moderators see all" ON public.cooperations
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL
         AND (status = 'confirmed'
              OR (SELECT app.member_role(app.current_territory_id())) IN ('admin', 'facilitator')
              OR app.is_cooperation_party(territory_id, id)));
--> statement-breakpoint
-- The listing's side (its author, or a member of the structure it names) records it.
CREATE POLICY "The listing's side records a cooperation" ON public.cooperations
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id()
              AND recorded_by_membership_id = app.my_membership_id(territory_id)
              AND recorded_by_organisation_id IS NOT DISTINCT FROM app.my_organisation_id(territory_id)
              AND status = 'proposed'
              AND EXISTS (SELECT 1 FROM public.listings l
                           WHERE l.territory_id = cooperations.territory_id AND l.id = cooperations.listing_id
                             AND (l.author_membership_id = app.my_membership_id(l.territory_id)
                                  OR l.organisation_id = app.my_organisation_id(l.territory_id))));
--> statement-breakpoint
CREATE POLICY "Recorders amend or withdraw a cooperation before it is confirmed" ON public.cooperations
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND recorded_by_membership_id = (SELECT app.my_membership_id(app.current_territory_id()))
         AND status IN ('proposed', 'disputed'))
  WITH CHECK (territory_id = app.current_territory_id()
              AND recorded_by_membership_id = app.my_membership_id(territory_id)
              AND status IN ('proposed', 'withdrawn'));
--> statement-breakpoint
CREATE POLICY "Partners are seen with their cooperation" ON public.cooperation_partners
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND EXISTS (SELECT 1 FROM public.cooperations c
                      WHERE c.territory_id = cooperation_partners.territory_id AND c.id = cooperation_partners.cooperation_id));
--> statement-breakpoint
CREATE POLICY "Recorders name the partners of their proposed cooperation" ON public.cooperation_partners
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id() AND status = 'pending'
              AND EXISTS (SELECT 1 FROM public.cooperations c
                           WHERE c.territory_id = cooperation_partners.territory_id AND c.id = cooperation_partners.cooperation_id
                             AND c.recorded_by_membership_id = app.my_membership_id(c.territory_id)
                             AND c.status = 'proposed'));
--> statement-breakpoint
CREATE POLICY "Partners confirm or dispute for themselves or their structure" ON public.cooperation_partners
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND (membership_id = (SELECT app.my_membership_id(app.current_territory_id()))
              OR organisation_id = (SELECT app.my_organisation_id(app.current_territory_id())))
         AND EXISTS (SELECT 1 FROM public.cooperations c
                      WHERE c.territory_id = cooperation_partners.territory_id AND c.id = cooperation_partners.cooperation_id
                        AND c.status IN ('proposed', 'disputed')))
  WITH CHECK (territory_id = app.current_territory_id()
              AND decided_by_membership_id = app.my_membership_id(territory_id));
--> statement-breakpoint
-- An amended cooperation asks its partners again.
CREATE POLICY "Recorders ask their partners again after amending" ON public.cooperation_partners
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND EXISTS (SELECT 1 FROM public.cooperations c
                      WHERE c.territory_id = cooperation_partners.territory_id AND c.id = cooperation_partners.cooperation_id
                        AND c.recorded_by_membership_id = (SELECT app.my_membership_id(app.current_territory_id()))
                        AND c.status IN ('proposed', 'disputed')))
  WITH CHECK (territory_id = app.current_territory_id() AND status = 'pending' AND decided_at IS NULL);
--> statement-breakpoint

-- ---------------------------------------------------------------------------
-- Notifications, preferences, unsubscribe links, saved searches
-- ---------------------------------------------------------------------------
CREATE POLICY "People see their own notifications in the current territory" ON public.notifications
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "People mark their own notifications read or emailed" ON public.notifications
  FOR UPDATE TO soliterr_app
  USING (territory_id = app.current_territory_id() AND user_id = app.current_user_id())
  WITH CHECK (territory_id = app.current_territory_id() AND user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "Active members notify the people of their territory" ON public.notifications
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id()
              AND (SELECT app.member_role(app.current_territory_id())) IS NOT NULL
              AND app.belongs_to_territory(territory_id, user_id));
--> statement-breakpoint
CREATE POLICY "People manage their own notification preferences" ON public.notification_preferences
  FOR ALL TO soliterr_app
  USING (user_id = app.current_user_id()) WITH CHECK (user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "People create and see their own unsubscribe links" ON public.unsubscribe_tokens
  FOR ALL TO soliterr_app
  USING (user_id = app.current_user_id()) WITH CHECK (user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "Active members manage their own saved searches" ON public.saved_searches
  FOR ALL TO soliterr_app
  USING (territory_id = app.current_territory_id()
         AND membership_id = (SELECT app.my_membership_id(app.current_territory_id())))
  WITH CHECK (territory_id = app.current_territory_id()
              AND membership_id = app.my_membership_id(territory_id));
--> statement-breakpoint
CREATE POLICY "Nobody reads the digest runs but the claim function" ON public.digest_runs
  FOR SELECT TO soliterr_app
  USING (false);
