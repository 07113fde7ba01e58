-- Issue #12 (R-PRT-1, 001 Bijlage 1 guideline 5): whom the participant can call — the municipality's and
-- the provider's contact (a person or a team), phone, e-mail and when they can be reached. Synced from the
-- contract files at start (src/features/organisations/store.ts); NULL where the contract gives none. The
-- checks repeat the contract schema's (src/domain/organisation-contact.ts) so no other writer stores junk.
ALTER TABLE municipality
  ADD COLUMN contact_name text CHECK (length(contact_name) BETWEEN 1 AND 200),
  ADD COLUMN contact_phone text CHECK (contact_phone ~ '^\+?[0-9][0-9 ]{4,22}[0-9]$'),
  ADD COLUMN contact_email text CHECK (length(contact_email) <= 254 AND contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  ADD COLUMN contact_hours text CHECK (length(contact_hours) BETWEEN 1 AND 200);
ALTER TABLE provider
  ADD COLUMN contact_name text CHECK (length(contact_name) BETWEEN 1 AND 200),
  ADD COLUMN contact_phone text CHECK (contact_phone ~ '^\+?[0-9][0-9 ]{4,22}[0-9]$'),
  ADD COLUMN contact_email text CHECK (length(contact_email) <= 254 AND contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  ADD COLUMN contact_hours text CHECK (length(contact_hours) BETWEEN 1 AND 200);
COMMENT ON COLUMN municipality.contact_name IS 'Whom the participant calls at the municipality: a person or a team (R-PRT-1); from the contract file.';
COMMENT ON COLUMN municipality.contact_hours IS 'When the phone is answered, in plain words (001 Bijlage 1 guideline 5).';
COMMENT ON COLUMN provider.contact_name IS 'Whom the participant calls at the provider: a person or a team (R-PRT-1); from the contract file.';
COMMENT ON COLUMN provider.contact_hours IS 'When the phone is answered, in plain words (001 Bijlage 1 guideline 5).';
