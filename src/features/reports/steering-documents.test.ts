// Issue #13: the Onderwijsroute report, deadline compliance and the KPIs as ReportDocuments — the same
// cells as the JSON answer, a hidden count as SUPPRESSED (never 0 or a number) for an aggregate reader,
// the transfers' reasons only for a personal one, and item 7 as the entered text.
import { describe, expect, it } from 'vitest';
import { SUPPRESSED } from '../../domain/reports/document.js';
import { complianceDocument, type ComplianceAnswer } from './compliance-service.js';
import { educationDocument, type EducationReportAnswer, type ShownFigures } from './education-service.js';
import { kpiReportDocument, type KpiAnswer } from './kpi-service.js';

const zero = <K extends string>(keys: readonly K[], v: number | null = 0) => Object.fromEntries(keys.map((k) => [k, v])) as Record<K, number | null>;
const figures = (over: Partial<ShownFigures> = {}): ShownFigures => ({
  status: zero(['onTrack', 'atRisk', 'behind', 'noReport']),
  running: 0, inflow: 0, referred: 0,
  throughput: { count: 0, meanDays: null },
  outflowByReason: zero(['completed', 'medical', 'death', 'moved', 'other', 'movedAway']),
  outflowByResult: zero(['goalsReached', 'goalsNotReached', 'noFinalReport']),
  transfersByRoute: zero(['b1', 'z', 'education_mbo', 'education_hbo_wo', 'b1_entree']),
  transfers: [], complaints: null,
  ...over,
});
const answer = (audience: 'personal' | 'aggregate', f: ShownFigures): EducationReportAnswer => ({ contractId: 'c', quarter: '2027-Q1', contractVersion: 1, audience, columns: [{ municipality: 'leiden', name: 'Leiden', figures: f }], notRegistered: ['7 niet geregistreerd'] });
const rowOf = (doc: ReturnType<typeof educationDocument>, heading: string, label: string) => doc.sections.find((s) => s.heading.startsWith(heading))?.table?.rows.find((r) => r[0] === label);

describe('educationDocument', () => {
  it('personal: the counts, the mean, the transfers with their reason and the entered item 7', () => {
    const doc = educationDocument(answer('personal', figures({ running: 3, throughput: { count: 2, meanDays: 264.5 }, transfers: [{ on: '2027-03-10', to: 'b1', reason: 'Te hoog' }] })), 'Onderwijsroute', { 7: 'Geen klachten' });
    expect(rowOf(doc, '2–4', '2 Lopende trajecten (aan het eind van het kwartaal)')).toEqual(['2 Lopende trajecten (aan het eind van het kwartaal)', 3]);
    expect(rowOf(doc, '2–4', '4 Gemiddelde doorlooptijd (kalenderdagen van start tot einde)')?.[1]).toBe(264.5);
    expect(doc.sections.find((s) => s.heading === '6 Doorstroom met reden')?.table?.rows).toEqual([['Leiden', '2027-03-10', 'B1-route', 'Te hoog']]);
    expect(doc.sections.at(-1)).toEqual({ heading: '7 Klachtenoverzicht en afhandeling', text: 'Geen klachten' });
    expect(doc.notes).toContain('7 niet geregistreerd');
  });

  it('aggregate: a hidden count is SUPPRESSED, a mean without its count is empty, no reasons', () => {
    const doc = educationDocument(answer('aggregate', figures({ running: null, throughput: { count: null, meanDays: null } })), 'Onderwijsroute', {});
    expect(rowOf(doc, '2–4', '2 Lopende trajecten (aan het eind van het kwartaal)')?.[1]).toEqual(SUPPRESSED);
    expect(rowOf(doc, '2–4', '3 Instroom (gestart in het kwartaal)')?.[1]).toBe(0);
    expect(rowOf(doc, '2–4', '4 Gemiddelde doorlooptijd (kalenderdagen van start tot einde)')?.[1]).toBeNull();
    expect(doc.sections.some((s) => s.heading === '6 Doorstroom met reden')).toBe(false);
    expect(doc.sections.at(-1)?.text).toBeNull();
  });
});

describe('complianceDocument and kpiReportDocument', () => {
  it('a row per provider, SUPPRESSED for a hidden count, the share as a percentage column', () => {
    const a: ComplianceAnswer = {
      contractId: 'c', quarter: '2027-Q1', today: '2027-04-10', audience: 'aggregate',
      rows: [{ provider: 'p', name: 'Taalpunt', figures: ['acknowledgement', 'intakeInvitation', 'learningPlan', 'report', 'invoice'].map((d) => ({ deadline: d as never, label: d, numerator: null, denominator: null, share: null, late: 0, pending: 0 })) }],
    };
    const doc = complianceDocument(a, 'Westfriesland');
    expect(doc.sections).toHaveLength(5);
    expect(doc.sections[0]?.table?.rows).toEqual([['Taalpunt', SUPPRESSED, SUPPRESSED, null, 0, 0]]);
    expect(doc.sections[0]?.table?.percent).toEqual([false, false, false, true, false, false]);
  });

  it('a KPI line per section, a row per quarter; a numerator not registered is empty, not suppressed', () => {
    const a: KpiAnswer = {
      contractId: 'c', quarter: '2027-Q1', quarters: ['2027-Q1'], audience: 'aggregate',
      kpis: [{ kpi: 'dutyMetWithinTerm', route: 'b1', label: 'KPI 2', notRegistered: 'Niet geregistreerd', values: [{ quarter: '2027-Q1', numerator: null, denominator: null, share: null, target: 0.75, meetsTarget: null }], changes: [null] }],
    };
    const doc = kpiReportDocument(a, 'Westfriesland');
    expect(doc.sections).toEqual([expect.objectContaining({ heading: 'KPI 2', text: 'Niet geregistreerd' })]);
    expect(doc.sections[0]?.table?.rows).toEqual([['2027-Q1', null, SUPPRESSED, null, 0.75, null, null]]);
  });
});
