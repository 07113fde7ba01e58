// R-INV-4, R-INV-5: a stored invoice or credit note as the document model that the UBL and the PDF
// render (src/domain/invoice-document.ts). The header comes from the contract file: the provider's and
// the municipality's invoicing details (001 Bijlage 4); each line from its billable event and the
// participant's client number of the municipality (never a BSN, R-PAR-2).
//
// The invoice number as printed: `<PROVIDER CODE>/<issue year>/<number, 5 digits>`, e.g.
// ECHT-NEDERLANDS/2026/00001. The slashes matter: with dashes, year and number read as one run of nine
// digits ("2026-00002" passes the eleven-test) and the BSN guard refuses the invoice. The stored number is the provider's one gapless series (store.ts), shared
// by invoices and credit notes and never reset per year, so the printed number is unique per provider;
// the code and the year only make it readable in the municipality's books.
//
// Reading the document reads personal data (client numbers): its caller audits that read in its own
// transaction, as every route does (recordAudit); this module only maps.
import type { Buyer, InvoiceDocument, LineVat, Seller } from '../../domain/invoice-document.js';
import type { Contract } from '../../domain/contract.js';
import { type ContractRegistry, versionOf } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findInvoice, type InvoiceOwner } from './store.js';
import type { Invoice } from './store-types.js';

/** Printed on an exempt line (BT-120); the learning route is exempt as education (002 §2.1). */
export const EXEMPTION_REASON = 'Vrijgesteld van btw: onderwijs (artikel 11, lid 1, onderdeel o, Wet OB 1968)';

export function invoiceNumberText(providerCode: string, issueDate: string, number: number): string {
  return `${providerCode.toUpperCase()}/${issueDate.slice(0, 4)}/${String(number).padStart(5, '0')}`;
}

const dayNumber = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

interface LineFacts {
  lineId: string;
  productCode: string;
  route: string;
  contractId: string;
  contractVersion: number;
  clientNumber: string | null;
  startedOn: string | null;
}

/** What the line is for: the route product's name and the schedule item's, or a ride-along product's name. */
export function productName(contracts: ContractRegistry, contract: Contract, f: Pick<LineFacts, 'productCode' | 'route' | 'contractId' | 'contractVersion'>): string {
  const route = contract.products.find((p) => p.code === f.route)?.name ?? f.route;
  // The one contract-version lookup (issue #10): the version the billable event was derived under.
  const version = versionOf(contracts, f);
  const item = version?.paymentSchedules?.find((s) => s.product === f.route)?.items.find((i) => i.code === f.productCode);
  if (item !== undefined) return `${route}, ${item.name}`;
  return contract.products.find((p) => p.code === f.productCode)?.name ?? f.productCode;
}

function sellerOf(contract: Contract, providerCode: string): Seller {
  const inv = contract.providers.find((p) => p.code === providerCode)?.invoicing;
  if (inv === undefined) throw new AppError('conflict', 'Het contract heeft geen factuurgegevens van deze aanbieder.');
  return {
    legalName: inv.legalName,
    address: { street: inv.address.line, postalCode: inv.address.postalCode, city: inv.address.city, countryCode: 'NL' },
    legalId: { scheme: 'kvk', value: inv.kvkNumber },
    vatId: inv.vatId,
    iban: inv.iban,
  };
}

function buyerOf(contract: Contract, municipalityCode: string): Buyer {
  const m = contract.municipalities.find((x) => x.code === municipalityCode);
  const inv = m?.invoicing;
  if (m === undefined || inv === undefined) throw new AppError('conflict', 'Het contract heeft geen factuurgegevens van deze gemeente.');
  return {
    name: `Gemeente ${m.name}`,
    address: { street: inv.address.line, postalCode: inv.address.postalCode, city: inv.address.city, countryCode: 'NL' },
    legalId: { scheme: 'oin', value: inv.oin },
    contact: { name: inv.contact ?? 'Crediteurenadministratie', ...(inv.delivery.email === undefined ? {} : { email: inv.delivery.email }) },
    // BR-NL-2 wants a buyer reference or an order number: the municipality's own when the contract
    // names one, else the contract's id, which tells the municipality what the invoice is for.
    ...(inv.purchaseOrder === undefined ? { buyerReference: contract.id } : { purchaseOrder: inv.purchaseOrder }),
  };
}

/** The owner's stored invoice or credit note as an InvoiceDocument; 404 when it is not the owner's. */
export async function invoiceDocumentOf(q: Queryable, contracts: ContractRegistry, owner: InvoiceOwner, invoiceId: string): Promise<InvoiceDocument> {
  const invoice = await findInvoice(q, owner, invoiceId);
  if (invoice === undefined) throw new AppError('notFound', 'Deze factuur bestaat niet.');
  const facts = await q.query<LineFacts>(
    `SELECT l.id AS "lineId", e.product_code AS "productCode", e.route, e.contract_id AS "contractId", e.contract_version AS "contractVersion",
       p.client_number AS "clientNumber", r.started_on::text AS "startedOn"
     FROM invoice_line l JOIN billable_event e ON e.id = l.event_id JOIN referral r ON r.id = e.referral_id JOIN participant p ON p.id = l.participant_id
     WHERE l.invoice_id = $1`,
    [invoice.id],
  );
  const byLine = new Map(facts.map((f) => [f.lineId, f]));
  const contract = contracts.byId(facts[0]?.contractId ?? '');
  if (contract === undefined) throw new AppError('conflict', 'Het contract van deze factuur is niet bekend.');
  const codes = await q.query<{ provider: string; municipality: string }>(
    `SELECT (SELECT code FROM provider WHERE id = $1) AS provider, (SELECT code FROM municipality WHERE id = $2) AS municipality`,
    [invoice.providerId, invoice.municipalityId],
  );
  const { provider, municipality } = codes[0] ?? { provider: '', municipality: '' };
  const credited = invoice.creditsInvoiceId === null ? undefined : await findInvoice(q, owner, invoice.creditsInvoiceId);
  return {
    kind: invoice.kind,
    number: invoiceNumberText(provider, invoice.issueDate, invoice.number),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: 'EUR',
    seller: sellerOf(contract, provider),
    buyer: buyerOf(contract, municipality),
    period: { start: invoice.periodStart, end: invoice.periodEnd },
    paymentMeansCode: '58',
    paymentTermDays: dayNumber(invoice.dueDate) - dayNumber(invoice.issueDate),
    lines: linesOf(invoice, contracts, contract, byLine),
    ...(credited === undefined ? {} : { creditedInvoice: { number: invoiceNumberText(provider, credited.issueDate, credited.number), issueDate: credited.issueDate } }),
  };
}

function linesOf(invoice: Invoice, contracts: ContractRegistry, contract: Contract, byLine: ReadonlyMap<string, LineFacts>): InvoiceDocument['lines'] {
  return invoice.lines.map((l, i) => {
    const f = byLine.get(l.id);
    const vat: LineVat = l.vatCategory === 'S' ? { category: 'S', ratePercent: l.vatRate } : { category: 'E', exemptionReason: EXEMPTION_REASON };
    return {
      id: String(i + 1),
      // An empty client number is refused by invoiceDocumentProblems before anything is built.
      clientNumber: f?.clientNumber ?? '',
      startDate: f?.startedOn ?? '',
      productName: f === undefined ? l.productCode : productName(contracts, contract, f),
      deliveryMonth: l.earnedOn.slice(0, 7),
      quantity: 1,
      unitPriceCents: l.amountCents,
      vat,
    };
  });
}
