-- Issue #16, a design decision (docs/architecture.md "The import's rules after its commit"): an import
-- commits its facts together with this list of the participants it touched and what changed for each;
-- the absence and hours rules (R-ATT-4, R-HRS-2, R-HRS-3) run for them right after the commit, in their own
-- transaction, which raises the signals and deletes the rows it handled. A process that dies between the
-- two leaves the rows here, and the next start or hourly run handles them: no signal lost, and none twice
-- (the signals' unique keys, and each row is taken by one worker with FOR UPDATE SKIP LOCKED).
CREATE TABLE import_rules_pending (
  import_id uuid NOT NULL REFERENCES attendance_import(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  changed_from date,
  absent_months text[] NOT NULL,
  no_show boolean NOT NULL,
  enqueued_at timestamptz NOT NULL,
  PRIMARY KEY (import_id, participant_id)
);
COMMENT ON TABLE import_rules_pending IS 'The participants of a committed import whose absence and hours rules have not run yet (issue #16); emptied right after the commit.';
COMMENT ON COLUMN import_rules_pending.changed_from IS 'The first lesson day with a changed row; null when the import changed none of this participant''s rows.';
COMMENT ON COLUMN import_rules_pending.absent_months IS 'The months (YYYY-MM) with a changed row that is now an absence.';
COMMENT ON COLUMN import_rules_pending.no_show IS 'A changed row is now a no-show without reason (001 §2.3.2).';
CREATE INDEX import_rules_pending_order ON import_rules_pending(enqueued_at);

-- Issue #16: the history's three foreign keys checked every row of an import three times (participant,
-- municipality, user: ~0.85 s each for 100,000 rows at national scale). A version is always of an
-- attendance row, which is never deleted and whose own keys check the participant and the municipality;
-- so the version now points at its attendance row, which it never did (lesson_id had no key at all),
-- and keeps its key on the user who made the change.
ALTER TABLE attendance_version DROP CONSTRAINT attendance_version_participant_id_fkey;
ALTER TABLE attendance_version DROP CONSTRAINT attendance_version_municipality_id_fkey;
ALTER TABLE attendance_version ADD CONSTRAINT attendance_version_attendance_fkey
  FOREIGN KEY (lesson_id, participant_id) REFERENCES attendance(lesson_id, participant_id);
