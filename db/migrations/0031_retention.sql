-- Issue #17 (R-SEC-4): retention periods enforced by a purge job with its own log. The terms and their
-- sources: docs/retention.md; the job: src/features/retention/purge.ts (on the scheduled run).

-- A participant whose term has passed is anonymised, not deleted: the facts other rules still read
-- (referrals, attendance, hours, route events, invoices past their fiscal term) stay, without a person.
ALTER TABLE participant ADD COLUMN purged_at timestamptz;
COMMENT ON COLUMN participant.purged_at IS 'R-SEC-4: when the retention purge anonymised this participant (names, BSN, contact data removed; documents deleted). NULL: not purged.';

-- A mail past its term keeps its row and dedupe key (else the signal engine would send it again) but
-- loses its recipient, subject and body.
ALTER TABLE outbox ADD COLUMN purged_at timestamptz;
COMMENT ON COLUMN outbox.purged_at IS 'R-SEC-4: when the retention purge emptied this mail (recipient, subject, body, last error). Its attachments (a sent invoice''s PDF) stay for the fiscal term.';

-- The purge's own log: one row a run, one count a kind of data. Counts only, never what was removed.
CREATE TABLE retention_run (
  id uuid PRIMARY KEY,
  today date NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('scheduled', 'admin')),
  actor_user_id uuid REFERENCES app_user(id),
  terms jsonb NOT NULL
);
COMMENT ON TABLE retention_run IS 'R-SEC-4: one run of the retention purge (a dry run writes nothing, here or elsewhere).';
COMMENT ON COLUMN retention_run.today IS 'The date the terms were counted back from.';
COMMENT ON COLUMN retention_run.terms IS 'The retention terms in force for this run (src/domain/retention.ts), so a later reader knows why.';
CREATE INDEX retention_run_started ON retention_run(started_at DESC);

CREATE TABLE retention_run_count (
  run_id uuid NOT NULL REFERENCES retention_run(id),
  kind text NOT NULL CHECK (kind IN ('participant', 'document', 'session', 'loginThrottle', 'auditEvent', 'outboxMail', 'passwordReset', 'oidcLogin', 'participantHeldFiscal')),
  n integer NOT NULL CHECK (n >= 0),
  PRIMARY KEY (run_id, kind)
);
COMMENT ON TABLE retention_run_count IS 'R-SEC-4: how many of each kind a run removed (participant and outboxMail: anonymised). participantHeldFiscal: past their own term but kept for the fiscal term of their invoiced facts (AWR art. 52), not removed.';

-- The audit log stays append-only for everyone (0001), except the purge of lines past their term: the
-- trigger lets a DELETE through only with the transaction-local setting this function sets, and the app
-- role, which has no DELETE on audit_event, reaches it only through the function (SECURITY DEFINER). The
-- function refuses lines younger than a year whatever the configuration says, so no caller can empty
-- the log of recent work.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('koers.retention_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END $$;

CREATE FUNCTION retention_purge_audit_events(before timestamptz, batch integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  IF before > now() - interval '1 year' THEN
    RAISE EXCEPTION 'audit lines younger than a year are never purged';
  END IF;
  IF batch < 1 OR batch > 10000 THEN
    RAISE EXCEPTION 'batch must be between 1 and 10000';
  END IF;
  PERFORM set_config('koers.retention_purge', 'on', true);
  DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE started_at < before ORDER BY id LIMIT batch);
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('koers.retention_purge', 'off', true);
  RETURN removed;
END $$;
COMMENT ON FUNCTION retention_purge_audit_events(timestamptz, integer) IS 'R-SEC-4: deletes at most batch audit lines that started before the given time (never within a year of now); returns how many.';
