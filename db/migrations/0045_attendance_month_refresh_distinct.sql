-- Issue #16: attendance_month_refresh (migration 0024) takes the keys its caller names, and the attendance
-- trigger names one per attendance row: an import of 100,000 rows for 2,175 participants passed 100,000
-- keys, of which 2,175 are distinct. The refresh's DISTINCT sat in each statement's join, where the planner
-- cannot know how few keys remain: 8.3–10.7 s for that import at national scale, against 1.3–2.0 s for the
-- same refresh given the 2,175 distinct keys (docs/benchmarks.md). The keys are now made distinct once,
-- first; what the function computes is unchanged (test/read-model.property.int.test.ts).
CREATE OR REPLACE FUNCTION attendance_month_refresh(participants uuid[], groups uuid[], months date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE p uuid[]; g uuid[]; m date[];
BEGIN
  IF participants IS NULL THEN RETURN; END IF;
  SELECT array_agg(k.participant_id), array_agg(k.group_id), array_agg(k.month) INTO p, g, m
  FROM (SELECT DISTINCT * FROM unnest(participants, groups, months) AS k(participant_id, group_id, month)) k;
  DELETE FROM attendance_month am USING unnest(p, g, m) AS k(participant_id, group_id, month)
    WHERE am.participant_id = k.participant_id AND am.group_id = k.group_id AND am.month = k.month;
  INSERT INTO attendance_month
  SELECT ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id,
    sum(ap.offered), sum(ap.attended), sum(ap.made_up), sum(ap.authorised), sum(ap.unauthorised), sum(ap.unclassified),
    sum(ap.language), min(ap.evening), count(*)
  FROM unnest(p, g, m) AS k(participant_id, group_id, month)
  JOIN attendance_part ap ON ap.participant_id = k.participant_id AND ap.group_id = k.group_id
    AND ap.date >= k.month AND ap.date < (k.month + interval '1 month')::date
  GROUP BY ap.participant_id, ap.group_id, ap.month, ap.municipality_id, ap.referral_id;
END $$;
