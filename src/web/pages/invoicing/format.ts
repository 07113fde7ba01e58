// Issue #11: how the invoicing screens say amounts, months and states in Dutch. Amounts arrive as whole
// euro cents (the server never sends a float), so formatting divides once, here.
import type { InvoiceKind, InvoiceStatus, LineStatus } from '../../api/invoicing';

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });

/** 123456 → '€ 1.234,56' (with a non-breaking space, as nl-NL writes it). */
export function formatCents(cents: number): string {
  return euro.format(cents / 100);
}

const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2026-09' → 'september 2026'; anything else unchanged. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return month;
  const name = monthNames[Number(match[2]) - 1];
  return name === undefined ? month : `${name} ${match[1]}`;
}

/** 21 → '21%'; 0 on an exempt line → 'vrijgesteld' (002 §2.1: the learning route is exempt). */
export function vatLabel(rate: number, category?: string): string {
  if (category === 'E' || (rate === 0 && category === undefined)) return 'vrijgesteld';
  return `${rate}%`;
}

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  prepared: 'Voorbereid',
  proForma: 'Pro forma',
  sent: 'Verstuurd',
};

export const invoiceKindLabels: Record<InvoiceKind, string> = {
  invoice: 'Factuur',
  creditNote: 'Creditnota',
};

export const lineStatusLabels: Record<LineStatus, string> = {
  toCheck: 'Te controleren',
  approved: 'Goedgekeurd',
  disputed: 'Betwist',
  credited: 'Gecrediteerd',
  reversal: 'Creditering',
};

export function lineStatusLabel(status: string): string {
  return status in lineStatusLabels ? lineStatusLabels[status as LineStatus] : status;
}

/** Why a referral gave no invoice line yet (src/features/invoicing/run.ts RunSkip). */
const skipReasonLabels: Record<string, string> = {
  noContractVersion: 'Er is geen contractversie die geldt op de datum van deze route.',
  noPaymentSchedule: 'Het contract heeft geen betaalschema voor dit perceel.',
  noTariff: 'Het contract heeft geen tarief voor dit perceel op deze datum.',
  decisionNeeded: 'De staffel dekt dit aantal deelnemers niet: eerst is een besluit over de prijs nodig.',
};

export function skipReasonLabel(reason: string): string {
  return skipReasonLabels[reason] ?? `Overgeslagen (${reason}).`;
}
