-- Least privilege and retention (docs/security.md LG-04, LG-07, DP-02;
-- docs/decisions/0021-data-protection-and-least-privilege.md).
--
-- The audit table stays append-only for every role. The one way rows leave it is
-- purge_audit_events(before): owned by the migration owner, SECURITY DEFINER, it deletes only rows
-- older than `before`, and refuses any `before` less than 6 months ago (LG-07: audit rows are kept
-- at least 6 months, whatever the setting or the caller says). The trigger lets a DELETE through
-- only for rows older than the cut-off that function sets for its own transaction; the app's role
-- has no DELETE privilege on the table at all, so it cannot use that door itself (lib/db/app-role.ts).
-- TRUNCATE stays refused for everyone.

CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  purge_before text := current_setting('ses.audit_purge_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND purge_before <> '' AND OLD."at" < purge_before::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE FUNCTION "purge_audit_events"(p_before timestamptz) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  IF p_before IS NULL OR p_before > now() - interval '6 months' THEN
    RAISE EXCEPTION 'Audit rows are kept for at least 6 months: a purge before % refused', p_before
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('ses.audit_purge_before', p_before::text, true);
  DELETE FROM "AuditEvent" WHERE "at" < p_before;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('ses.audit_purge_before', '', true);
  RETURN removed;
END;
$$;

REVOKE ALL ON FUNCTION "purge_audit_events"(timestamptz) FROM PUBLIC;
