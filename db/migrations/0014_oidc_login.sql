-- OpenID Connect login (issue #9; NL GOV Assurance profile for OpenID Connect). Between the redirect to
-- the identity provider and its callback, Koers keeps the login transaction — state, nonce and the
-- PKCE code verifier — here, keyed by the SHA-256 of a random token in an HttpOnly cookie. The row is
-- deleted by the callback that uses it (one use: a replayed callback finds nothing), and expires
-- after ten minutes. A database row rather than a signed cookie, so any app instance can finish a
-- login that another one started, and so "used" is one atomic DELETE ... RETURNING.

CREATE TABLE oidc_login (
  id_hash text PRIMARY KEY,
  provider text NOT NULL CHECK (provider IN ('staff', 'digid')),
  secrets_encrypted text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
COMMENT ON TABLE oidc_login IS 'A started OpenID Connect login (src/features/oidc): one use, ten minutes. No personal data.';
COMMENT ON COLUMN oidc_login.id_hash IS 'SHA-256 of the koers_oidc cookie token; the token itself is never stored.';
COMMENT ON COLUMN oidc_login.secrets_encrypted IS 'AES-256-GCM ciphertext of {state, nonce, codeVerifier, redirectUri}.';
CREATE INDEX oidc_login_expires ON oidc_login(expires_at);
