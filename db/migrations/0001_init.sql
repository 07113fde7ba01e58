-- Koers initial schema: organisations, accounts, sessions, participants, referrals, signals, audit.
-- PostgreSQL 15 dialect only (runs on PGlite and on a server). Every personal-data table carries
-- municipality_id (ARCHITECTURE §2.10: the future distribution key).

CREATE TABLE region (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL
);
COMMENT ON TABLE region IS 'Municipalities that contract together (samenwerkingsverband); synchronised from contracts/*.yaml at start.';

CREATE TABLE municipality (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  region_id uuid NOT NULL REFERENCES region(id)
);
COMMENT ON TABLE municipality IS 'Gemeente; controller of its participants'' personal data.';

CREATE TABLE provider (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kvk_number text
);
COMMENT ON TABLE provider IS 'Aanbieder. Codes are global: the same provider may serve several contracts.';

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('consultant','policyOfficer','providerCoordinator','teacher','contractManager','participant','admin')),
  municipality_id uuid REFERENCES municipality(id),
  provider_id uuid REFERENCES provider(id),
  region_id uuid REFERENCES region(id),
  participant_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- One organisation per role kind; the access decision (src/platform/access.ts) relies on it.
  CONSTRAINT app_user_organisation CHECK (
    (role IN ('consultant','policyOfficer') AND municipality_id IS NOT NULL AND provider_id IS NULL AND region_id IS NULL)
    OR (role IN ('providerCoordinator','teacher') AND provider_id IS NOT NULL AND municipality_id IS NULL AND region_id IS NULL)
    OR (role = 'contractManager' AND region_id IS NOT NULL AND municipality_id IS NULL AND provider_id IS NULL)
    OR (role = 'participant' AND participant_id IS NOT NULL AND provider_id IS NULL AND region_id IS NULL)
    OR (role = 'admin' AND municipality_id IS NULL AND provider_id IS NULL AND region_id IS NULL)
  )
);
COMMENT ON COLUMN app_user.password_hash IS 'argon2id hash (@node-rs/argon2).';

CREATE TABLE app_session (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
COMMENT ON TABLE app_session IS 'Server-side sessions (stateless app servers). Only the SHA-256 of the cookie token is stored.';
CREATE INDEX app_session_user ON app_session(user_id);

CREATE TABLE participant (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  bsn_encrypted text NOT NULL,
  bsn_hash text NOT NULL UNIQUE,
  bsn_last_four text NOT NULL CHECK (bsn_last_four ~ '^[0-9]{4}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  date_of_birth date NOT NULL,
  gender text NOT NULL CHECK (gender IN ('female','male','other','unknown')),
  email text,
  phone text,
  street text,
  house_number text,
  postcode text,
  city text,
  country_of_birth text,
  mother_tongue text,
  in_netherlands_since date,
  route text NOT NULL CHECK (route IN ('b1','z','education_mbo','education_hbo_wo','b1_entree')),
  client_number text,
  duty_start_date date,
  duty_end_date date,
  impeding_health boolean NOT NULL,
  impeding_justice boolean NOT NULL,
  impeding_finances boolean NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id)
);
COMMENT ON TABLE participant IS 'Inburgeraar (R-PAR-1). Personal data; every read and change is audited (R-SEC-2).';
COMMENT ON COLUMN participant.bsn_encrypted IS 'AES-256-GCM ciphertext of the BSN (R-PAR-2); never logged or put in a URL.';
COMMENT ON COLUMN participant.bsn_hash IS 'HMAC-SHA256 of the BSN under the server key: lookup and uniqueness without the clear value.';
COMMENT ON COLUMN participant.impeding_health IS 'R-SEC-3: special data reduced to yes/no.';
CREATE INDEX participant_municipality ON participant(municipality_id, family_name, given_name);

ALTER TABLE app_user ADD CONSTRAINT app_user_participant FOREIGN KEY (participant_id) REFERENCES participant(id);

CREATE TABLE referral (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  product_code text NOT NULL,
  contract_id text NOT NULL,
  contract_version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('referred','acknowledged')),
  referred_on date NOT NULL,
  referred_at timestamptz NOT NULL,
  referred_by uuid NOT NULL REFERENCES app_user(id),
  acknowledgement_due_date date NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_on date,
  acknowledged_by uuid REFERENCES app_user(id),
  CHECK ((status = 'referred') = (acknowledged_at IS NULL))
);
COMMENT ON TABLE referral IS 'Aanmelding (R-REF-1): the municipality''s order to a provider for a product, under the contract version in force on referred_on (R-CON-10).';
COMMENT ON COLUMN referral.acknowledgement_due_date IS 'R-CON-3: computed from the contract version in force when referred; stored so a later contract change never rewrites it.';
CREATE INDEX referral_participant ON referral(participant_id);
CREATE INDEX referral_provider_status ON referral(provider_id, status);

CREATE TABLE signal (
  id uuid PRIMARY KEY,
  cause text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  period text NOT NULL,
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  provider_id uuid REFERENCES provider(id),
  participant_id uuid REFERENCES participant(id),
  addressee text NOT NULL CHECK (addressee IN ('municipality','provider')),
  status text NOT NULL CHECK (status IN ('open','acknowledged','resolved')),
  due_date date NOT NULL,
  raised_on date NOT NULL,
  resolved_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- ARCHITECTURE §2.8: a signal's identity is (cause, subject, period); re-running never duplicates.
  CONSTRAINT signal_identity UNIQUE (cause, subject_type, subject_id, period)
);
COMMENT ON TABLE signal IS 'Signalering (R-SIG-1): something a party must act on; derived, idempotent.';
CREATE INDEX signal_provider ON signal(provider_id, status);
CREATE INDEX signal_municipality ON signal(municipality_id, status);

CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  trace_id text NOT NULL,
  operation_id text NOT NULL,
  parent_operation_id text,
  foreign_trace_id text,
  foreign_operation_id text,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('ok','error')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  processing_activity_id text NOT NULL,
  actor_user_id uuid,
  actor_role text,
  organisation_kind text,
  organisation_id uuid,
  origin text NOT NULL,
  object_type text,
  object_id text,
  data_subject_id_encrypted text,
  data_subject_ref text,
  municipality_id uuid,
  summary text
);
COMMENT ON TABLE audit_event IS 'Append-only processing log (R-SEC-2, Logboek Dataverwerkingen): one line per data subject, written in the transaction of the read or change. The app role may only SELECT and INSERT.';
COMMENT ON COLUMN audit_event.data_subject_id_encrypted IS 'dpl.core.data_subject_id: the participant id, AES-256-GCM encrypted.';
COMMENT ON COLUMN audit_event.data_subject_ref IS 'HMAC of the participant id, so the controller can find the lines of one data subject without decrypting all.';
COMMENT ON COLUMN audit_event.municipality_id IS 'The controller whose data was processed (null when unknown, e.g. a denied lookup).';
CREATE INDEX audit_event_subject ON audit_event(data_subject_ref, started_at);

-- Second wall next to the app role's grants: no UPDATE/DELETE, even by the owner.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE login_attempt (
  key_hash text NOT NULL,
  attempted_at timestamptz NOT NULL
);
COMMENT ON TABLE login_attempt IS 'Failed logins keyed by a hash of the e-mail and of the client address: a rate limit shared by all app instances.';
CREATE INDEX login_attempt_key ON login_attempt(key_hash, attempted_at);
