// R-MI-6: the frozen report against the recomputation, cell by cell; the instance key; the status; the
// canonical JSON the content hash is taken over.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SUPPRESSED, type ReportDocument } from './document.js';
import { canonicalJson, instanceKeyOf, instanceStatus, parseInstanceKey, periodEnded } from './submission.js';
import { diffReportDocuments, isUnchanged } from './submission-diff.js';

const doc = (rows: ReportDocument['sections'][number]['table'] extends infer T ? T : never): ReportDocument => ({
  title: 'Kwartaal-MI',
  subtitle: 'x',
  notes: [],
  sections: [{ heading: 'Arnhem — B1-route taal', table: rows }, { heading: '17 Toelichting', text: 'tekst' }],
});

describe('diffReportDocuments', () => {
  const submitted = doc({
    columns: ['Onderdeel', '2026-Q4', '2027-Q1'],
    rows: [
      ['1a Aantal aangemeld', 3, 2],
      ['6 Gemiddelde tijd op wachtlijst', 12.5, null],
      ['3 Aantal met < 80% aanwezigheid', SUPPRESSED, 0],
    ],
  });

  it('finds nothing when the figures are the same, whatever the text', () => {
    const same = structuredClone(submitted);
    same.sections[1] = { heading: '17 Toelichting', text: 'andere tekst' };
    expect(isUnchanged(diffReportDocuments(submitted, same))).toBe(true);
  });

  it('gives both values and now − submitted per changed cell', () => {
    const now = doc({
      columns: ['Onderdeel', '2026-Q4', '2027-Q1'],
      rows: [
        ['1a Aantal aangemeld', 3, 3], // one referral's date moved into Q1: 2 → 3, +1
        ['6 Gemiddelde tijd op wachtlijst', 10, 4], // (12.5 → 10: −2.5); null → 4: no difference number
        ['3 Aantal met < 80% aanwezigheid', 4, 0], // suppressed → 4: changed, no difference number
      ],
    });
    const d = diffReportDocuments(submitted, now);
    expect(d.cells).toEqual([
      { section: 'Arnhem — B1-route taal', row: '1a Aantal aangemeld', column: '2027-Q1', submitted: 2, now: 3, difference: 1 },
      { section: 'Arnhem — B1-route taal', row: '6 Gemiddelde tijd op wachtlijst', column: '2026-Q4', submitted: 12.5, now: 10, difference: -2.5 },
      { section: 'Arnhem — B1-route taal', row: '6 Gemiddelde tijd op wachtlijst', column: '2027-Q1', submitted: null, now: 4, difference: null },
      { section: 'Arnhem — B1-route taal', row: '3 Aantal met < 80% aanwezigheid', column: '2026-Q4', submitted: SUPPRESSED, now: 4, difference: null },
    ]);
    expect(d.onlySubmitted).toEqual([]);
    expect(d.onlyNow).toEqual([]);
  });

  it('names rows and sections that appear or disappear, and matches repeated labels by occurrence', () => {
    const a: ReportDocument = { title: '', subtitle: '', notes: [], sections: [{ heading: 'S', table: { columns: ['R', 'x'], rows: [['a', 1], ['a', 2], ['b', 3]] } }, { heading: 'Oud' }] };
    const b: ReportDocument = { title: '', subtitle: '', notes: [], sections: [{ heading: 'S', table: { columns: ['R', 'x'], rows: [['a', 1], ['a', 5], ['c', 3]] } }, { heading: 'Nieuw' }] };
    const d = diffReportDocuments(a, b);
    expect(d.cells).toEqual([{ section: 'S', row: 'a#2', column: 'x', submitted: 2, now: 5, difference: 3 }]);
    expect(d.onlySubmitted).toEqual(['S: b', 'Oud']);
    expect(d.onlyNow).toEqual(['S: c', 'Nieuw']);
  });
});

describe('instance keys', () => {
  it('round-trips and refuses what is not a key', () => {
    const k = { contractId: 'westfriesland', kind: 'contentReport' as const, periodId: '2027-Q1', municipality: 'hoorn', provider: 'taalpunt-westfriesland' };
    expect(instanceKeyOf(k)).toBe('westfriesland~contentReport~2027-Q1~hoorn~taalpunt-westfriesland');
    expect(parseInstanceKey(instanceKeyOf(k))).toEqual(k);
    expect(parseInstanceKey('centraal-gelderland~quarterlyManagementInformation~2027-Q1~region~newbees')?.municipality).toBeNull();
    for (const bad of ['', 'a~b', 'westfriesland~nope~2027-Q1~hoorn~p', 'westfriesland~contentReport~2027-Q5~hoorn~p', 'W~contentReport~2027-Q1~hoorn~p', 'a~contentReport~2027~h~p~x']) {
      expect(parseInstanceKey(bad)).toBeUndefined();
    }
  });
});

describe('instanceStatus (R-MI-6)', () => {
  it('due, late, submitted, submitted late; the first submission counts; no due date is never late', () => {
    expect(instanceStatus('2027-04-18', null, '2027-04-18')).toBe('due');
    expect(instanceStatus('2027-04-18', null, '2027-04-19')).toBe('late');
    expect(instanceStatus('2027-04-18', '2027-04-18', '2027-06-01')).toBe('submitted');
    expect(instanceStatus('2027-04-18', '2027-04-19', '2027-06-01')).toBe('submittedLate');
    expect(instanceStatus(null, null, '2099-01-01')).toBe('due');
    expect(periodEnded('2027-03-31', '2027-03-31')).toBe(false);
    expect(periodEnded('2027-03-31', '2027-04-01')).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, drops undefined, and so hashes the same for the same value', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }, 2], u: undefined, z: -0 })).toBe('{"a":[{"c":"x","d":null},2],"b":1,"z":0}');
    const h = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');
    expect(h({ x: 1, y: { p: 2, q: 3 } })).toBe(h({ y: { q: 3, p: 2 }, x: 1 }));
    expect(h({ x: 1 })).not.toBe(h({ x: 2 }));
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(RangeError);
  });
});
