-- Issue #9 (ASVS L2 V6/V7): login throttling that holds across app instances, a second factor
-- (TOTP, RFC 6238) with recovery codes, password reset through the outbox, and an idle timeout.
-- The policy and its reasons: docs/security.md.

-- The old table counted failures with a separate SELECT and INSERT, which raced (40 concurrent wrong
-- passwords got 19 checks against a limit of 5). Its rows are only rate-limit state: dropped.
DROP TABLE login_attempt;

CREATE TABLE login_throttle (
  key_hash text PRIMARY KEY,
  attempts integer NOT NULL CHECK (attempts >= 0),
  window_started_at timestamptz NOT NULL,
  next_allowed_at timestamptz NOT NULL,
  last_success_at timestamptz
);
COMMENT ON TABLE login_throttle IS
  'One counter row per throttle key, updated with INSERT .. ON CONFLICT DO UPDATE .. WHERE .. RETURNING: '
  'the row lock makes concurrent attempts on one key take their turn, on PostgreSQL and on PGlite, across '
  'app instances. Keys (HMAC under the login key, never the clear e-mail or address): pair:<account>|<address> '
  '(growing delay), address:<address> (cap per window), account:<account> (soft limit: second factor or a '
  'known address), and the second-factor, reset and BSN-conflict keys. Policy: docs/security.md.';
COMMENT ON COLUMN login_throttle.attempts IS 'Attempts counted in the current window (pair keys: failures since the last success). An attempt is counted before the password is checked, and given back when it succeeds.';
COMMENT ON COLUMN login_throttle.next_allowed_at IS 'Pair keys: no password is checked for this account from this address before this time (the growing delay).';
COMMENT ON COLUMN login_throttle.last_success_at IS 'Pair keys: the last good login from this address, which makes it a known address while the account is under attack.';
CREATE INDEX login_throttle_window ON login_throttle (window_started_at);

-- Two-step login and the idle timeout live on the session row.
ALTER TABLE app_session ADD COLUMN stage text NOT NULL DEFAULT 'full' CHECK (stage IN ('full','secondFactor','enrol'));
ALTER TABLE app_session ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE app_session ADD COLUMN idle_timeout_seconds integer NOT NULL DEFAULT 1800 CHECK (idle_timeout_seconds > 0);
ALTER TABLE app_session ADD COLUMN factor_attempts integer NOT NULL DEFAULT 0 CHECK (factor_attempts >= 0);
COMMENT ON COLUMN app_session.stage IS
  'full: a working session. secondFactor: the password was right, the TOTP or recovery code is still owed. enrol: the '
  'password was right and the role needs a second factor the user has not set up yet; only enrolment is allowed. A '
  'pending session lives minutes; completing it replaces the token (no session fixation).';
COMMENT ON COLUMN app_session.last_seen_at IS 'Last use, written at most once a minute; a session unused for idle_timeout_seconds has expired (ASVS 7.3.1).';
COMMENT ON COLUMN app_session.factor_attempts IS 'Wrong codes on a pending session; at the limit the pending session is deleted and the password is needed again.';

CREATE TABLE second_factor (
  user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
  secret_encrypted text NOT NULL,
  last_time_step bigint,
  confirmed_at timestamptz NOT NULL
);
COMMENT ON TABLE second_factor IS 'A confirmed TOTP authenticator (RFC 6238: SHA-1, 6 digits, 30 s) of a professional.';
COMMENT ON COLUMN second_factor.secret_encrypted IS 'The base32 secret, AES-256-GCM under the field key (src/platform/crypto.ts).';
COMMENT ON COLUMN second_factor.last_time_step IS 'The time step of the last accepted code: a code of that step or earlier is refused (replay protection).';

CREATE TABLE second_factor_enrolment (
  user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
  secret_encrypted text NOT NULL,
  started_at timestamptz NOT NULL
);
COMMENT ON TABLE second_factor_enrolment IS 'A TOTP secret shown to the user but not yet confirmed with a code; the confirmed factor (if any) stays in use until then.';

CREATE TABLE recovery_code (
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
COMMENT ON TABLE recovery_code IS 'Ten single-use codes made at enrolment, shown once; only an HMAC is stored. A used code keeps its row with used_at.';

CREATE TABLE password_reset (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
COMMENT ON TABLE password_reset IS 'A reset link sent through the outbox: single use, 30 minutes; only the SHA-256 of the token is stored.';
CREATE INDEX password_reset_user ON password_reset (user_id);
