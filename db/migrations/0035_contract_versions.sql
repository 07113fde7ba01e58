-- Issue #17 (R-CON-10): contract versions the administrator loads into a running installation. The
-- files in contracts/ ship the regions; a version activated here is added to its contract from its date
-- at every start (src/features/contract-versions/registry.ts), after the files. Never changed afterwards:
-- a further change is a further version.

CREATE TABLE contract_version_activation (
  id uuid PRIMARY KEY,
  contract_id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  valid_from date NOT NULL,
  format text NOT NULL CHECK (format IN ('yaml', 'json')),
  document text NOT NULL,
  activated_by uuid NOT NULL REFERENCES app_user(id),
  activated_at timestamptz NOT NULL,
  -- Two administrators activating at once: one gets the number, the other a conflict.
  UNIQUE (contract_id, version)
);
COMMENT ON TABLE contract_version_activation IS 'Issue #17: a contract version loaded as YAML or JSON and in force from valid_from; the version before it ends the day before.';
COMMENT ON COLUMN contract_version_activation.document IS 'The version as uploaded (without number and dates, which Koers gives it), kept so it is applied again at every start and can be read back.';
