-- Issue #17: a professional's account can be tied to its subject at the organisation's identity provider
-- (the OpenID Connect `sub`). With a subject set, the staff login matches the subject only, so an e-mail
-- address that the identity provider hands to someone else later opens nothing; without one, the e-mail
-- claim as before (issue #9).
ALTER TABLE app_user ADD COLUMN idp_subject text CHECK (length(idp_subject) BETWEEN 1 AND 255);
CREATE UNIQUE INDEX app_user_idp_subject ON app_user (idp_subject) WHERE idp_subject IS NOT NULL;
