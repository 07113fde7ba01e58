// 000 §4.2: the management report's computed items on hand-built facts (docs/reports.md §7), and the
// aggregate readers' view of it and of the content report (R-MI-6).
import { describe, expect, it } from 'vitest';
import { CONTENT_REPORT_ENTERED, contentReport, type ContentContract, type ContentReportFacts } from './content-report.js';
import { contentReportDocumentOf, NOT_REGISTERED_TEXT } from './content-document.js';
import { shownAsIs, suppressContentReports } from './content-suppression.js';
import type { ReferralFact } from './facts.js';
import { MANAGEMENT_REPORT_ENTERED, managementReport, managementReportDocumentOf, suppressManagementReport, type ManagementVersion } from './management-report.js';
import { periodContaining } from './periods.js';
import { SUPPRESSED } from './document.js';

const ref = (id: string, participantId: string, municipality: string, d: Partial<ReferralFact>): ReferralFact => ({
  id, participantId, municipality, product: 'b1_language', referredOn: '2026-09-01', intakeHeldOn: null, startClassStartedOn: null, startedOn: null, endedOn: null, ...d,
});
const Q1 = periodContaining('quarter', '2027-01-01');
const VERSION: ManagementVersion = { version: 2, deadlines: { invoice: { amount: 6, unit: 'weeks' } }, holidayCalendar: { country: 'NL', extraClosedDays: [] } as never };

describe('management report (000 §4.2)', () => {
  const facts = {
    referrals: [
      ref('a', 'P1', 'hoorn', { startedOn: '2026-10-01' }), // running in Q1
      ref('b', 'P1', 'hoorn', { startedOn: '2027-02-01' }), // the same participant: once
      ref('c', 'P2', 'hoorn', { startedOn: '2026-10-01', endedOn: '2026-12-31' }), // ended before Q1
      ref('d', 'P3', 'enkhuizen', { startedOn: '2027-03-31' }),
      ref('e', 'P4', 'enkhuizen', {}), // not started
      ref('f', 'P1', 'enkhuizen', { startClassStartedOn: '2027-01-15' }), // P1 again, in another municipality
    ],
    invoiceLines: [
      // Earned 2 Jan, invoiced 13 Feb: 6 weeks after 2 Jan is 13 Feb — within.
      { municipality: 'hoorn', kind: 'invoice' as const, issueDate: '2027-02-13', earnedOn: '2027-01-02', lines: 3, amountCents: 300_000 },
      // Earned 1 Jan, invoiced 15 Feb: 45 days, after 12 Feb — late.
      { municipality: 'enkhuizen', kind: 'invoice' as const, issueDate: '2027-02-15', earnedOn: '2027-01-01', lines: 1, amountCents: 50_000 },
      { municipality: 'hoorn', kind: 'creditNote' as const, issueDate: '2027-03-01', earnedOn: '2027-01-02', lines: 1, amountCents: 100_000 },
    ],
    // Item 6 (R-CM-3): two complaints about Hoorn's referral a in Q1, one about d on the quarter's last day, one after Q1.
    complaints: [
      { referralId: 'a', receivedOn: '2027-01-01' },
      { referralId: 'a', receivedOn: '2027-02-10' },
      { referralId: 'd', receivedOn: '2027-03-31' },
      { referralId: 'd', receivedOn: '2027-04-01' },
    ],
  };

  it('unique participants (4), turnover (5), the invoicing term (14), complaints received in the quarter (6)', () => {
    const r = managementReport(facts, Q1, ['hoorn', 'enkhuizen'], VERSION, true);
    expect(r.rows).toEqual([
      { scope: 'hoorn', uniqueParticipants: 1, invoicedCents: 300_000, creditedCents: 100_000, turnoverCents: 200_000, complaints: 2 }, // P1
      { scope: 'enkhuizen', uniqueParticipants: 2, invoicedCents: 50_000, creditedCents: 0, turnoverCents: 50_000, complaints: 1 }, // P3, P1
      { scope: 'region', uniqueParticipants: 2, invoicedCents: 350_000, creditedCents: 100_000, turnoverCents: 250_000, complaints: 3 }, // P1, P3: distinct
    ]);
    // 4 invoice lines: 3 within 6 weeks, 1 late; mean days (3 × 42 + 45) / 4 = 42.75 → 42.8.
    expect(r.invoicingTerm).toEqual({ deadline: { amount: 6, unit: 'weeks' }, lines: 4, withinTerm: 3, late: 1, averageDays: 42.8 });
  });

  it('aggregate readers: unique participants suppressed with the region as the sum, turnover of the region only, the term over too few lines hidden', () => {
    const r = suppressManagementReport(managementReport(facts, Q1, ['hoorn', 'enkhuizen'], VERSION, true));
    expect(r.rows.map((x) => [x.scope, x.uniqueParticipants, x.turnoverCents])).toEqual([['hoorn', null, null], ['enkhuizen', null, null], ['region', null, 250_000]]);
    expect(r.invoicingTerm.lines).toBeNull();
    expect(r.rows.map((x) => x.complaints)).toEqual([null, null, null]);
    expect(r.suppressed).toEqual(['hoorn.uniqueParticipants', 'hoorn.complaints', 'enkhuizen.uniqueParticipants', 'enkhuizen.complaints', 'region.uniqueParticipants', 'region.complaints', 'invoicingTerm']);
  });

  it('the document: the computed items among the entered ones, in the source order and words', () => {
    const r = managementReport(facts, Q1, ['hoorn'], VERSION, false);
    const doc = managementReportDocumentOf(r, { contractName: 'Westfriesland', scopeName: 'Gemeente Hoorn', audience: 'personal', nameOf: (s) => s }, { '1': 'Toets gehaald in 2026.' });
    expect(doc.sections.map((s) => s.heading).slice(0, 5)).toEqual(["1 Kwaliteitstoets 'Blik op Werk'", '2 Voldoen medewerkers aan beroepseisen', '3 Overlegstructuur', '4 Aantal unieke cursisten', '4 Aantal unieke cursisten: toelichting']);
    expect(doc.sections[0]?.text).toBe('Toets gehaald in 2026.');
    expect(doc.sections.find((s) => s.heading === '6 Aantal ontvangen klachten')?.table?.rows).toEqual([['hoorn', 2]]);
    expect(MANAGEMENT_REPORT_ENTERED.map((e) => e.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']);
  });

  it('items 1, 8, 11 from the quality register (R-QLT-4): per provider, before the entered text, and whole for aggregate readers', () => {
    const quality = [
      {
        providerCode: 'a',
        providerName: 'Aanbieder A',
        mark: { since: '2026-01-01', validUntil: '2028-12-31', withdrawnOn: null },
        classVisits: [{ visitedOn: '2027-02-01', announced: true, findings: 'Rustige les' }],
        satisfaction: [{ surveyedOn: '2027-03-01', conductedBy: 'municipality' as const, score: 7.5, respondents: 20, summary: 'Tevreden' }],
      },
      { providerCode: 'b', providerName: 'Aanbieder B', mark: null, classVisits: [], satisfaction: [] },
    ];
    const r = managementReport({ ...facts, quality }, Q1, ['hoorn', 'enkhuizen'], VERSION, true);
    expect(suppressManagementReport(r).quality).toEqual(quality);
    const doc = managementReportDocumentOf(r, { contractName: 'Twente', scopeName: 'Regio', audience: 'personal', nameOf: (s) => s }, { '11': 'Toelichting.' });
    const at = (prefix: string) => doc.sections.findIndex((s) => s.heading.startsWith(prefix));
    expect(doc.sections[at('1 Keurmerk')]?.table?.rows).toEqual([['Aanbieder A', '2026-01-01', '2028-12-31', null], ['Aanbieder B', 'Geen keurmerk geregistreerd', null, null]]);
    expect(doc.sections[at('8 Lesbezoeken')]?.table?.rows).toEqual([['Aanbieder A', '2027-02-01', 'ja', 'Rustige les'], ['Aanbieder B', null, 'Geen lesbezoek in het kwartaal', null]]);
    expect(doc.sections[at('11 Klanttevredenheid:')]?.table?.rows).toEqual([['Aanbieder A', '2027-03-01', 'Gemeente', 7.5, 20, 'Tevreden'], ['Aanbieder B', null, 'Geen onderzoek in het kwartaal', null, null, null]]);
    // The register's table first, the provider's text after it.
    expect(at('11 Klanttevredenheidsonderzoek')).toBe(at('11 Klanttevredenheid:') + 1);
    expect(doc.sections[at('11 Klanttevredenheidsonderzoek')]?.text).toBe('Toelichting.');
  });

  it("item 2 from the teacher register (R-QLT-2): counts, shares and the verdict against the contract's norm, at 90% / 10% and just off it", () => {
    const norm = { minCertifiedPercent: 90, maxInTrainingPercent: 10 };
    const p = (code: string, certified: number, inTraining: number, otherSpecialist: number, n: typeof norm | null = norm) => ({
      providerCode: code, providerName: code, mark: null, classVisits: [], satisfaction: [], teachers: { certified, inTraining, otherSpecialist, norm: n },
    });
    const quality = [p('a', 9, 1, 0), p('b', 899, 0, 101), p('c', 899, 101, 0), p('d', 0, 0, 0), p('e', 4, 1, 0, null), { providerCode: 'f', providerName: 'f', mark: null, classVisits: [], satisfaction: [] }];
    const doc = managementReportDocumentOf(managementReport({ ...facts, quality }, Q1, ['hoorn'], VERSION, false), { contractName: 'Twente', scopeName: 'Regio', audience: 'personal', nameOf: (s) => s }, { '2': 'Toelichting.' });
    const at = doc.sections.findIndex((s) => s.heading.startsWith('2 Docenten'));
    const n = 'ten minste 90% gecertificeerd, ten hoogste 10% in opleiding';
    expect(doc.sections[at]?.table?.rows).toEqual([
      ['a', 10, 9, 1, 0, 90, 10, n, 'ja'],
      ['b', 1000, 899, 0, 101, 89.9, 0, n, 'nee: te weinig gecertificeerd'],
      ['c', 1000, 899, 101, 0, 89.9, 10.1, n, 'nee: te weinig gecertificeerd, te veel in opleiding'],
      ['d', 0, 0, 0, 0, null, null, n, 'Geen docenten geregistreerd'],
      ['e', 5, 4, 1, 0, 80, 20, 'Geen norm in het contract', null],
    ]);
    // The register's table first, the provider's text after it.
    expect(doc.sections[at + 1]).toEqual({ heading: '2 Voldoen medewerkers aan beroepseisen', text: 'Toelichting.' });
  });
});

describe('content report for aggregate readers (R-MI-6)', () => {
  const contract: ContentContract = { municipalities: [{ code: 'hoorn' }, { code: 'enkhuizen' }], products: [{ code: 'b1_language', kind: 'language', routes: ['b1'] }], versions: [{ version: 1, validFrom: '2026-01-01' }] };
  // Hoorn: 3 participants referred in January; Enkhuizen: 6.
  const referrals = [
    ...[1, 2, 3].map((i) => ref(`h${i}`, `H${i}`, 'hoorn', { referredOn: '2027-01-10' })),
    ...[1, 2, 3, 4, 5, 6].map((i) => ref(`e${i}`, `E${i}`, 'enkhuizen', { referredOn: '2027-01-12' })),
  ];
  const facts: ContentReportFacts = { referrals, attendance: [], routeEvents: [], scalings: [], activities: [], hours: [], groups: [], cancelledLessons: [] };

  it('a municipality of three: its 1a is hidden and Enkhuizen’s 6 with it, so the region’s 9 shown cannot give 3 back (9 − ? ∈ 1..4 has several answers)', () => {
    const byM = ['hoorn', 'enkhuizen'].map((m) => contentReport(facts, Q1, contract, m));
    const shown = suppressContentReports(byM, contentReport(facts, Q1, contract, 'region'));
    const at = (r: (typeof shown)['region'], p: number) => r.routes[0]?.columns[p]?.counts['1a'];
    // Columns: 2027-Q1 and the year 2027 (so far), one table municipality × (Q1, year).
    expect([at(shown.municipalities[0] as never, 0), at(shown.municipalities[1] as never, 0), at(shown.region, 0)]).toEqual([null, null, 9]);
    expect([at(shown.municipalities[0] as never, 1), at(shown.municipalities[1] as never, 1), at(shown.region, 1)]).toEqual([null, null, 9]);
    expect(shown.municipalities[0]?.routes[0]?.columns[0]?.suppressed).toContain('1a');
    // The document says "niet getoond" for it; not-registered items read "niet geregistreerd".
    const doc = contentReportDocumentOf(shown.region, { kind: 'Inhoudelijke rapportage', contractName: 'Westfriesland', scopeName: 'Regio', audience: 'aggregate' }, {}, ['2027-Q1', 'Jaar 2027']);
    const counts = doc.sections[0]?.table?.rows ?? [];
    expect(counts[0]).toEqual(['1a Aantal nieuwe aanmeldingen', 9, 9]);
    const hoorn = contentReportDocumentOf(shown.municipalities[0] as never, { kind: 'Inhoudelijke rapportage', contractName: 'Westfriesland', scopeName: 'Hoorn', audience: 'aggregate' }, {}, ['2027-Q1', 'Jaar 2027']);
    expect(hoorn.sections[0]?.table?.rows[0]).toEqual(['1a Aantal nieuwe aanmeldingen', SUPPRESSED, SUPPRESSED]);
    expect(counts.find((r) => typeof r[0] === 'string' && r[0].startsWith('3a'))).toEqual(["3a Aantal afgeronde PVT's", NOT_REGISTERED_TEXT, NOT_REGISTERED_TEXT]);
    expect(doc.sections.filter((s) => s.text !== undefined && s.table === undefined).map((s) => s.heading.split(' ')[0])).toEqual(['B1-route:', 'Z-route:', ...CONTENT_REPORT_ENTERED.map((e) => e.key)]);
  });

  it('personal readers see every count', () => {
    const shown = shownAsIs(contentReport(facts, Q1, contract, 'hoorn'));
    expect(shown.routes[0]?.columns[0]?.counts['1a']).toBe(3);
  });
});
