-- Hours outside the lessons of Koers's own groups (issue #4 item 6; R-HRS-1, R-EXC-1): participation,
-- MAP practice, internship, study skills or deficiency subjects that a provider's own system registers
-- and pushes in batches. Lesson hours are not repeated here: they follow from attendance. Every row
-- carries municipality_id (ARCHITECTURE §2.10).

CREATE TABLE hours_batch (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  items integer NOT NULL CHECK (items >= 0),
  response jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL,
  UNIQUE (provider_id, idempotency_key)
);
COMMENT ON TABLE hours_batch IS 'An applied hours push (R-EXC-1). Counts only; a refused batch leaves no row (all-or-nothing).';
COMMENT ON COLUMN hours_batch.response IS 'The 201 answer as first given; replayed for a repeated Idempotency-Key.';

CREATE TABLE hours_entry (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 100),
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('language','participation','mapPractical','deficiencySubject','studySkills','internship')),
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  start_class boolean NOT NULL DEFAULT false,
  version integer NOT NULL CHECK (version >= 1),
  batch_id uuid NOT NULL REFERENCES hours_batch(id),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL,
  superseded boolean NOT NULL DEFAULT false,
  UNIQUE (provider_id, external_id, version)
);
COMMENT ON TABLE hours_entry IS 'Uren (R-HRS-1) registered outside Koers lessons, pushed by the provider''s own system; the sender''s external_id makes a resend a correction, not a second row.';
COMMENT ON COLUMN hours_entry.start_class IS 'R-REF-4: start-class hours count towards the 600 (B1) / 800 (Z) hours.';
COMMENT ON COLUMN hours_entry.version IS 'A later batch with the same external_id and other values adds version + 1 and marks this row superseded: a correction never overwrites a registered fact.';
COMMENT ON COLUMN hours_entry.superseded IS 'True once a later version exists; totals count only the current version.';
CREATE UNIQUE INDEX hours_entry_current ON hours_entry(provider_id, external_id) WHERE NOT superseded;
CREATE INDEX hours_entry_participant ON hours_entry(participant_id, date) WHERE NOT superseded;
