// The rows of the invoicing tables (migration 0017) as the store hands them out. Amounts are integer
// cents excl. VAT; VAT rates are percentages (21, 9, 0). Names follow the glossary (billableEvent,
// invoice, collectiveInvoice).
import type { IsoDate } from '../../domain/contract.js';

/** UNCL5305 VAT category codes used on the e-invoice (R-INV-5). */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'O';

/** R-INV-1: a product earned by a participant, as derived from the facts (src/domain/invoicing/). */
export interface NewBillableEvent {
  participantId: string;
  municipalityId: string;
  providerId: string;
  referralId: string;
  route: string;
  productCode: string;
  earnedOn: IsoDate;
  amountCents: number;
  vatCategory: VatCategory;
  vatRate: number;
  contractId: string;
  contractVersion: number;
  /** R-INV-6: the kind of fact that earned it and its row (null for a date alone), for the evidence click. */
  factKind: string;
  factId: string | null;
}

export interface BillableEvent extends NewBillableEvent {
  id: string;
}

export type InvoiceKind = 'invoice' | 'creditNote';
export type InvoiceStatus = 'prepared' | 'proForma' | 'sent';
/** R-INV-6: toCheck → approved | disputed → credited; `reversal` is the line on a credit note. */
export type LineStatus = 'toCheck' | 'approved' | 'disputed' | 'credited' | 'reversal';

export interface InvoiceLine {
  id: string;
  invoiceId: string;
  eventId: string;
  participantId: string;
  municipalityId: string;
  amountCents: number;
  status: LineStatus;
  disputeReason: string | null;
  creditedByLine: string | null;
  /** From the event: what the line is for, when it was earned, its VAT. */
  productCode: string;
  earnedOn: IsoDate;
  vatCategory: VatCategory;
  vatRate: number;
}

export interface Invoice {
  id: string;
  providerId: string;
  municipalityId: string;
  number: number;
  kind: InvoiceKind;
  status: InvoiceStatus;
  issueDate: IsoDate;
  dueDate: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  totalExclVatCents: number;
  totalVatCents: number;
  totalInclVatCents: number;
  creditsInvoiceId: string | null;
  creditReason: string | null;
  lines: InvoiceLine[];
}
