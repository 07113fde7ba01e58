-- Attendance imports and pushes (issue #4; R-EXC-1, R-EXC-2, R-ATT-7). Only applied imports are kept:
-- a rejected or interrupted one rolls back with its rows (all-or-nothing), so nothing here is ever
-- half written. The rows themselves are staged in a temporary table of the importing transaction
-- (ON COMMIT DROP), never in a lasting table: attendance is personal data, kept once.

CREATE TABLE attendance_import (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  source text NOT NULL CHECK (source IN ('csv','xlsx','push')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 100),
  rows integer NOT NULL CHECK (rows >= 0),
  created integer NOT NULL CHECK (created >= 0),
  changed integer NOT NULL CHECK (changed >= 0),
  unchanged integer NOT NULL CHECK (unchanged >= 0),
  response jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL,
  CHECK ((source = 'push') = (idempotency_key IS NOT NULL)),
  CHECK (created + changed + unchanged = rows)
);
COMMENT ON TABLE attendance_import IS 'An applied attendance import (XLSX/CSV, R-EXC-2) or push batch (R-EXC-1). Counts only: no names, no BSN, no row content.';
COMMENT ON COLUMN attendance_import.sha256 IS 'Hex SHA-256 of the uploaded file (or of the pushed JSON body): the same file twice from one provider is recognised and changes nothing (R-EXC-2).';
COMMENT ON COLUMN attendance_import.idempotency_key IS 'The Idempotency-Key header of a push: the same key again returns the stored response without applying again.';
COMMENT ON COLUMN attendance_import.response IS 'The 201 answer as first given; replayed for a repeated Idempotency-Key.';
CREATE UNIQUE INDEX attendance_import_file ON attendance_import(provider_id, sha256) WHERE source <> 'push';
CREATE UNIQUE INDEX attendance_import_key ON attendance_import(provider_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
