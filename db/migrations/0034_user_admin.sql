-- Issue #17: accounts are managed in Koers, not only seeded. An account is ended, never deleted (its
-- audit lines and the facts it registered name it); an ended account cannot log in and its sessions are
-- gone. The last login is kept for the administrator's list.

ALTER TABLE app_user ADD COLUMN ended_at timestamptz;
ALTER TABLE app_user ADD COLUMN ended_by uuid REFERENCES app_user(id);
ALTER TABLE app_user ADD COLUMN last_login_at timestamptz;
ALTER TABLE app_user ADD COLUMN created_by uuid REFERENCES app_user(id);
COMMENT ON COLUMN app_user.ended_at IS 'Issue #17: the account was ended (someone left); no login, no session, its API keys revoked. NULL: active.';
COMMENT ON COLUMN app_user.last_login_at IS 'Issue #17: the last time a password or an identity provider was accepted for this account.';
COMMENT ON COLUMN app_user.created_by IS 'Issue #17: the administrator or coordinator who made the account in Koers (NULL: seeded or made by a login).';
