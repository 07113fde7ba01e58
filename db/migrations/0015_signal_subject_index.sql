-- Issue #10 item 2: every reconcile looks up a subject's signals that are still open
-- (src/features/signals/engine.ts, src/features/groups/absence-signals.ts, src/features/progress/reports.ts):
--   WHERE subject_type = $1 AND subject_id = $2 AND status <> 'resolved' [AND cause ... AND period ...]
-- and the hourly run asks the same as an EXISTS per referral. signal_identity (cause, subject_type,
-- subject_id, period) cannot serve those lookups: cause leads it and the reconcile does not fix one cause.
-- Partial on unresolved rows: every such lookup filters on status <> 'resolved', and resolved signals are
-- the rows that pile up over the years, so the index stays the size of the open work.
CREATE INDEX signal_subject_open ON signal (subject_type, subject_id) WHERE status <> 'resolved';
COMMENT ON INDEX signal_subject_open IS 'A subject''s unresolved signals, as every reconcile looks them up (issue #10 item 2).';

-- Migration 0010 wrote SPEC ids as ranges in these two table comments, which `grep -r R-LVL-4` or
-- `grep -r R-RTE-3` would not find in a database dump; the rest of the text is 0010's.
COMMENT ON TABLE scaling_request IS 'R-LVL-3, R-LVL-4: af- of opschaling per skill; the checks as computed when requested; the municipality decides in writing (approving despite a failed check needs a reason); the new level is due within 20 working days.';
COMMENT ON TABLE route_event IS 'R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1: route change (with an exception reason after 18 months), on hold with expected end, resumed, drop-out with reason, moving away, switching provider, warm hand-over meeting, end of the route. Append-only.';
