-- Issue #13 (R-MI-6): a provider's periodic report — the entered (qualitative) texts as a draft, then the
-- submission, frozen. An instance is identified by its key (src/domain/reports/submission.ts):
-- contract~kind~period~municipality code or 'region'~provider code; the provider owes it.

CREATE TABLE report_draft (
  instance_key text PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  entered jsonb NOT NULL,
  lock_version integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE report_draft IS 'R-MI-6: the texts a provider entered for a report instance, not submitted yet. lock_version: a save names the version it saw; a stale one gets 409.';

CREATE TABLE report_submission (
  id uuid PRIMARY KEY,
  instance_key text NOT NULL,
  -- 1 is the submission; 2, 3, … are corrections, each with its reason. The earlier rows stay.
  sequence integer NOT NULL CHECK (sequence >= 1),
  contract_id text NOT NULL,
  report_kind text NOT NULL,
  period_id text NOT NULL,
  municipality_code text,
  provider_id uuid NOT NULL REFERENCES provider(id),
  contract_version integer NOT NULL,
  -- The frozen payload exactly as hashed: canonical JSON (sorted keys) of document, entered texts,
  -- contract version and computed-at time. Text, not jsonb, so it reads back byte for byte.
  content text NOT NULL,
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  computed_at timestamptz NOT NULL,
  submitted_at timestamptz NOT NULL,
  submitted_on date NOT NULL,
  submitted_by uuid NOT NULL REFERENCES app_user(id),
  correction_reason text,
  CONSTRAINT report_submission_sequence UNIQUE (instance_key, sequence),
  CONSTRAINT report_submission_reason CHECK (sequence = 1 OR correction_reason IS NOT NULL)
);
COMMENT ON TABLE report_submission IS 'R-MI-6: a submitted report, frozen (figures, text, contract version, sha-256 content hash); append-only: a correction is a new row.';
CREATE INDEX report_submission_contract ON report_submission(contract_id, period_id);

CREATE FUNCTION report_submission_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_submission is append-only';
END $$;
CREATE TRIGGER report_submission_no_update BEFORE UPDATE OR DELETE ON report_submission
  FOR EACH ROW EXECUTE FUNCTION report_submission_append_only();
