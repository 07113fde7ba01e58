-- Issue #12: participation activities (R-MAP-2, R-HRS-1), the participation ladder (R-MAP-4) and the
-- MAP themes (R-MAP-1). Written by the participation or MAP provider the participant is referred to
-- (src/features/participation/service.ts decides who); the rules are in src/domain/participation.ts.

CREATE TABLE participation_activity (
  id uuid PRIMARY KEY,
  activity_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  superseded boolean NOT NULL DEFAULT false,
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  kind text NOT NULL CHECK (kind IN ('volunteering','workExperience','workOrientation','internship','companyVisit','localActivity')),
  product_kind text NOT NULL CHECK (product_kind IN ('participation','map')),
  organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
  local_facility boolean NOT NULL DEFAULT false,
  local_facility_name text CHECK (local_facility_name IS NULL OR length(local_facility_name) BETWEEN 1 AND 200),
  start_date date NOT NULL,
  end_date date NOT NULL,
  minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 2000 * 60),
  note text CHECK (note IS NULL OR length(note) <= 1000),
  external_id text CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 100),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL,
  CHECK (end_date >= start_date),
  CHECK (local_facility OR local_facility_name IS NULL),
  UNIQUE (activity_id, version)
);
COMMENT ON TABLE participation_activity IS 'Participatieactiviteit (R-MAP-2): volunteering, work experience, work orientation, internship, company visit or local activity, with its hours (R-HRS-1). A correction adds version + 1 and marks the old row superseded: a registered fact is never overwritten.';
COMMENT ON COLUMN participation_activity.activity_id IS 'The activity across its versions; the API''s id.';
COMMENT ON COLUMN participation_activity.product_kind IS 'The kind of the referral''s product (participation or map) when registered: MAP practical kinds under a MAP referral are the MAP practical part (001 §3).';
COMMENT ON COLUMN participation_activity.local_facility IS '000 §4.1 3g: the participant is actively linked to a local activity or facility; its name in local_facility_name.';
COMMENT ON COLUMN participation_activity.minutes IS 'The hours spent, in minutes, so partial hours add up exactly.';
COMMENT ON COLUMN participation_activity.external_id IS 'The sending system''s own id (the import, issue #12): the same id again is the same activity, so a file imported twice changes nothing.';
CREATE UNIQUE INDEX participation_activity_current ON participation_activity(activity_id) WHERE NOT superseded;
CREATE UNIQUE INDEX participation_activity_external ON participation_activity(provider_id, external_id) WHERE NOT superseded AND external_id IS NOT NULL;
CREATE INDEX participation_activity_participant ON participation_activity(participant_id, end_date) WHERE NOT superseded;

CREATE TABLE participation_ladder_step (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  provider_id uuid NOT NULL REFERENCES provider(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  step integer NOT NULL CHECK (step BETWEEN 1 AND 6),
  moment text NOT NULL CHECK (moment IN ('atReferral','during','atEnd')),
  recorded_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL
);
COMMENT ON TABLE participation_ladder_step IS 'Trede op de participatieladder (R-MAP-4, 001 Bijlage 5 item 16): append-only; the latest per moment counts, every earlier record stays.';
CREATE INDEX participation_ladder_step_participant ON participation_ladder_step(participant_id, recorded_on);

CREATE TABLE map_theme_progress (
  participant_id uuid NOT NULL REFERENCES participant(id),
  theme text NOT NULL CHECK (theme IN ('careerOrientation','employeeCompetences','realisticJobImage','jobChances','professionalCompetences','network','findingWork','workCulture')),
  status text NOT NULL CHECK (status IN ('notStarted','inProgress','done')),
  note text CHECK (note IS NULL OR length(note) <= 1000),
  provider_id uuid NOT NULL REFERENCES provider(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (participant_id, theme)
);
COMMENT ON TABLE map_theme_progress IS 'R-MAP-1 (001 §3): the eight MAP themes per participant and how far each is; the routes follow in a later step of issue #12.';
