-- Progress and levels per skill, scaling, exams, route changes and the end of a route (issue #5:
-- R-HRS-4, R-HRS-5, R-LVL-1, R-LVL-2, R-LVL-3, R-LVL-4, R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1,
-- R-END-2, R-BYD-1). Every personal-data row carries municipality_id (ARCHITECTURE §2.10). Facts are
-- appended, never rewritten: a level, a status override or a route state is the latest row of its kind.

-- The inburgeringstermijn is participant.duty_end_date (0001); where it is unknown Koers assumes three
-- years from duty_start_date or the first referral (Wi 2021 art. 7), and says so next to the forecast.

CREATE TABLE level_record (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  skill text NOT NULL CHECK (skill IN ('reading','writing','listening','speaking','knm','map','pvt')),
  target text CHECK (target IN ('A0','A1','A2','B1','B2')),
  current text CHECK (current IN ('A0','A1','A2','B1','B2','notStarted','inProgress','passed','exempt')),
  source text NOT NULL CHECK (source IN ('intake','progressTest','scaling','exam','provider')),
  source_id uuid,
  recorded_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL
);
COMMENT ON TABLE level_record IS 'R-LVL-1: target and current level per skill (CEFR A0..B2), or the status of KNM, MAP and PVT; the latest row per skill holds. Append-only history.';
CREATE INDEX level_record_participant ON level_record(participant_id, skill, recorded_at DESC);

CREATE TABLE progress_test (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  milestone_hours integer,
  taken_on date NOT NULL,
  results jsonb NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL
);
COMMENT ON TABLE progress_test IS 'R-HRS-2/R-HRS-4: the progress test at 200/400/600 hours with a result per skill ({"reading":"A2",...}).';
CREATE INDEX progress_test_participant ON progress_test(participant_id, taken_on);

CREATE TABLE progress_report (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  kind text NOT NULL CHECK (kind IN ('progress','final')),
  status text NOT NULL CHECK (status IN ('draft','submitted')),
  content jsonb NOT NULL,
  computed_status text NOT NULL CHECK (computed_status IN ('onTrack','atRisk','behind')),
  due_on date,
  lock_version integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES app_user(id),
  submitted_at timestamptz,
  submitted_on date,
  -- R-END-2: the municipality's decision on invoicing the final product when goals were not reached.
  invoice_decision text CHECK (invoice_decision IN ('mayInvoice','mayNotInvoice')),
  invoice_decision_reason text,
  invoice_decided_by uuid REFERENCES app_user(id),
  invoice_decided_at timestamptz,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
  CHECK (kind = 'final' OR invoice_decision IS NULL)
);
COMMENT ON TABLE progress_report IS 'R-HRS-4 voortgangsrapportage and R-END-1 eindrapportage: drafted by the provider (pre-filled), submitted once, then shared with the municipality and the participant. A submitted report is never changed.';
COMMENT ON COLUMN progress_report.computed_status IS 'R-HRS-5: the status rule''s outcome when the draft was made or last saved; the content holds any override with its reason.';
CREATE INDEX progress_report_participant ON progress_report(participant_id, created_at);

CREATE TABLE status_override (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  status text CHECK (status IN ('onTrack','atRisk','behind')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  set_by uuid NOT NULL REFERENCES app_user(id),
  set_at timestamptz NOT NULL
);
COMMENT ON TABLE status_override IS 'R-HRS-5: a provider overrides the computed status with a written reason; status null withdraws the override. Append-only: the latest row holds, earlier ones are kept.';
CREATE INDEX status_override_participant ON status_override(participant_id, set_at DESC);

CREATE TABLE scaling_request (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  skill text NOT NULL CHECK (skill IN ('reading','writing','listening','speaking')),
  direction text NOT NULL CHECK (direction IN ('down','up')),
  from_level text NOT NULL,
  to_level text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
  checks jsonb NOT NULL,
  all_checks_passed boolean NOT NULL,
  requested_on date NOT NULL,
  requested_by uuid NOT NULL REFERENCES app_user(id),
  status text NOT NULL CHECK (status IN ('requested','approved','refused')),
  decided_on date,
  decided_by uuid REFERENCES app_user(id),
  decision_reason text,
  new_level_due_on date,
  CHECK ((status = 'requested') = (decided_on IS NULL))
);
-- Re-commented with the ids written singly in 0015_signal_subject_index.sql (applied migrations stay as they are).
COMMENT ON TABLE scaling_request IS 'R-LVL-3/4: af- of opschaling per skill; the checks as computed when requested; the municipality decides in writing (approving despite a failed check needs a reason); the new level is due within 20 working days.';
CREATE INDEX scaling_request_participant ON scaling_request(participant_id);

CREATE TABLE exam_attempt (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  part text NOT NULL CHECK (part IN ('reading','writing','listening','speaking','knm')),
  level text NOT NULL CHECK (level IN ('A1','A2','B1','B2')),
  registered_on date NOT NULL,
  taken_on date,
  result text NOT NULL CHECK (result IN ('pending','passed','failed')),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL
);
COMMENT ON TABLE exam_attempt IS 'R-LVL-2: exam registrations and attempts per part; which are state-paid follows from their order (the first two per part), computed, not stored. Carries over on a route change (R-RTE-2).';
CREATE INDEX exam_attempt_participant ON exam_attempt(participant_id, part, registered_on);
CREATE INDEX exam_attempt_provider ON exam_attempt(provider_id, taken_on);

CREATE TABLE route_event (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  referral_id uuid REFERENCES referral(id),
  type text NOT NULL CHECK (type IN ('routeChanged','onHold','resumed','droppedOut','movedAway','providerSwitched','handOverHeld','routeEnded')),
  on_date date NOT NULL,
  details jsonb NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL
);
-- Re-commented with the ids written singly in 0015_signal_subject_index.sql (applied migrations stay as they are).
COMMENT ON TABLE route_event IS 'R-RTE-1..4, R-END-1: route change (with an exception reason after 18 months), on hold with expected end, resumed, drop-out with reason, moving away, switching provider, warm hand-over meeting, end of the route. Append-only.';
CREATE INDEX route_event_participant ON route_event(participant_id, on_date);
