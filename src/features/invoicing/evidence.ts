// R-INV-6: the evidence of one invoice line, one click away for the municipality: the registered facts
// that earned it and the line's history (invoice_line_change).
//
// The facts are read from where Koers registers them, for the line's referral and up to the day the
// event was earned (the same facts route-facts.ts gives the rules): the route start, the submitted
// progress reports, the end of the route (finished, dropped out, moved away), the final report and the
// municipality's decision on it (R-END-2). The event's own fact_kind/fact_id name what earned it: the
// rules' basis (schedule, earlyFinish, dropOut, decision) today, a fact row once the run passes one.
// And the hours Koers has registered for this route up to that day — attended minutes of the event's
// provider's lessons and the hours its own system pushed for this referral — read with the run's own
// routeHours (route-facts.ts), so the hours shown are the ones an hour milestone item was judged by
// (fact_kind 'hourMilestone'); and the report that registered the PVT as completed (002 §2.4 product 6).
import type { Trigger } from '../../domain/invoicing/contract-data.js';
import { formatDateNl } from '../../domain/levels.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { versionOf } from '../../platform/contracts.js';
import { pvtCompletedOn, routeHours } from './route-facts.js';
import type { Evidence } from './schemas.js';
import { deniedNotFound, type Deps, findSummary, ownerOf } from './scope.js';

const BASIS: Record<string, string> = {
  schedule: 'volgens het betaalschema',
  earlyFinish: 'route eerder afgerond: alle resterende onderdelen tegelijk',
  dropOut: 'uitval tijdens de periode: het volgende onderdeel',
  decision: 'besluit van de gemeente over de eindrapportage',
  hourMilestone: 'het aantal geregistreerde uren is bereikt',
};

function triggerText(t: Trigger | undefined): string {
  if (t === undefined) return 'meegefactureerd onderdeel';
  switch (t.type) {
    case 'start':
      return 'bij de start';
    case 'endOfMonth':
      return `na maand ${t.month}`;
    case 'progressReport':
      return `na maand ${t.month} en de voortgangsrapportage`;
    case 'endOfRoute':
      return 'aan het einde van de route';
    case 'resultReached':
      return 'bij het behalen van het resultaat';
    case 'hourMilestone':
      return `na ${t.hours} uur`;
  }
}

const END: Record<string, string> = { routeEnded: 'Route afgerond', droppedOut: 'Uitgevallen', movedAway: 'Verhuisd' };

interface EventRow {
  participantId: string;
  municipalityId: string;
  providerId: string;
  referralId: string;
  route: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  earnedOn: string;
  factKind: string;
  startedOn: string | null;
}

export async function invoiceEvidence(deps: Deps, ctx: RequestContext, at: { invoiceId: string; lineId: string }): Promise<Evidence> {
  const found = await deps.db.transaction(async (tx): Promise<Evidence | undefined> => {
    const summary = await findSummary(tx, ownerOf(ctx), at.invoiceId);
    const rows = summary === undefined ? [] : await tx.query<EventRow>(
      `SELECT e.participant_id AS "participantId", e.municipality_id AS "municipalityId", e.provider_id AS "providerId", e.referral_id AS "referralId", e.route,
         e.product_code AS "productCode", e.contract_id AS "contractId", e.contract_version AS "contractVersion", e.earned_on::text AS "earnedOn",
         e.fact_kind AS "factKind", r.started_on::text AS "startedOn"
       FROM invoice_line l JOIN billable_event e ON e.id = l.event_id JOIN referral r ON r.id = e.referral_id
       WHERE l.id = $1 AND l.invoice_id = $2`,
      [at.lineId, at.invoiceId],
    );
    const e = rows[0];
    if (e === undefined) return undefined;
    const item = versionOf(deps.contracts, e)?.paymentSchedules?.find((s) => s.product === e.route)?.items.find((i) => i.code === e.productCode);
    const facts: Evidence['facts'] = [];
    if (e.startedOn !== null) facts.push({ kind: 'routeStart', date: e.startedOn, label: 'Route gestart', referralId: e.referralId });
    const reports = await tx.query<{ kind: 'progress' | 'final'; submittedOn: string; goalsReached: boolean | null; pvtMonth: string | null; decision: string | null; decidedOn: string | null }>(
      `SELECT kind, submitted_on::text AS "submittedOn", (content->>'goalsReached')::boolean AS "goalsReached", nullif(content->>'pvtCompletedMonth', '') AS "pvtMonth", invoice_decision AS decision,
         (invoice_decided_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS "decidedOn"
       FROM progress_report WHERE referral_id = $1 AND status = 'submitted' AND submitted_on IS NOT NULL AND submitted_on <= $2
       ORDER BY submitted_on, submitted_at, id`,
      [e.referralId, e.earnedOn],
    );
    let n = 0;
    // 002 §2.4 product 6: the report that registered the PVT as completed (the run's pvtCompletedOn).
    const pvt = reports.find((r) => r.pvtMonth !== null && pvtCompletedOn([r]) !== undefined);
    if (pvt?.pvtMonth != null) facts.push({ kind: 'pvtCompleted', date: pvt.submittedOn, label: `PVT afgerond in ${formatDateNl(`${pvt.pvtMonth}-01`).replace(/^1 /, '')} (gemeld in de rapportage)`, referralId: e.referralId });
    for (const r of reports) {
      if (r.kind === 'progress') facts.push({ kind: 'progressReport', date: r.submittedOn, label: `Voortgangsrapportage ${++n} ingediend`, referralId: e.referralId });
      else {
        facts.push({ kind: 'finalReport', date: r.submittedOn, label: r.goalsReached === true ? 'Eindrapportage ingediend: resultaat behaald' : 'Eindrapportage ingediend: doelen niet (alle) behaald', referralId: e.referralId });
        if (r.decision !== null && r.decidedOn !== null && r.decidedOn <= e.earnedOn) {
          facts.push({ kind: 'finalDecision', date: r.decidedOn, label: r.decision === 'mayInvoice' ? 'Besluit gemeente: eindproduct mag gefactureerd worden' : 'Besluit gemeente: eindproduct niet factureren', referralId: e.referralId });
        }
      }
    }
    const ends = await tx.query<{ type: string; onDate: string }>(
      `SELECT type, on_date::text AS "onDate" FROM route_event
       WHERE participant_id = $1 AND (referral_id IS NULL OR referral_id = $2) AND type IN ('routeEnded', 'droppedOut', 'movedAway') AND on_date <= $3
       ORDER BY on_date, recorded_at, id`,
      [e.participantId, e.referralId, e.earnedOn],
    );
    for (const r of ends) facts.push({ kind: r.type, date: r.onDate, label: END[r.type] ?? r.type, referralId: e.referralId });
    const hours = await routeHours(tx, { providerId: e.providerId, referrals: [e], upTo: e.earnedOn });
    const minutes = (hours.get(e.referralId) ?? []).reduce((sum, h) => sum + h.minutes, 0);
    if (minutes > 0) facts.push({ kind: 'hours', date: e.earnedOn, label: `Geregistreerde uren tot en met deze dag: ${String(Math.round(minutes / 6) / 10).replace('.', ',')} uur` });
    facts.sort((a, b) => a.date.localeCompare(b.date));
    const what = item === undefined ? e.productCode : item.name;
    facts.push({ kind: 'earned', date: e.earnedOn, label: `Verdiend: ${what}, ${triggerText(item?.trigger)} (${BASIS[e.factKind] ?? e.factKind})` });
    const history = await tx.query<{ status: string; reason: string | null; changedAt: Date; changedBy: string | null }>(
      `SELECT c.status, c.reason, c.changed_at AS "changedAt", u.name AS "changedBy"
       FROM invoice_line_change c LEFT JOIN app_user u ON u.id = c.changed_by WHERE c.line_id = $1 ORDER BY c.seq`,
      [at.lineId],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'invoice.evidence', status: 'ok', subjects: [{ participantId: e.participantId, municipalityId: e.municipalityId }], objectType: 'invoiceLine', objectId: at.lineId });
    return { facts, history: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })) };
  });
  return found ?? deniedNotFound(deps, ctx, 'invoice.evidence', 'invoiceLine', at.lineId);
}
