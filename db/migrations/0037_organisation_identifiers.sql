-- Issue #17: an organisation's identifiers changed by the administrator (a municipality's OIN, a
-- provider's KvK number). Applied to the contract data at every start, after the files and the activated
-- versions, so the e-invoice and DUO read the same number the administrator sees. Never updated: the
-- latest row per organisation and field holds.
CREATE TABLE organisation_identifier_change (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('municipality', 'provider')),
  code text NOT NULL,
  field text NOT NULL CHECK (field IN ('oin', 'kvkNumber')),
  value text NOT NULL CHECK (value ~ '^[0-9]{8}$' OR value ~ '^[0-9]{20}$'),
  changed_by uuid NOT NULL REFERENCES app_user(id),
  changed_at timestamptz NOT NULL
);
CREATE INDEX organisation_identifier_change_key ON organisation_identifier_change (kind, code, field, changed_at);
