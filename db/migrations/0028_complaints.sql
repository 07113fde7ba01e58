-- Issue #14 (R-CM-3; 002 eis 36–37; 003 art. 13.6): the complaints register per provider. A complaint is
-- received on a day, from a participant (through the referral it is about: the municipality of that
-- referral and the provider alone see who) or from an organisation, about a subject; its handling —
-- who handles it, the measures taken, closed on a day with an outcome — is kept as versions, none lost.
-- The contract manager gets counts only (src/features/complaints/room.ts). Contracts are files:
-- contract_id is the contract's code.

CREATE TABLE complaint (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  contract_id text NOT NULL,
  received_on date NOT NULL,
  complainant_kind text NOT NULL CHECK (complainant_kind IN ('participant', 'organisation')),
  -- A participant's complaint is about one of its referrals to this provider; the referral names the
  -- municipality that may read it (R-SEC-1). Stored so the scope needs no join on the referral.
  referral_id uuid REFERENCES referral(id),
  participant_id uuid REFERENCES participant(id),
  municipality_id uuid REFERENCES municipality(id),
  organisation_name text CHECK (length(organisation_name) BETWEEN 1 AND 200),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  CONSTRAINT complaint_from CHECK (
    (complainant_kind = 'participant' AND referral_id IS NOT NULL AND participant_id IS NOT NULL AND municipality_id IS NOT NULL AND organisation_name IS NULL)
    OR (complainant_kind = 'organisation' AND referral_id IS NULL AND participant_id IS NULL AND municipality_id IS NULL AND organisation_name IS NOT NULL)
  )
);
COMMENT ON TABLE complaint IS 'R-CM-3: a complaint received by a provider (002 eis 36-37, 003 art. 13.6); its handling is in complaint_version. Append-only.';
CREATE INDEX complaint_provider ON complaint(provider_id, received_on);
CREATE INDEX complaint_municipality ON complaint(municipality_id) WHERE municipality_id IS NOT NULL;
CREATE INDEX complaint_contract ON complaint(contract_id, received_on);

CREATE TABLE complaint_version (
  complaint_id uuid NOT NULL REFERENCES complaint(id),
  version integer NOT NULL CHECK (version >= 1),
  -- The person at the provider who handles it (a name as the provider writes it, not a Koers user).
  handled_by text CHECK (length(handled_by) BETWEEN 1 AND 200),
  measures text NOT NULL CHECK (length(measures) <= 4000),
  closed_on date,
  outcome text CHECK (outcome IN ('upheld', 'partlyUpheld', 'notUpheld', 'withdrawn', 'resolved')),
  outcome_note text CHECK (length(outcome_note) <= 4000),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (complaint_id, version),
  CONSTRAINT complaint_version_closed CHECK ((closed_on IS NULL) = (outcome IS NULL))
);
COMMENT ON TABLE complaint_version IS 'R-CM-3: a complaint''s handling — handler, measures, closed with its outcome; every save a version, the highest is current. Append-only.';

-- The quality register's append-only function (0026) serves: the same refusal, named by table.
CREATE TRIGGER complaint_append_only BEFORE UPDATE OR DELETE ON complaint FOR EACH ROW EXECUTE FUNCTION quality_append_only();
CREATE TRIGGER complaint_version_append_only BEFORE UPDATE OR DELETE ON complaint_version FOR EACH ROW EXECUTE FUNCTION quality_append_only();
