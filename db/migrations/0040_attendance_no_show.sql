-- Issue #16: the absence rules after an import read every no-show without reason (001 §2.3.2: the
-- first, then each repeat) of the participants to whom the import added one — the first may have moved.
-- These rows are a few percent of attendance; without this index that read visits every row of each
-- participant. src/features/groups/placement.ts absenceWindowFactsOf.
CREATE INDEX attendance_no_show ON attendance (participant_id) WHERE NOT present AND NOT called_in AND reason IS NULL;
