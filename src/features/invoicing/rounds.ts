// 002 eis 12-13: the Onderwijsroute's half-year round through a centre municipality. The provider invoices
// per half year; for every municipality whose invoices go through the centre (contract data
// `invoicing.centre`) it runs the invoicing up to the half year's last day and makes each new invoice pro
// forma, and the PDFs go to the centre's invoice address in one mail (or one mail per PDF when the
// centre takes at most one PDF per mail). Each municipality keeps its own invoice: it checks and pays it
// itself (eis 13), so nothing about access changes — the centre's part is the mail.
//
// Safe to repeat: a second call finds nothing new to invoice, and the mail of the round's pro-forma
// invoices has a dedupe key per round and invoice(s), so it is not written twice. A retry after a failed
// mail mails the round's pro-forma invoices it left behind.
import { createHash } from 'node:crypto';
import type { Contract } from '../../domain/contract.js';
import type { RequestContext } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { AppError, unprocessable } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/outbox.js';
import { organisationId } from '../organisations/store.js';
import { invoiceDocumentOf } from './document.js';
import { invoiceDeliveryOf, size } from './mail.js';
import { renderInvoicePdf } from './pdf.js';
import { type RunSkip, runInvoicing } from './run.js';
import type { RoundInput, InvoiceSummary } from './schemas.js';
import { checkDocument, type Deps, findSummary, invoiceFileName } from './scope.js';
import { invoicingCtx, providerOf } from './service.js';
import { advanceInvoice } from './store.js';

/** A calendar half year '2026-H1' as its first and last day (the contract's assumption: calendar half years). */
export function halfYearBounds(halfYear: string): { start: string; end: string } {
  const year = halfYear.slice(0, 4);
  return halfYear.endsWith('H1') ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
}

/** The half-year contract of the provider in which the municipality is its own centre. */
function centreContract(deps: Deps, providerId: string, centreCode: string): Contract | undefined {
  return deps.contracts.contracts.find(
    (c) =>
      c.invoicingCadence?.period === 'halfYear' &&
      c.providers.some((p) => organisationId('provider', p.code) === providerId) &&
      c.municipalities.some((m) => m.code === centreCode && m.invoicing?.centre === centreCode),
  );
}

/** The last calendar half years that have ended by `today` (its last day counts) and lie (partly) in the term, latest first. */
export function endedHalfYears(today: string, termStart: string, count: number): string[] {
  const out: string[] = [];
  for (let year = Number(today.slice(0, 4)); out.length < count; year--) {
    for (const code of [`${year}-H2`, `${year}-H1`]) {
      const { end } = halfYearBounds(code);
      if (end < termStart) return out;
      if (end <= today && out.length < count) out.push(code);
    }
  }
  return out;
}

/** What the round form offers the provider: its centres (of half-year contracts) and the ended half years. */
export function listCentres(deps: Deps, ctx: RequestContext): { items: { municipalityId: string; name: string; municipalities: number; halfYears: string[] }[] } {
  const providerId = providerOf(ctx);
  const today = deps.clock.today();
  const items = deps.contracts.contracts
    .filter((c) => c.invoicingCadence?.period === 'halfYear' && c.providers.some((p) => organisationId('provider', p.code) === providerId))
    .flatMap((c) =>
      c.municipalities
        .filter((m) => m.invoicing?.centre === m.code)
        .map((m) => ({
          municipalityId: organisationId('municipality', m.code),
          name: m.name,
          municipalities: c.municipalities.filter((n) => n.invoicing?.centre === m.code).length,
          halfYears: endedHalfYears(today, c.term.start, 6),
        })),
    );
  return { items };
}

export interface RoundResult {
  invoices: InvoiceSummary[];
  skipped: (RunSkip & { municipalityId: string })[];
  mailed: number;
}

/** R-INV-4, 002 eis 12-13: the provider's pro-forma round for one centre and half year. */
export async function startRound(deps: Deps, ctx: RequestContext, input: RoundInput): Promise<RoundResult> {
  const providerId = providerOf(ctx);
  const { end } = halfYearBounds(input.halfYear);
  if (end > deps.clock.today()) {
    throw new AppError('invalidInput', 'Dit halfjaar is nog niet voorbij.', [{ name: 'halfYear', code: 'notEnded', reason: 'Kies een halfjaar dat al voorbij is.' }]);
  }
  const centre = await deps.db.query<{ code: string }>(`SELECT code FROM municipality WHERE id = $1`, [input.centreMunicipalityId]);
  const centreCode = centre[0]?.code ?? '';
  const contract = centreContract(deps, providerId, centreCode);
  if (contract === undefined) throw unprocessable('centreMunicipalityId', 'notACentre', 'Deze gemeente is geen centrumgemeente van een contract met halfjaarlijkse facturering.');
  const members = contract.municipalities.filter((m) => m.invoicing?.centre === centreCode).map((m) => organisationId('municipality', m.code));
  const known = new Set((await deps.db.query<{ id: string }>(`SELECT id FROM municipality WHERE id = ANY($1::uuid[])`, [members])).map((r) => r.id));
  const ictx = invoicingCtx(deps, ctx);
  const invoices: InvoiceSummary[] = [];
  const skipped: RoundResult['skipped'] = [];
  for (const municipalityId of members.filter((id) => known.has(id))) {
    const run = await runInvoicing(deps.db, deps.contracts, ictx, { providerId, municipalityId, upTo: end });
    skipped.push(...run.skipped.map((s) => ({ ...s, municipalityId })));
    if (run.invoice === undefined) continue;
    await advanceInvoice(deps.db, ictx, { providerId, invoiceId: run.invoice.id, status: 'proForma' });
    const summary = await findSummary(deps.db, { providerId }, run.invoice.id);
    if (summary !== undefined) invoices.push(summary);
  }
  const mailed = await deps.db.transaction((tx) => mailRound(tx, deps, { providerId, contract, centreCode, halfYear: input.halfYear, end, members }));
  return { invoices, skipped, mailed };
}

/**
 * The mail(s) of the round's pro-forma invoices (the provider's, to the centre's municipalities, up to the
 * half year's end) to the centre's address; returns the number of new outbox rows. No address: no mail.
 */
async function mailRound(
  tx: Queryable,
  deps: Deps,
  round: { providerId: string; contract: Contract; centreCode: string; halfYear: string; end: string; members: string[] },
): Promise<number> {
  const delivery = invoiceDeliveryOf(round.contract, round.centreCode);
  if (delivery?.email === undefined) return 0;
  const owner = { providerId: round.providerId };
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM invoice WHERE provider_id = $1 AND municipality_id = ANY($2::uuid[]) AND kind = 'invoice' AND status = 'proForma' AND period_end = $3::date ORDER BY number`,
    [round.providerId, round.members, round.end],
  );
  const files: { invoiceId: string; numberText: string; buyer: string; seller: string; attachment: { fileName: string; contentType: string; content: Buffer } }[] = [];
  for (const { id } of rows) {
    const doc = checkDocument(await invoiceDocumentOf(tx, deps.contracts, owner, id));
    const pdf = await renderInvoicePdf(doc, { proForma: true });
    if (delivery.maxPdfBytes !== undefined && pdf.length > delivery.maxPdfBytes) {
      const reason = `De pdf van factuur ${doc.number} is ${size(pdf.length)}; de centrumgemeente neemt per mail pdf's van hoogstens ${size(delivery.maxPdfBytes)}. Splits de factuur.`;
      throw new AppError('unprocessable', reason, [{ name: 'centreMunicipalityId', code: 'pdfTooLarge', reason }]);
    }
    files.push({ invoiceId: id, numberText: doc.number, buyer: doc.buyer.name, seller: doc.seller.legalName, attachment: { fileName: `pro-forma-${invoiceFileName({ kind: 'invoice', numberText: doc.number }, 'pdf')}`, contentType: 'application/pdf', content: pdf } });
  }
  if (files.length === 0) return 0;
  const perMail = delivery.maxPdfsPerMail ?? files.length;
  const centreId = organisationId('municipality', round.centreCode);
  let added = 0;
  for (let i = 0; i < files.length; i += perMail) {
    const group = files.slice(i, i + perMail);
    // One key per round and invoice(s): the same round repeated writes nothing new.
    const ids = createHash('sha256').update(group.map((f) => f.invoiceId).join(',')).digest('hex').slice(0, 32);
    const body = [
      `Geachte heer, mevrouw,`,
      ``,
      `Bijgaand ontvangt u als centrumgemeente de pro-formafacturen over ${round.halfYear.replace('-H', ', halfjaar ')} voor de gemeenten van uw regio (Programma van eisen Onderwijsroute, eis 13):`,
      ...group.map((f) => `- ${f.numberText}: ${f.buyer}`),
      ``,
      `Wilt u ze doorsturen naar de gemeenten en hun wijzigingen verzameld aan ons doorgeven? Daarna sturen wij de definitieve facturen opnieuw naar u. Iedere gemeente betaalt haar eigen factuur.`,
      `De inburgeraars staan op de facturen met het klantnummer van de gemeente. De regels kunnen de gemeenten na inloggen in Koers bekijken en beoordelen.`,
      ``,
      `Met vriendelijke groet,`,
      group[0]?.seller ?? '',
    ].join('\n');
    added += await enqueueMail(tx, {
      dedupeKey: `invoice-round:${round.providerId}:${round.centreCode}:${round.halfYear}:${ids}`,
      municipalityId: centreId,
      recipients: [delivery.email],
      subject: `Pro-formafacturen ${round.halfYear} (${group.length}) voor de centrumgemeente`,
      body,
      attachments: group.map((f) => f.attachment),
    });
  }
  return added;
}
