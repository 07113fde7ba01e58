-- Groups, lessons and attendance (issue #4; R-GRP-1, R-GRP-2, R-ATT-1, R-ATT-2). Every personal-data
-- row (membership, attendance and its history) carries municipality_id (ARCHITECTURE §2.10).

CREATE TABLE class_group (
  id uuid PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES provider(id),
  name text NOT NULL,
  level_band text NOT NULL CHECK (level_band IN ('fastAlfa','a0a1','a1a2','a2b1','z','exam','map')),
  literacy text NOT NULL CHECK (literacy IN ('literate','illiterate')),
  location text NOT NULL,
  size_limit integer NOT NULL CHECK (size_limit BETWEEN 1 AND 30),
  teacher_user_id uuid REFERENCES app_user(id),
  schedule jsonb NOT NULL DEFAULT '[]'::jsonb,
  active_from date NOT NULL,
  active_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user(id),
  CHECK (active_to IS NULL OR active_to >= active_from)
);
COMMENT ON TABLE class_group IS 'Lesgroep of a provider (R-GRP-1). Named class_group because GROUP is a reserved word. Holds no personal data itself.';
COMMENT ON COLUMN class_group.level_band IS 'R-GRP-1 / 001 Bijlage 5 item 4: fast Alfa, A0-A1, A1-A2, A2-B1, Z, exam group, MAP.';
COMMENT ON COLUMN class_group.literacy IS '003 art. 9.9: literate and illiterate participants are never mixed; every member''s literacy must equal this.';
COMMENT ON COLUMN class_group.size_limit IS '001 §1.3: 15 for Alfa and Z groups (enforced by the service); 30 is the hard ceiling for any group (assumption: no source allows larger classes).';
COMMENT ON COLUMN class_group.teacher_user_id IS 'The teacher (app_user with role teacher of the same provider) whose scope is this group''s members (R-SEC-1).';
COMMENT ON COLUMN class_group.schedule IS 'Weekly slots: [{ weekday 1-7 (ISO, 1 = Monday), startTime "HH:MM", minutes, kind }]; lessons are generated from it.';
CREATE INDEX class_group_provider ON class_group(provider_id, name);
CREATE INDEX class_group_teacher ON class_group(teacher_user_id);

CREATE TABLE group_member (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES class_group(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  referral_id uuid NOT NULL REFERENCES referral(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  literacy text NOT NULL CHECK (literacy IN ('literate','illiterate')),
  member_from date NOT NULL,
  member_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (member_to IS NULL OR member_to >= member_from)
);
COMMENT ON TABLE group_member IS 'Placement of a participant in a group with dates (R-GRP-1). A move closes one row and opens another on the same date.';
COMMENT ON COLUMN group_member.member_to IS 'Exclusive end: the first day the participant is no longer a member (a move on D closes with D and opens the next group from D). Null while open.';
COMMENT ON COLUMN group_member.literacy IS 'The participant''s literacy as stated when placed (no literacy field exists on the participant yet); checked against class_group.literacy on every placement and move (003 art. 9.9).';
COMMENT ON COLUMN group_member.referral_id IS 'The referral to this group''s provider the placement serves; its contract version gives the absence protocol (R-CON-7, R-CON-10).';
CREATE UNIQUE INDEX group_member_open ON group_member(group_id, participant_id) WHERE member_to IS NULL;
CREATE INDEX group_member_participant ON group_member(participant_id);
CREATE INDEX group_member_group ON group_member(group_id, member_from);

CREATE TABLE lesson (
  id uuid PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES class_group(id),
  date date NOT NULL,
  start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 600),
  kind text NOT NULL CHECK (kind IN ('language','knm','participation','mapPractice','makeUp','deficiencySubject','examTraining')),
  cancelled_by_provider boolean NOT NULL DEFAULT false,
  scheduled_on date,
  scheduled_start text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE lesson IS 'Les (R-GRP-2): generated from the group''s schedule, editable afterwards.';
COMMENT ON COLUMN lesson.cancelled_by_provider IS '000 §4.1 3j: a lesson the provider cancelled is its own state, kept and reported; it offers no minutes (R-ATT-3).';
COMMENT ON COLUMN lesson.kind IS 'R-GRP-2; makeUp is the homework/make-up class whose minutes count against missed ones (R-ATT-5).';
COMMENT ON COLUMN lesson.scheduled_on IS 'The schedule slot (date, start) the lesson was generated from; unchanged when the lesson is moved, so generating the same range again creates nothing (idempotent).';
CREATE UNIQUE INDEX lesson_slot ON lesson(group_id, scheduled_on, scheduled_start);
CREATE INDEX lesson_group_date ON lesson(group_id, date);

CREATE TABLE attendance (
  lesson_id uuid NOT NULL REFERENCES lesson(id),
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  present boolean NOT NULL,
  minutes_attended integer NOT NULL CHECK (minutes_attended >= 0),
  reason text,
  called_in boolean NOT NULL,
  classification text CHECK (classification IN ('authorised','unauthorised')),
  version integer NOT NULL CHECK (version >= 1),
  recorded_by uuid NOT NULL REFERENCES app_user(id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (lesson_id, participant_id),
  CHECK (present OR minutes_attended = 0)
);
COMMENT ON TABLE attendance IS 'Aanwezigheid (R-ATT-1): the current value per participant per lesson; every change is in attendance_version.';
COMMENT ON COLUMN attendance.called_in IS '002 eis 27: an absence without calling in is a no-show.';
COMMENT ON COLUMN attendance.classification IS 'R-ATT-2 / 001 §2.3.6: authorised or unauthorised, decided by the municipality; null until classified.';
COMMENT ON COLUMN attendance.version IS 'Bumped on every change (recording, correction, classification); the history is attendance_version.';
CREATE INDEX attendance_participant ON attendance(participant_id);
CREATE INDEX attendance_municipality ON attendance(municipality_id);

CREATE TABLE attendance_version (
  id bigserial PRIMARY KEY,
  lesson_id uuid NOT NULL,
  participant_id uuid NOT NULL REFERENCES participant(id),
  municipality_id uuid NOT NULL REFERENCES municipality(id),
  version integer NOT NULL,
  change text NOT NULL CHECK (change IN ('record','classify')),
  old_value jsonb,
  new_value jsonb NOT NULL,
  changed_by uuid NOT NULL REFERENCES app_user(id),
  changed_at timestamptz NOT NULL,
  UNIQUE (lesson_id, participant_id, version)
);
COMMENT ON TABLE attendance_version IS 'Append-only history of attendance (R-ATT-1: corrections later are versioned and audited): who, when, the old and the new value.';
COMMENT ON COLUMN attendance_version.old_value IS 'The row before the change (present, minutesAttended, reason, calledIn, classification); null for the first recording.';

-- Same second wall as audit_event: history is never rewritten, even by the owner.
CREATE FUNCTION attendance_version_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'attendance_version is append-only';
END $$;
CREATE TRIGGER attendance_version_no_update BEFORE UPDATE OR DELETE ON attendance_version
  FOR EACH ROW EXECUTE FUNCTION attendance_version_append_only();
