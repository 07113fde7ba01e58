// R-QLT-1, R-QLT-2, R-QLT-3: the quality register's rules against the sources' numbers (issue #14).
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../platform/contracts.js';
import type { TeacherNorm } from './contract-data.js';
import { membershipRefusal } from './membership.js';
import { admissionRefusal, qualityMarkConcern, qualityMarkState } from './quality-mark.js';
import { decisionRefusal } from './screening.js';
import { teacherCompliance, vogValid, type TeacherQualification } from './teachers.js';

const registry = loadContracts(path.resolve(import.meta.dirname, '../../../contracts'));
const qualityOf = (id: string) => registry.contracts.find((c) => c.id === id)?.versions[0]?.quality;
const twente = qualityOf('twente');
const onderwijsroute = qualityOf('onderwijsroute-haaglanden-holland-rijnland');
const TWENTE_NORM = twente?.teacherNorm as TeacherNorm;
const OR_NORM = onderwijsroute?.teacherNorm as TeacherNorm;

const teachers = (certified: number, inTraining: number, other = 0) => [
  ...Array.from({ length: certified }, () => ({ qualification: 'certified' as const })),
  ...Array.from({ length: inTraining }, () => ({ qualification: 'inTraining' as const })),
  ...Array.from({ length: other }, () => ({ qualification: 'otherSpecialist' as const })),
];

describe('the contract files carry the quality rules', () => {
  it('Twente 90/10 and a mark of a year (003 art. 5.1–5.3) with every screening item of art. 4.2; the Onderwijsroute 80/20 and a VOG of two years (002 eis 66, 68)', () => {
    expect(TWENTE_NORM).toMatchObject({ minCertifiedPercent: 90, maxInTrainingPercent: 10 });
    expect(twente?.qualityMark).toMatchObject({ minHeldMonths: 12, conversationMayAdmit: true });
    expect(twente?.screening?.items).toEqual(['kvk', 'auditReports', 'inspectionRiskCheck', 'nt2TeacherList']);
    expect(twente?.covenant).toBeDefined();
    expect(twente?.vog).toBeUndefined();
    expect(OR_NORM).toMatchObject({ minCertifiedPercent: 80, maxInTrainingPercent: 20 });
    expect(onderwijsroute?.vog?.maxAgeYears).toBe(2);
    expect(qualityOf('westfriesland')).toBeUndefined();
    expect(qualityOf('centraal-gelderland')).toBeUndefined();
  });
});

describe('teacher compliance (R-QLT-2)', () => {
  it('Twente: 89.9% certified is a breach, 90% is not; 10% in training is fine, 10.1% a breach', () => {
    expect(teacherCompliance(teachers(899, 0, 101), TWENTE_NORM)).toMatchObject({ compliant: false, breaches: ['certifiedBelowNorm'], certifiedPercent: 89.9 });
    expect(teacherCompliance(teachers(900, 0, 100), TWENTE_NORM)).toMatchObject({ compliant: true, breaches: [], certifiedPercent: 90 });
    expect(teacherCompliance(teachers(900, 100), TWENTE_NORM)).toMatchObject({ compliant: true, inTrainingPercent: 10 });
    expect(teacherCompliance(teachers(899, 101), TWENTE_NORM)).toMatchObject({ compliant: false, breaches: ['certifiedBelowNorm', 'inTrainingAboveNorm'], inTrainingPercent: 10.1 });
  });

  it('the Onderwijsroute: 79.9% certified a breach, 80% not; 20% in training fine, 20.1% a breach', () => {
    expect(teacherCompliance(teachers(799, 0, 201), OR_NORM).breaches).toEqual(['certifiedBelowNorm']);
    expect(teacherCompliance(teachers(800, 0, 200), OR_NORM).compliant).toBe(true);
    expect(teacherCompliance(teachers(800, 200), OR_NORM).compliant).toBe(true);
    expect(teacherCompliance(teachers(799, 201), OR_NORM).breaches).toEqual(['certifiedBelowNorm', 'inTrainingAboveNorm']);
    // The same 89.9% that breaks Twente's norm meets the Onderwijsroute's: the contract decides.
    expect(teacherCompliance(teachers(899, 101), OR_NORM).compliant).toBe(true);
  });

  it('no teachers: nothing to judge', () => {
    expect(teacherCompliance([], TWENTE_NORM)).toMatchObject({ total: 0, compliant: null, breaches: [], certifiedPercent: null });
  });

  it('property: compliant exactly when certified/total ≥ min and inTraining/total ≤ max (exact rationals), whatever the order', () => {
    const kind = fc.constantFrom<TeacherQualification>('certified', 'inTraining', 'otherSpecialist');
    const norm = fc.record({ minCertifiedPercent: fc.integer({ min: 0, max: 100 }), maxInTrainingPercent: fc.integer({ min: 0, max: 100 }) }).filter((n) => n.minCertifiedPercent + n.maxInTrainingPercent <= 100);
    fc.assert(
      fc.property(fc.array(kind, { minLength: 1, maxLength: 300 }), norm, (kinds, n) => {
        const list = kinds.map((qualification) => ({ qualification }));
        const result = teacherCompliance(list, { ...n, source: 't' });
        const c = kinds.filter((k) => k === 'certified').length;
        const t = kinds.filter((k) => k === 'inTraining').length;
        const expected = c / kinds.length >= n.minCertifiedPercent / 100 - 1e-12 && t / kinds.length <= n.maxInTrainingPercent / 100 + 1e-12;
        expect(result.compliant).toBe(expected);
        expect(teacherCompliance([...list].reverse(), { ...n, source: 't' })).toEqual(result);
        expect(result.certified + result.inTraining + result.otherSpecialist).toBe(result.total);
      }),
    );
  });
});

describe('VOG age (002 eis 68)', () => {
  const rule = onderwijsroute?.vog ?? { maxAgeYears: 2, source: '' };
  it('at most two years old at the contract start; a later registration counts from its own day', () => {
    expect(vogValid('2021-01-01', '2023-01-01', '2022-06-01', rule)).toBe(true);
    expect(vogValid('2020-12-31', '2023-01-01', '2022-06-01', rule)).toBe(false);
    expect(vogValid('2023-06-01', '2023-01-01', '2025-06-01', rule)).toBe(true);
    expect(vogValid('2023-05-31', '2023-01-01', '2025-06-01', rule)).toBe(false);
    expect(vogValid('2024-03-01', '2023-01-01', '2023-01-01', rule)).toBe(true);
  });
});

describe('the quality mark (003 art. 5.1–5.2, 14.3)', () => {
  const rule = twente?.qualityMark ?? { minHeldMonths: 12, conversationMayAdmit: true, source: '' };
  const mark = { since: '2025-01-15', validUntil: '2028-01-14', withdrawnOn: null };
  it('11 months blocks admission unless the conversation is recorded; 12 months admits', () => {
    expect(admissionRefusal(mark, '2025-12-15', rule, false)).toBe('markTooYoung');
    expect(admissionRefusal(mark, '2025-12-15', rule, true)).toBeNull();
    expect(admissionRefusal(mark, '2026-01-15', rule, false)).toBeNull();
    expect(admissionRefusal(mark, '2026-01-14', rule, false)).toBe('markTooYoung');
  });
  it('expired or withdrawn: refused even after a conversation, and a concern to signal', () => {
    const expired = { ...mark, validUntil: '2026-01-31' };
    expect(qualityMarkState(expired, '2026-02-01')).toBe('expired');
    expect(admissionRefusal(expired, '2026-02-01', rule, true)).toBe('markNotValid');
    expect(qualityMarkConcern(expired, '2026-02-01', rule, true)).toBe('markExpired');
    const withdrawn = { ...mark, withdrawnOn: '2026-03-01' };
    expect(qualityMarkState(withdrawn, '2026-02-28')).toBe('valid');
    expect(qualityMarkState(withdrawn, '2026-03-01')).toBe('withdrawn');
    expect(admissionRefusal(withdrawn, '2026-03-02', rule, true)).toBe('markNotValid');
    expect(qualityMarkConcern(withdrawn, '2026-03-02', rule, false)).toBe('markWithdrawn');
    expect(qualityMarkConcern(mark, '2025-12-15', rule, false)).toBe('markTooYoung');
    expect(qualityMarkConcern(mark, '2025-12-15', rule, true)).toBeNull();
    expect(qualityMarkConcern(undefined, '2025-12-15', rule, true)).toBe('noMark');
  });
  it('a contract without a mark rule admits on the mark alone', () => {
    expect(admissionRefusal(undefined, '2026-01-01', undefined, false)).toBeNull();
  });
});

describe('covenant membership (003 art. 3, 7, 14)', () => {
  const applied = { state: 'applied' as const, on: '2026-01-10' };
  it('applied → admitted or excluded, with dates; exclusion needs grounds and the registered letter', () => {
    expect(membershipRefusal(undefined, { state: 'applied', on: '2026-01-10', grounds: '' })).toBeNull();
    expect(membershipRefusal(undefined, { state: 'admitted', on: '2026-01-10', grounds: 'x' })).toEqual({ field: 'state', reason: 'notAllowed' });
    expect(membershipRefusal(applied, { state: 'admitted', on: '2026-02-01', grounds: 'Screening zonder risico' })).toBeNull();
    expect(membershipRefusal(applied, { state: 'admitted', on: '2026-01-09', grounds: 'x' })).toEqual({ field: 'on', reason: 'beforeLast' });
    expect(membershipRefusal(applied, { state: 'admitted', on: '2026-02-01', grounds: ' ' })).toEqual({ field: 'grounds', reason: 'required' });
    expect(membershipRefusal(applied, { state: 'excluded', on: '2026-02-01', grounds: 'Niet integer' })).toEqual({ field: 'letterSentOn', reason: 'required' });
    expect(membershipRefusal(applied, { state: 'excluded', on: '2026-02-01', letterSentOn: '2026-01-31', grounds: 'Niet integer' })).toEqual({ field: 'letterSentOn', reason: 'beforeDecision' });
    expect(membershipRefusal({ state: 'admitted', on: '2026-02-01' }, { state: 'excluded', on: '2026-05-01', letterSentOn: '2026-05-02', grounds: 'Keurmerk ingetrokken' })).toBeNull();
    expect(membershipRefusal({ state: 'admitted', on: '2026-02-01' }, { state: 'applied', on: '2026-05-01', grounds: '' })).toEqual({ field: 'state', reason: 'notAllowed' });
    expect(membershipRefusal({ state: 'excluded', on: '2026-02-01' }, { state: 'applied', on: '2027-05-01', grounds: '' })).toBeNull();
    expect(membershipRefusal({ state: 'excluded', on: '2026-02-01' }, { state: 'admitted', on: '2027-05-01', grounds: 'x' })).toEqual({ field: 'state', reason: 'notAllowed' });
  });
});

describe('screening with hoor en wederhoor (003 art. 4.5)', () => {
  it('no decision while a finding awaits the provider\'s answer, and none twice', () => {
    expect(decisionRefusal(false, [{ respondedOn: '2026-01-05' }, { respondedOn: null }])).toBe('awaitingResponse');
    expect(decisionRefusal(false, [{ respondedOn: '2026-01-05' }])).toBeNull();
    expect(decisionRefusal(false, [])).toBeNull();
    expect(decisionRefusal(true, [])).toBe('alreadyDecided');
  });
});
