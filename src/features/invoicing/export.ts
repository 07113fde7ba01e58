// R-EXC-3: the columns of the invoicing exports. Participants by name, date of birth and client
// number, never the BSN; amounts in euros with two decimals (the cents stay exact in the API).
import type { ExportColumn } from '../../platform/http/export.js';
import type { EarnedItem, InvoiceSummary } from './schemas.js';

const euros = (cents: number): number => cents / 100;
const KIND: Record<InvoiceSummary['kind'], string> = { invoice: 'Factuur', creditNote: 'Creditnota' };
const STATUS: Record<InvoiceSummary['status'], string> = { prepared: 'Opgesteld', proForma: 'Pro forma', sent: 'Verzonden' };

export const earnedColumns: readonly ExportColumn<EarnedItem>[] = [
  { header: 'Naam', value: (r) => r.participantName, width: 28 },
  { header: 'Geboortedatum', value: (r) => r.dateOfBirth, type: 'date' },
  { header: 'Klantnummer', value: (r) => r.clientNumber },
  { header: 'Gemeente', value: (r) => r.municipalityName, width: 20 },
  { header: 'Onderdeel', value: (r) => r.productName, width: 36 },
  { header: 'Verdiend op', value: (r) => r.earnedOn, type: 'date' },
  { header: 'Bedrag excl. btw', value: (r) => euros(r.amountCents), type: 'number', decimals: 2 },
  { header: 'Btw %', value: (r) => r.vatRate, type: 'number' },
  { header: 'Prestatie-id', value: (r) => r.eventId, width: 38 },
];

export const invoiceColumns: readonly ExportColumn<InvoiceSummary>[] = [
  { header: 'Nummer', value: (r) => r.numberText, width: 30 },
  { header: 'Soort', value: (r) => KIND[r.kind] },
  { header: 'Status', value: (r) => STATUS[r.status] },
  { header: 'Aanbieder', value: (r) => r.providerName, width: 24 },
  { header: 'Gemeente', value: (r) => r.municipalityName, width: 20 },
  { header: 'Factuurdatum', value: (r) => r.issueDate, type: 'date' },
  { header: 'Vervaldatum', value: (r) => r.dueDate, type: 'date' },
  { header: 'Periode van', value: (r) => r.periodStart, type: 'date' },
  { header: 'Periode tot en met', value: (r) => r.periodEnd, type: 'date' },
  { header: 'Totaal excl. btw', value: (r) => euros(r.totalExclVatCents), type: 'number', decimals: 2 },
  { header: 'Btw', value: (r) => euros(r.totalVatCents), type: 'number', decimals: 2 },
  { header: 'Totaal incl. btw', value: (r) => euros(r.totalInclVatCents), type: 'number', decimals: 2 },
  { header: 'Te beoordelen', value: (r) => r.lineCounts.toCheck, type: 'number' },
  { header: 'Goedgekeurd', value: (r) => r.lineCounts.approved, type: 'number' },
  { header: 'Betwist', value: (r) => r.lineCounts.disputed, type: 'number' },
  { header: 'Gecrediteerd', value: (r) => r.lineCounts.credited, type: 'number' },
  { header: 'Factuur-id', value: (r) => r.id, width: 38 },
];
