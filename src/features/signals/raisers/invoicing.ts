// R-INV-4 (001 §4.1.2 "binnen zes weken na het behalen van een prestatie", 002 eis 12 six months): the
// invoice term is a deadline with its signal. A provider's products earned on one day for one
// municipality and not yet on a sent invoice are one signal to its coordinator, due the contract's
// `deadlines.invoice` after that day; breached once the day has passed; resolved ('answered') once
// every one of them is on a sent invoice. The identity (cause, provider, day:municipality) makes each
// signal once, so every scheduled run may repeat this. The facts are loaded by their owner, the
// invoicing feature (src/features/invoicing/sweep.ts).
import type { ContractVersion, IsoDate } from '../../../domain/contract.js';
import { computeDeadline } from '../../../domain/deadline.js';
import type { Queryable } from '../../../platform/db.js';
import { markBreached, raiseSignals, resolveSignals, subjectsWithUnresolvedSignals, type NewSignal } from '../store.js';

/** Products earned on `earnedOn` by the provider for the municipality, not yet on a sent invoice, under this contract version. */
export interface UnsentEarned {
  providerId: string;
  municipalityId: string;
  earnedOn: IsoDate;
  version: ContractVersion | undefined;
}

export interface InvoicingSignalResult {
  raised: number;
  resolved: number;
  breached: number;
}

export const periodOf = (u: Pick<UnsentEarned, 'earnedOn' | 'municipalityId'>): string => `${u.earnedOn}:${u.municipalityId}`;

/** The due date: the governing version's invoice term after the day earned; none without a term. */
export function invoiceDueDate(u: UnsentEarned): IsoDate | undefined {
  const term = u.version?.deadlines.invoice;
  return u.version === undefined || term === undefined ? undefined : computeDeadline(u.earnedOn, term, u.version.holidayCalendar);
}

/** Raises, breaches and resolves the invoicing signals for the complete set of unsent earned products. */
export async function reconcileInvoicingSignals(tx: Queryable, unsent: readonly UnsentEarned[], today: IsoDate): Promise<InvoicingSignalResult> {
  // One signal per (provider, day, municipality): the earliest due date of its products (one version each in practice).
  const byKey = new Map<string, NewSignal & { cause: 'invoice.sendDue' }>();
  for (const u of unsent) {
    const due = invoiceDueDate(u);
    if (due === undefined) continue;
    const key = `${u.providerId}|${periodOf(u)}`;
    const seen = byKey.get(key);
    if (seen !== undefined && seen.dueDate <= due) continue;
    byKey.set(key, {
      cause: 'invoice.sendDue',
      subject: { type: 'provider', id: u.providerId },
      period: periodOf(u),
      addressee: 'provider',
      dueDate: due,
      municipalityId: u.municipalityId,
      providerId: u.providerId,
      participantId: null,
      productCode: null,
    });
  }
  const signals = [...byKey.values()];
  const raised = await raiseSignals(tx, signals, today);
  let breached = 0;
  for (const s of signals) if (s.dueDate < today && (await markBreached(tx, { cause: s.cause, subject: s.subject, period: s.period }, today))) breached++;
  // Every provider that still has such a signal open: what is no longer unsent is answered.
  const providers = new Set([...(await subjectsWithUnresolvedSignals(tx, 'provider')), ...signals.map((s) => s.subject.id)]);
  let resolved = 0;
  for (const providerId of providers) {
    const keep = signals.filter((s) => s.subject.id === providerId).map((s) => ({ cause: s.cause, period: s.period }));
    resolved += await resolveSignals(tx, { subject: { type: 'provider', id: providerId }, causes: ['invoice.sendDue'], keep }, 'answered', today);
  }
  return { raised, resolved, breached };
}
