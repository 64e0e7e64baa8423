-- ============================================================================
-- Idempotency keys (hand-written, drizzle-kit generate --custom). A person sees and
-- records only their own keys, in the territory of the request; no policy lets anyone
-- update or delete them (append-only, like the audit log). Two SECURITY DEFINER helpers:
--   app.my_idempotency_key(key)  the caller's own unexpired key in any territory: a
--     territory's creation looks its key up before the territory exists, and the same
--     key sent to another territory's path must be refused, not run again;
--   app.forget_expired_idempotency_keys(key)  removes the caller's expired key of that
--     name (so it can be used again) and up to 100 expired keys of anyone (the 24 h).
-- ============================================================================
ALTER TABLE public.idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "People see their own idempotency keys in the current territory" ON public.idempotency_keys
  FOR SELECT TO soliterr_app
  USING (territory_id = app.current_territory_id() AND user_id = app.current_user_id());
--> statement-breakpoint
CREATE POLICY "People record their own idempotency keys in the current territory" ON public.idempotency_keys
  FOR INSERT TO soliterr_app
  WITH CHECK (territory_id = app.current_territory_id() AND user_id = app.current_user_id());
--> statement-breakpoint
CREATE FUNCTION app.my_idempotency_key(request_key text)
  RETURNS TABLE (territory_id uuid, fingerprint text, status integer, headers jsonb, body text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT k.territory_id, k.fingerprint, k.status, k.headers, k.body FROM public.idempotency_keys k
         WHERE k.user_id = app.current_user_id() AND k.key = request_key AND k.expires_at > now() $$;
--> statement-breakpoint
CREATE FUNCTION app.forget_expired_idempotency_keys(request_key text) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ DELETE FROM public.idempotency_keys k
         WHERE k.expires_at <= now()
           AND ((k.user_id = app.current_user_id() AND k.key = request_key)
                OR k.ctid = ANY (ARRAY (SELECT e.ctid FROM public.idempotency_keys e
                                         WHERE e.expires_at <= now() LIMIT 100 FOR UPDATE SKIP LOCKED))) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.my_idempotency_key(text), app.forget_expired_idempotency_keys(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.my_idempotency_key(text), app.forget_expired_idempotency_keys(text) TO soliterr_app;
