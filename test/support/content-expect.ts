// The expected shape of one column of the content report (GET /api/v1/reports/content-report), for the
// hand-computed cells of test/content-report.int.test.ts: a column with nothing in it, and `over` for
// what the paper sums give.
import { ContentCountItems } from '../../src/domain/reports/content-report.js';

export type Column = { counts: Record<string, number | null> } & Record<string, unknown>;

export const ZERO_COUNTS: Record<string, number> = Object.fromEntries(ContentCountItems.map((i) => [i, 0]));

export function column([period, start, end]: readonly [string, string, string], over: Record<string, unknown> = {}, contractVersion = 1): Column {
  return {
    period, start, end, contractVersion,
    counts: ZERO_COUNTS,
    averageWaitingDays: null, completedPvt: null, changesZToB1Reasons: [], changesB1ToZReasons: [],
    participationHoursPerParticipant: null, languageHoursPerParticipant: null, localFacilities: [],
    homeworkClassAverage: null, cancelledLessonsPerGroup: null, complaints: 0, averageAbsencePercent: null,
    denominators: { started: 0, zParticipantsRunning: 0, runningGroups: 0, participantsWithLessons: 0 },
    suppressed: [],
    ...over,
  };
}
