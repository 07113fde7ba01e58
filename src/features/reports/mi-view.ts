// Issue #13 (R-MI-1, R-MI-6): the quarterly management information as the reader got it from
// GET /api/v1/reports/quarterly-mi — personal or suppressed — as a ReportDocument for the page's
// downloads (GET /api/v1/reports/quarterly-mi/export): one section per municipality × product with the
// items of 001 Bijlage 5 as rows and the quarter with the three before it as columns; for the contract
// manager and the policy officer a hidden count is SUPPRESSED ("niet getoond") and the region's sums per
// product follow. (src/features/reports/mi-document.ts is the provider's own report instance.)
import type { Contract } from '../../domain/contract.js';
import { SUPPRESSED, type ReportCell, type ReportDocument, type ReportSection } from '../../domain/reports/document.js';
import { miItemsFor, valueAt } from '../../domain/reports/mi-items.js';

interface ViewFigures {
  quarter: string;
  contractVersion: number;
  averageWaitingDays: number | null;
  remarks: string | null;
  hidden?: string[];
}

export interface MiView {
  contractId: string;
  quarter: string;
  quarters: string[];
  audience: 'personal' | 'aggregate';
  cells: { municipality: string; product: string; quarters: ViewFigures[] }[];
  regionTotals?: { product: string; quarters: ViewFigures[] }[];
}

/** One figure as a document cell: hidden → SUPPRESSED, not applicable → null. */
export function miCell(f: ViewFigures, path: string): ReportCell {
  if (f.hidden?.includes(path) === true) return SUPPRESSED;
  return valueAt(f, path);
}

function table(quarters: string[], figures: ViewFigures[]): ReportSection['table'] {
  // Item 16 only where it applies (not for a language product): a row of n.v.t. only would be noise.
  const rows = miItemsFor(figures);
  return {
    columns: ['Onderdeel', ...quarters],
    rows: rows.map((r) => [r.label, ...figures.map((f) => miCell(f, r.path))]),
    decimals: [undefined, ...quarters.map(() => undefined)],
  };
}

export function miViewDocument(view: MiView, contract: Pick<Contract, 'region' | 'municipalities' | 'products'>, scopeName: string): ReportDocument {
  const nameOf = (list: readonly { code: string; name: string }[], code: string): string => list.find((x) => x.code === code)?.name ?? code;
  const sections: ReportSection[] = view.cells.map((c) => {
    const remarks = c.quarters.at(-1)?.remarks ?? null;
    return { heading: `${nameOf(contract.municipalities, c.municipality)} — ${nameOf(contract.products, c.product)}`, table: table(view.quarters, c.quarters), ...(remarks === null ? {} : { text: `17 Toelichting: ${remarks}` }) };
  });
  for (const t of view.regionTotals ?? []) sections.push({ heading: `Regio, som van de gemeenten — ${nameOf(contract.products, t.product)}`, table: table(view.quarters, t.quarters) });
  const version = view.cells[0]?.quarters.at(-1)?.contractVersion ?? 0;
  const aggregate = view.audience === 'aggregate';
  return {
    title: `Kwartaalmanagementinformatie ${contract.region.name} — ${view.quarter}`,
    subtitle: `${scopeName} · ${view.quarter} en de ${String(view.quarters.length - 1)} kwartalen ervoor · contractversie ${String(version)}`,
    notes: [
      'Berekend uit de registratie in Koers (001 §4.2 en Bijlage 5); de definities staan in docs/reports.md §1.',
      'Aantallen zijn unieke inburgeringsplichtigen per gemeente en product; item 6 is gemiddeld per aanmelding. "n.v.t." is niet van toepassing.',
      ...(aggregate
        ? ['Alleen aantallen, zonder namen. Het regiototaal is de som van de gemeenten: wie in twee gemeenten staat, telt twee keer. Een gemiddelde wachttijd over minder dan 5 aanmeldingen wordt niet getoond.']
        : []),
    ],
    sections,
  };
}
