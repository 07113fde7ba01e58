-- API keys for providers' own systems (issue #4 item 6; R-EXC-1): a provider's system pushes attendance
-- and hours with a key instead of a person's session. Each key acts as its own technical user of role
-- providerSystem, which may only push (src/platform/access.ts), so every push is audited under the key.

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('consultant','policyOfficer','providerCoordinator','teacher','contractManager','participant','admin','providerSystem'));
ALTER TABLE app_user DROP CONSTRAINT app_user_organisation;
ALTER TABLE app_user ADD CONSTRAINT app_user_organisation CHECK (
  (role IN ('consultant','policyOfficer') AND municipality_id IS NOT NULL AND provider_id IS NULL AND region_id IS NULL)
  OR (role IN ('providerCoordinator','teacher','providerSystem') AND provider_id IS NOT NULL AND municipality_id IS NULL AND region_id IS NULL)
  OR (role = 'contractManager' AND region_id IS NOT NULL AND municipality_id IS NULL AND provider_id IS NULL)
  OR (role = 'participant' AND participant_id IS NOT NULL AND provider_id IS NULL AND region_id IS NULL)
  OR (role = 'admin' AND municipality_id IS NULL AND provider_id IS NULL AND region_id IS NULL)
);
COMMENT ON COLUMN app_user.password_hash IS 'argon2id hash (@node-rs/argon2); ''!'' for a providerSystem user, which never logs in with a password.';

CREATE TABLE api_key (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  user_id uuid NOT NULL UNIQUE REFERENCES app_user(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  key_hash text NOT NULL UNIQUE,
  key_hint text NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES app_user(id)
);
COMMENT ON TABLE api_key IS 'A provider system''s key (R-EXC-1). Only the SHA-256 of the secret is stored; the secret is shown once, at creation.';
COMMENT ON COLUMN api_key.key_hint IS 'The last four characters of the key, so a coordinator can tell keys apart.';
CREATE INDEX api_key_provider ON api_key(provider_id, created_at);
