// The outcome of each attendance row of the benchmark dataset (bench/support/attendance-dataset.ts), apart
// so a test can draw it over a few thousand made-up rows (test/bench-dataset.int.test.ts).
//
// Each row draws its OWN random number: random() sits in the select list of a subquery over the rows,
// which PostgreSQL evaluates per row (a volatile target list keeps the subquery from being flattened).
// The draw used to sit in an uncorrelated `CROSS JOIN LATERAL (SELECT random() AS r)`, which the planner
// evaluates once per statement: a whole month (one INSERT) was all present or all absent (issue #16).
//
// Mostly present; some late (half the minutes); about one in ten absent with or without a reason, a part
// of them classified by the municipality; a make-up class attended by three in ten.

/**
 * A SELECT of the attendance columns (lesson_id, participant_id, municipality_id, present,
 * minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at) for every row of
 * `rows`, a parenthesised relation with the columns lesson_id, date, minutes, kind, participant_id and
 * municipality_id. `recordedBy` is an SQL expression of the recording user's id.
 */
export function attendanceOutcomes(rows: string, recordedBy: string): string {
  return `SELECT s.lesson_id, s.participant_id, s.municipality_id, x.present,
      CASE WHEN NOT x.present THEN 0 WHEN s.r < 0.15 THEN s.minutes / 2 ELSE s.minutes END AS minutes_attended,
      CASE WHEN x.present OR s.r < 0.03 THEN NULL ELSE (ARRAY['ziek', 'medische afspraak', 'kinderopvang', 'mantelzorg'])[1 + floor(random() * 4)::int] END AS reason,
      NOT x.present AND s.r >= 0.02 AS called_in,
      CASE WHEN x.present THEN NULL WHEN s.r < 0.04 THEN 'unauthorised' WHEN s.r < 0.07 THEN 'authorised' END AS classification,
      1 AS version, ${recordedBy} AS recorded_by, s.date + time '16:00' AS recorded_at
    FROM (SELECT t.*, random() AS r FROM ${rows} t) s
    CROSS JOIN LATERAL (SELECT CASE WHEN s.kind = 'makeUp' THEN s.r < 0.3 ELSE s.r >= 0.1 END AS present) x`;
}
