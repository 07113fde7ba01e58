// R-MI-1 as a document: Bijlage 5's items as rows, the quarters as columns, item 16 only where the product
// has the participation ladder, item 17 the provider's text.
import { describe, expect, it } from 'vitest';
import type { QuarterlyMi, QuarterlyMiFigures } from '../../domain/reports/quarterly-mi.js';
import { miDocument } from './mi-document.js';

const ZERO = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
const figures = (quarter: string, over: Partial<QuarterlyMiFigures> = {}): QuarterlyMiFigures => ({
  quarter, contractVersion: 1, registered: 0, intakeHeld: 0, startedRunning: 0, startedInStartClass: 0, belowAttendanceNorm: 0,
  runningGroups: { fastAlfa: 0, a0a1: 0, a1a2: 0, a2b1: 0, z: 0, exam: 0, map: 0 }, waiting: 0, averageWaitingDays: null, inMilestone1A: 0, inMilestone1B: 0,
  transferredToB1: 0, transferredFromB1: 0, transferredToZ: 0, transferredFromZ: 0, transferredToEducation: 0, transferredFromEducation: 0, transferredToUnknown: 0,
  ladder: null, remarks: null, ...over,
});

const mi: QuarterlyMi = {
  quarter: '2027-Q1',
  quarters: ['2026-Q4', '2027-Q1'],
  cells: [
    { municipality: 'arnhem', product: 'b1_language', quarters: [figures('2026-Q4'), figures('2027-Q1', { registered: 2, averageWaitingDays: 22.5, runningGroups: { fastAlfa: 0, a0a1: 0, a1a2: 0, a2b1: 1, z: 0, exam: 0, map: 0 } })] },
    { municipality: 'arnhem', product: 'b1_participation', quarters: [figures('2026-Q4', { ladder: { atReferral: ZERO, raisedDuring: ZERO, atEnd: ZERO } }), figures('2027-Q1', { ladder: { atReferral: { ...ZERO, 2: 3 }, raisedDuring: ZERO, atEnd: ZERO } })] },
  ],
};
const contract = {
  name: 'Centraal Gelderland',
  municipalities: [{ code: 'arnhem', name: 'Arnhem' }],
  products: [{ code: 'b1_language', name: 'B1-route taal' }, { code: 'b1_participation', name: 'B1-route participatie' }],
} as unknown as Parameters<typeof miDocument>[1]['contract'];

describe('miDocument', () => {
  const doc = miDocument(mi, { contract, providerName: 'Sagènn', scopeName: 'Regio Centraal Gelderland', contractVersion: 1, entered: { 17: 'Toelichting.' } });

  it('titles the report and has one section per cell and item 17', () => {
    expect(doc.title).toBe('Kwartaalmanagementinformatie Centraal Gelderland — 2027-Q1');
    expect(doc.subtitle).toBe('Sagènn · Regio Centraal Gelderland · 2027-Q1 · contractversie 1');
    expect(doc.sections.map((s) => s.heading)).toEqual(['Arnhem — B1-route taal', 'Arnhem — B1-route participatie', '17 Algemeen vak voor toelichtingen en/of opmerkingen']);
    expect(doc.sections[2]?.text).toBe('Toelichting.');
  });

  it('writes items 1–15 in Bijlage 5\'s words with one column per quarter; no ladder rows for a language product', () => {
    const t = doc.sections[0]?.table;
    expect(t?.columns).toEqual(['Onderdeel', '2026-Q4', '2027-Q1']);
    // 1a–1c, 2, 3, 4a–g (7), 5, 6, 7, 8, 9–15 (7) = 5 + 7 + 4 + 7 = 23 rows.
    expect(t?.rows).toHaveLength(23);
    expect(t?.rows[0]).toEqual(['1a Aantal aangemeld', 0, 2]);
    expect(t?.rows.find((r) => r[0] === '4d Aantal lopende groepen: A2 – B1')).toEqual(['4d Aantal lopende groepen: A2 – B1', 0, 1]);
    expect(t?.rows.find((r) => r[0] === '6 Gemiddelde tijd op wachtlijst (kalenderdagen)')).toEqual(['6 Gemiddelde tijd op wachtlijst (kalenderdagen)', null, 22.5]);
    expect(t?.rows.some((r) => typeof r[0] === 'string' && r[0].startsWith('16'))).toBe(false);
  });

  it('adds item 16 a–c × trede 1–6 for a participation product', () => {
    const rows = doc.sections[1]?.table?.rows ?? [];
    expect(rows).toHaveLength(23 + 18);
    expect(rows.find((r) => r[0] === '16a Trede 2 bij aanmelding')).toEqual(['16a Trede 2 bij aanmelding', 0, 3]);
  });
});
