-- Issue #17 (R-SEC-2): the municipality's privacy officer (functionaris gegevensbescherming or the
-- controller's delegate) searches the audit log of its own municipality's data subjects, so a resident's
-- access request (AVG art. 15) is answered from the log. A municipality user like the consultant.

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('consultant','policyOfficer','privacyOfficer','providerCoordinator','teacher','contractManager','participant','admin','providerSystem'));
ALTER TABLE app_user DROP CONSTRAINT app_user_organisation;
ALTER TABLE app_user ADD CONSTRAINT app_user_organisation CHECK (
  (role IN ('consultant','policyOfficer','privacyOfficer') AND municipality_id IS NOT NULL AND provider_id IS NULL AND region_id IS NULL)
  OR (role IN ('providerCoordinator','teacher','providerSystem') AND provider_id IS NOT NULL AND municipality_id IS NULL AND region_id IS NULL)
  OR (role = 'contractManager' AND region_id IS NOT NULL AND municipality_id IS NULL AND provider_id IS NULL)
  OR (role = 'participant' AND participant_id IS NOT NULL AND provider_id IS NULL AND region_id IS NULL)
  OR (role = 'admin' AND municipality_id IS NULL AND provider_id IS NULL AND region_id IS NULL)
);

-- The search by user and by period reads the municipality's lines newest first.
CREATE INDEX audit_event_municipality ON audit_event (municipality_id, started_at DESC);
