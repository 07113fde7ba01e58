-- Issue #13: the attendance read model. One row per participant, group, calendar month, the attendance
-- row's municipality and the referral of the placement that held the participant in the group on the
-- lesson's day: the ADDITIVE parts of the attendance arithmetic (attendanceRate() in
-- src/domain/attendance.ts, R-ATT-3, R-ATT-5), so a reader sums whatever rows its window and grouping
-- need and applies least() itself (a make-up lesson makes up missed minutes of the same month only in the
-- quarterly management information, of the whole window on the attendance-rates page).
--
-- Kept right by triggers in the same transaction as the facts (ARCHITECTURE: a crash never leaves half a
-- change): every writer of attendance, lesson or group_member — the attendance screens, the imports,
-- corrections, the demo generator, a benchmark writing straight SQL — keeps it right without knowing.
-- A change names the (participant, group, month) keys it touches; those keys are recomputed from the
-- raw facts (delete and insert), never patched with deltas. The triggers are ENABLE ALWAYS so that a
-- bulk load with session_replication_role = replica (bench/support/attendance-dataset.ts) keeps the
-- model too. docs/reports.md §11.

-- One attendance row as the read model counts it. A lesson cancelled by the provider offers nothing;
-- attended minutes are capped at the lesson; a make-up lesson (kind makeUp) only makes up. The referral
-- is that of the placement covering the lesson's day (member_to exclusive); the application never holds
-- two placements of one participant in one group on one day, should it, the latest placement counts.
CREATE VIEW attendance_part AS
SELECT a.participant_id, l.group_id, l.date, date_trunc('month', l.date)::date AS month, a.municipality_id,
  (SELECT gm.referral_id FROM group_member gm
    WHERE gm.group_id = l.group_id AND gm.participant_id = a.participant_id
      AND gm.member_from <= l.date AND (gm.member_to IS NULL OR gm.member_to > l.date)
    ORDER BY gm.member_from DESC, gm.created_at DESC, gm.id DESC LIMIT 1) AS referral_id,
  CASE WHEN NOT l.cancelled_by_provider AND l.kind <> 'makeUp' THEN l.minutes ELSE 0 END AS offered,
  CASE WHEN NOT l.cancelled_by_provider AND l.kind <> 'makeUp' THEN least(a.minutes_attended, l.minutes) ELSE 0 END AS attended,
  CASE WHEN NOT l.cancelled_by_provider AND l.kind = 'makeUp' THEN a.minutes_attended ELSE 0 END AS made_up,
  CASE WHEN NOT l.cancelled_by_provider AND l.kind <> 'makeUp' AND NOT a.present AND a.classification = 'authorised' THEN 1 ELSE 0 END AS authorised,
  CASE WHEN NOT l.cancelled_by_provider AND l.kind <> 'makeUp' AND NOT a.present AND a.classification = 'unauthorised' THEN 1 ELSE 0 END AS unauthorised,
  CASE WHEN NOT l.cancelled_by_provider AND l.kind <> 'makeUp' AND NOT a.present AND a.classification IS NULL THEN 1 ELSE 0 END AS unclassified,
  -- The content report (000 §4.1 3f, 3h; src/features/reports/content-facts.ts): attended minutes of
  -- language, KNM and make-up lessons, each capped at its lesson; the day of an evening lesson.
  CASE WHEN NOT l.cancelled_by_provider AND l.kind IN ('language', 'knm', 'makeUp') THEN least(a.minutes_attended, l.minutes) ELSE 0 END AS language,
  CASE WHEN NOT l.cancelled_by_provider AND l.start_time >= '18:00' THEN l.date END AS evening
FROM attendance a JOIN lesson l ON l.id = a.lesson_id;
COMMENT ON VIEW attendance_part IS 'Issue #13: one attendance row as the read model attendance_month counts it (R-ATT-3, R-ATT-5); readers use it for the days of a window that do not fill a month.';

CREATE TABLE attendance_month (
  participant_id uuid NOT NULL,
  group_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  municipality_id uuid NOT NULL,
  referral_id uuid,
  offered_minutes bigint NOT NULL,
  attended_minutes bigint NOT NULL,
  made_up_minutes bigint NOT NULL,
  authorised integer NOT NULL,
  unauthorised integer NOT NULL,
  unclassified integer NOT NULL,
  language_minutes bigint NOT NULL,
  first_evening date,
  rows integer NOT NULL
);
COMMENT ON TABLE attendance_month IS 'Issue #13 read model: the additive parts of the attendance arithmetic per participant, group, month, municipality (of the attendance row) and referral (of the placement on the lesson''s day, null when none). Maintained by triggers on attendance, lesson and group_member in the same transaction.';
COMMENT ON COLUMN attendance_month.attended_minutes IS 'Attended minutes of regular lessons, each capped at its lesson; the make-up minutes are added by the reader with least(made_up, offered - attended) over its own grouping.';
COMMENT ON COLUMN attendance_month.language_minutes IS 'Attended minutes of language, KNM and make-up lessons not cancelled, each capped at its lesson (000 §4.1 3f).';
COMMENT ON COLUMN attendance_month.first_evening IS 'The first day in the month with a row of an evening lesson (start 18:00 or later) not cancelled (000 §4.1 3h).';
COMMENT ON COLUMN attendance_month.rows IS 'The attendance rows counted; a row exists while at least one attendance row does, even when every minute is zero.';
CREATE INDEX attendance_month_key ON attendance_month(participant_id, group_id, month);
CREATE INDEX attendance_month_municipality ON attendance_month(municipality_id, month);
CREATE INDEX attendance_month_group ON attendance_month(group_id, month);
CREATE INDEX attendance_month_referral ON attendance_month(referral_id, month);

-- Recomputes the rows of the given (participant, group, month) keys from the raw facts.
CREATE FUNCTION attendance_month_refresh(participants uuid[], groups uuid[], months date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF participants IS NULL THEN RETURN; END IF;
  DELETE FROM attendance_month am USING (SELECT DISTINCT * FROM unnest(participants, groups, months) AS k(participant_id, group_id, month)) k
    WHERE am.participant_id = k.participant_id AND am.group_id = k.group_id AND am.month = k.month;
  INSERT INTO attendance_month
  SELECT ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id,
    sum(ap.offered), sum(ap.attended), sum(ap.made_up), sum(ap.authorised), sum(ap.unauthorised), sum(ap.unclassified),
    sum(ap.language), min(ap.evening), count(*)
  FROM (SELECT DISTINCT * FROM unnest(participants, groups, months) AS k(participant_id, group_id, month)) k
  JOIN attendance_part ap ON ap.participant_id = k.participant_id AND ap.group_id = k.group_id
    AND ap.date >= k.month AND ap.date < (k.month + interval '1 month')::date
  GROUP BY ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id;
END $$;

-- attendance: the keys of the old and the new rows (a row's lesson gives group and month).
CREATE FUNCTION attendance_month_on_attendance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE p uuid[]; g uuid[]; m date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.participant_id), array_agg(l.group_id), array_agg(date_trunc('month', l.date)::date) INTO p, g, m
    FROM (SELECT DISTINCT lesson_id, participant_id FROM new_rows) x JOIN lesson l ON l.id = x.lesson_id;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(x.participant_id), array_agg(l.group_id), array_agg(date_trunc('month', l.date)::date) INTO p, g, m
    FROM (SELECT lesson_id, participant_id FROM new_rows UNION SELECT lesson_id, participant_id FROM old_rows) x JOIN lesson l ON l.id = x.lesson_id;
  ELSE
    SELECT array_agg(x.participant_id), array_agg(l.group_id), array_agg(date_trunc('month', l.date)::date) INTO p, g, m
    FROM (SELECT DISTINCT lesson_id, participant_id FROM old_rows) x JOIN lesson l ON l.id = x.lesson_id;
  END IF;
  PERFORM attendance_month_refresh(p, g, m);
  RETURN NULL;
END $$;

-- lesson: a change of group, date, minutes, kind, start or cancellation moves its attendance rows' keys.
-- (A lesson with attendance cannot be deleted: attendance.lesson_id restricts it.)
CREATE FUNCTION attendance_month_on_lesson() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE p uuid[]; g uuid[]; m date[];
BEGIN
  WITH changed AS (
    SELECT o.id, o.group_id AS old_group, o.date AS old_date, n.group_id AS new_group, n.date AS new_date
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.group_id, o.date, o.minutes, o.kind, o.cancelled_by_provider, o.start_time) IS DISTINCT FROM (n.group_id, n.date, n.minutes, n.kind, n.cancelled_by_provider, n.start_time)
  ), k AS (
    SELECT a.participant_id, c.old_group AS group_id, date_trunc('month', c.old_date)::date AS month FROM changed c JOIN attendance a ON a.lesson_id = c.id
    UNION
    SELECT a.participant_id, c.new_group, date_trunc('month', c.new_date)::date FROM changed c JOIN attendance a ON a.lesson_id = c.id
  )
  SELECT array_agg(k.participant_id), array_agg(k.group_id), array_agg(k.month) INTO p, g, m FROM k;
  PERFORM attendance_month_refresh(p, g, m);
  RETURN NULL;
END $$;

-- group_member: a placement opened, ended, moved or deleted changes which referral the attendance of that
-- participant in that group belongs to; the model's own rows of (participant, group) name every month
-- that has attendance.
CREATE FUNCTION attendance_month_on_member() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE p uuid[]; g uuid[]; m date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(am.participant_id), array_agg(am.group_id), array_agg(am.month) INTO p, g, m
    FROM (SELECT DISTINCT am.participant_id, am.group_id, am.month FROM attendance_month am
      JOIN (SELECT DISTINCT participant_id, group_id FROM new_rows) x ON x.participant_id = am.participant_id AND x.group_id = am.group_id) am;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(am.participant_id), array_agg(am.group_id), array_agg(am.month) INTO p, g, m
    FROM (SELECT DISTINCT am.participant_id, am.group_id, am.month FROM attendance_month am
      JOIN (SELECT participant_id, group_id FROM new_rows UNION SELECT participant_id, group_id FROM old_rows) x ON x.participant_id = am.participant_id AND x.group_id = am.group_id) am;
  ELSE
    SELECT array_agg(am.participant_id), array_agg(am.group_id), array_agg(am.month) INTO p, g, m
    FROM (SELECT DISTINCT am.participant_id, am.group_id, am.month FROM attendance_month am
      JOIN (SELECT DISTINCT participant_id, group_id FROM old_rows) x ON x.participant_id = am.participant_id AND x.group_id = am.group_id) am;
  END IF;
  PERFORM attendance_month_refresh(p, g, m);
  RETURN NULL;
END $$;

CREATE TRIGGER attendance_month_attendance_insert AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_month_on_attendance();
CREATE TRIGGER attendance_month_attendance_update AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_month_on_attendance();
CREATE TRIGGER attendance_month_attendance_delete AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_month_on_attendance();
CREATE TRIGGER attendance_month_lesson_update AFTER UPDATE ON lesson REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_month_on_lesson();
CREATE TRIGGER attendance_month_member_insert AFTER INSERT ON group_member REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_month_on_member();
CREATE TRIGGER attendance_month_member_update AFTER UPDATE ON group_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_month_on_member();
CREATE TRIGGER attendance_month_member_delete AFTER DELETE ON group_member REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION attendance_month_on_member();
ALTER TABLE attendance ENABLE ALWAYS TRIGGER attendance_month_attendance_insert;
ALTER TABLE attendance ENABLE ALWAYS TRIGGER attendance_month_attendance_update;
ALTER TABLE attendance ENABLE ALWAYS TRIGGER attendance_month_attendance_delete;
ALTER TABLE lesson ENABLE ALWAYS TRIGGER attendance_month_lesson_update;
ALTER TABLE group_member ENABLE ALWAYS TRIGGER attendance_month_member_insert;
ALTER TABLE group_member ENABLE ALWAYS TRIGGER attendance_month_member_update;
ALTER TABLE group_member ENABLE ALWAYS TRIGGER attendance_month_member_delete;

-- The rows that exist already.
INSERT INTO attendance_month
SELECT ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id,
  sum(ap.offered), sum(ap.attended), sum(ap.made_up), sum(ap.authorised), sum(ap.unauthorised), sum(ap.unclassified),
    sum(ap.language), min(ap.evening), count(*)
FROM attendance_part ap
GROUP BY ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id;
ANALYZE attendance_month;
