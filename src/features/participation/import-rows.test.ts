// The participation sheet's row checks on their own (issue #12): the field and a Dutch reason per problem.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLUMNS, activityHeaderMap, parseActivityRow } from './import-rows.js';

const header = Object.values(ACTIVITY_COLUMNS);
const { positions } = activityHeaderMap(header);
const P = '0b7c3a52-7c41-4c55-9d6e-2f1f3a1f0a01';
const R = '0b7c3a52-7c41-4c55-9d6e-2f1f3a1f0a02';
const values = (over: Partial<Record<keyof typeof ACTIVITY_COLUMNS, string>> = {}) =>
  (Object.keys(ACTIVITY_COLUMNS) as (keyof typeof ACTIVITY_COLUMNS)[]).map((f) => over[f] ?? { externalId: 'x-1', participantId: P, referralId: R, kind: 'Vrijwilligerswerk', organisation: 'Voedselbank', localFacilityName: '', startDate: '2027-02-01', endDate: '2027-02-28', minutes: '90', note: '' }[f]);

describe('participation import rows', () => {
  it('reads a good row, the kind in Dutch or as its code', () => {
    expect(parseActivityRow(values(), positions, 'row 2').row).toMatchObject({ kind: 'volunteering', minutes: 90, localFacilityName: null, note: null });
    expect(parseActivityRow(values({ kind: 'companyVisit' }), positions, 'row 2').row?.kind).toBe('companyVisit');
  });

  it('names each bad field of the row', () => {
    const r = parseActivityRow(values({ kind: 'sport', minutes: '1,5', startDate: '2027-02-30', participantId: 'nope' }), positions, 'row 7');
    expect(r.row).toBeUndefined();
    expect(r.problems.map((p) => p.name).sort()).toEqual(['row 7.kind', 'row 7.minutes', 'row 7.participantId', 'row 7.startDate']);
    expect(r.problems.every((p) => p.reason.startsWith('Kolom '))).toBe(true);
    expect(parseActivityRow(values({ endDate: '2027-01-31' }), positions, 'row 3').problems).toEqual([expect.objectContaining({ name: 'row 3.endDate', code: 'beforeStart' })]);
  });

  it('requires its columns', () => {
    expect(activityHeaderMap(['eigen-id', 'soort']).problems.map((p) => p.name)).toContain('row 1.minutes');
  });
});
