-- Issue #16: the absence rules after an import read the absences of the participants it changed: every
-- no-show without reason (001 §2.3.2: the first, then each repeat — the first may have moved) and the
-- absences of the months where a row became one (004 §2.4: the third in a month). Absences are about a
-- tenth of attendance; without this index those reads visit every row of each participant.
-- src/features/groups/placement.ts absenceWindowFactsOf.
CREATE INDEX attendance_absent ON attendance (participant_id) WHERE NOT present;
-- A database that ran this migration's first form (0040_attendance_no_show, no-shows only) loses that index.
DROP INDEX IF EXISTS attendance_no_show;
