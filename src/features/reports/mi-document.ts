// Issue #13 (R-MI-1, R-MI-6): the quarterly management information of 001 §4.2 and Bijlage 5 as a
// ReportDocument, for one provider's report instance: one section per municipality × product the
// provider is contracted for, the items 1–16 as rows with Bijlage 5's own Dutch wording, the quarter and
// the three before it as columns; item 17 ("Algemeen vak voor toelichtingen en/of opmerkingen") is the
// text the provider enters (MI_ENTERED). Definitions: docs/reports.md §1.
import { findVersionInForce, type Contract } from '../../domain/contract.js';
import type { ReportCell, ReportDocument, ReportSection } from '../../domain/reports/document.js';
import { miItemsFor, valueAt } from '../../domain/reports/mi-items.js';
import type { ReportPeriod } from '../../domain/reports/periods.js';
import { quarterlyManagementInformation, quartersUpTo, type QuarterlyMi } from '../../domain/reports/quarterly-mi.js';
import { recordAudit } from '../../platform/audit.js';
import { unsafeQuarterlyMiFacts } from './facts.js';
import type { ReportBuilder } from './registry.js';
import { reportRoomOf } from './room.js';

/** Item 17 of Bijlage 5: the one item the provider writes. */
export const MI_ENTERED = [{ key: '17', label: '17 Algemeen vak voor toelichtingen en/of opmerkingen' }] as const;

const PREVIOUS_QUARTERS = 3;

export interface MiDocumentContext {
  contract: Pick<Contract, 'name' | 'municipalities' | 'products'>;
  providerName: string;
  /** "Regio" or the municipality's name. */
  scopeName: string;
  contractVersion: number;
  entered: Readonly<Record<string, string>>;
}

/** Pure: the management information of one provider's instance as a document. */
export function miDocument(mi: QuarterlyMi, c: MiDocumentContext): ReportDocument {
  const nameOf = (list: readonly { code: string; name: string }[], code: string): string => list.find((x) => x.code === code)?.name ?? code;
  const sections: ReportSection[] = mi.cells.map((cell) => {
    // Item 16 "(niet voor taalaanbieders)": only where the product has the ladder (not null).
    const rows: ReportCell[][] = miItemsFor(cell.quarters).map((item) => [item.label, ...cell.quarters.map((q) => valueAt(q, item.path))]);
    return {
      heading: `${nameOf(c.contract.municipalities, cell.municipality)} — ${nameOf(c.contract.products, cell.product)}`,
      // No decimals per column: the counts are whole, item 6 (a mean) has its decimals of the data.
      table: { columns: ['Onderdeel', ...mi.quarters], rows },
    };
  });
  for (const e of MI_ENTERED) sections.push({ heading: e.label, text: c.entered[e.key] ?? null });
  return {
    title: `Kwartaalmanagementinformatie ${c.contract.name} — ${mi.quarter}`,
    subtitle: `${c.providerName} · ${c.scopeName} · ${mi.quarter} · contractversie ${String(c.contractVersion)}`,
    notes: [
      'Berekend uit de registratie in Koers (001 §4.2 en Bijlage 5); definities in docs/reports.md §1.',
      'Aantallen zijn unieke inburgeringsplichtigen van deze aanbieder; een lege cel is niet van toepassing.',
      `Kolommen: het kwartaal ${mi.quarter} en de ${String(mi.quarters.length - 1)} kwartalen ervoor.`,
    ],
    sections,
  };
}

/** The registry's builder: the provider's own referrals (its room), audited in the read's transaction. */
export const quarterlyMiDocument: ReportBuilder = async (deps, ctx, input) => {
  const contract = deps.contracts.byId(input.contractId);
  if (contract === undefined || input.period.cadence !== 'quarter') return undefined;
  const room = await reportRoomOf(deps.db, ctx, contract);
  if (room === undefined || room.audience !== 'personal') return undefined;
  const version = findVersionInForce(contract, input.period.end);
  const contracted = new Set(version?.contracted.filter((k) => room.providerCode === undefined || k.provider === room.providerCode).flatMap((k) => k.products) ?? []);
  const municipalities = room.municipalities
    .filter((m) => input.scope.municipality === null || m.code === input.scope.municipality)
    .map((m) => ({ ...m, products: m.products.filter((p) => contracted.has(p)) }));
  const quarter: ReportPeriod = input.period;
  const from = quartersUpTo(quarter, PREVIOUS_QUARTERS)[0]?.start ?? quarter.start;
  return deps.db.transaction(async (tx) => {
    const facts = await unsafeQuarterlyMiFacts(tx, room.factScope, { contractId: contract.id, from, to: quarter.end });
    const mi = quarterlyManagementInformation(facts, quarter, { ...contract, municipalities }, PREVIOUS_QUARTERS);
    await recordAudit(tx, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'quarterlyMi', objectId: contract.id, summary: `${quarter.id}: report document, ${String(mi.cells.length)} cells, aggregates only` });
    const providerName = contract.providers.find((p) => p.code === room.providerCode)?.name ?? ctx.organisation.name;
    const scopeName = input.scope.municipality === null ? `Regio ${contract.region.name}` : (contract.municipalities.find((m) => m.code === input.scope.municipality)?.name ?? input.scope.municipality);
    return miDocument(mi, { contract, providerName, scopeName, contractVersion: version?.version ?? 0, entered: input.entered });
  });
};
