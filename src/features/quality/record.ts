// The quality register read (issue #14, R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4): a provider's record under one
// contract and the register's list rows, computed from the facts and the contract's rules in force.
import type { IsoDate } from '../../domain/iso-date.js';
import type { QualityRules } from '../../domain/quality/contract-data.js';
import { qualityMarkConcern, qualityMarkState, type QualityMarkFacts } from '../../domain/quality/quality-mark.js';
import { teacherCompliance, vogValid } from '../../domain/quality/teachers.js';
import type { Queryable } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { openRegionSignals } from '../signals/region-signals.js';
import { rulesOf, type QualityRoom } from './room.js';
import type { QualityRecord, RegisterItem } from './schemas.js';
import { auditReportsOf, kvkOf, marksOf, membershipsOf, satisfactionOf, screeningsOf, teachersOf, visitsOf, type MarkRow, type MembershipRow, type TeacherRow } from './store.js';

const iso = (d: Date) => new Date(d).toISOString();

/** The mark that counts today: the latest by `since` that has started; else the latest recorded. */
export function currentMark<M extends MarkRow>(marks: readonly M[], today: IsoDate): M | undefined {
  const started = marks.filter((m) => m.since <= today);
  return started.at(-1) ?? marks.at(-1);
}

const facts = (m: MarkRow): QualityMarkFacts => ({ since: m.since, validUntil: m.validUntil, withdrawnOn: m.withdrawnOn });

/** 003 art. 5.2: the conversation of the current admission counts for the mark's age. */
const conversationRecorded = (m: MembershipRow | undefined) => m?.state === 'admitted' && m.conversationOn !== null;

export function concernOf(rules: QualityRules, mark: MarkRow | undefined, membership: MembershipRow | undefined, today: IsoDate) {
  // Only where the contract sets the mark rule, and only for a provider in the covenant (or applying).
  if (rules.qualityMark === undefined || membership === undefined || membership.state === 'excluded') return null;
  return qualityMarkConcern(mark === undefined ? undefined : facts(mark), today, rules.qualityMark, conversationRecorded(membership));
}

export function complianceOf(rules: QualityRules, teachers: readonly TeacherRow[]) {
  if (rules.teacherNorm === undefined) return null;
  return teacherCompliance(teachers.filter((t) => t.leftOn === null), rules.teacherNorm);
}

export async function readRecord(q: Queryable, room: QualityRoom, today: IsoDate): Promise<QualityRecord> {
  const { contract, provider, providerId } = room;
  const rules = rulesOf(contract, today);
  const [kvk, marks, reports, memberships, screening, teachers, satisfaction, visits, signals] = await Promise.all([
    kvkOf(q, providerId),
    marksOf(q, [providerId]),
    auditReportsOf(q, providerId),
    membershipsOf(q, [contract.id], [providerId]),
    screeningsOf(q, contract.id, providerId),
    teachersOf(q, [providerId]),
    satisfactionOf(q, contract.id, providerId),
    visitsOf(q, contract.id, providerId),
    room.side === 'contractManager' ? openRegionSignals(q, organisationId('region', contract.region.code), providerId) : Promise.resolve([]),
  ]);
  const membership = memberships.at(-1);
  const toMembership = (m: MembershipRow) => ({ sequence: m.sequence, state: m.state, on: m.on, grounds: m.grounds, conversationOn: m.conversationOn, letterSentOn: m.letterSentOn, recordedAt: iso(m.recordedAt), recordedBy: m.recordedBy });
  const items = rules.screening?.items ?? [];
  return {
    contractId: contract.id,
    contractName: contract.name,
    provider: { code: provider.code, name: provider.name },
    rules: {
      covenant: rules.covenant !== undefined,
      teacherNorm: rules.teacherNorm === undefined ? null : { minCertifiedPercent: rules.teacherNorm.minCertifiedPercent, maxInTrainingPercent: rules.teacherNorm.maxInTrainingPercent, source: rules.teacherNorm.source },
      qualityMark: rules.qualityMark === undefined ? null : { minHeldMonths: rules.qualityMark.minHeldMonths, conversationMayAdmit: rules.qualityMark.conversationMayAdmit, source: rules.qualityMark.source },
      vogMaxAgeYears: rules.vog?.maxAgeYears ?? null,
      screeningItems: items,
    },
    kvk: kvk === undefined ? null : { kvkNumber: kvk.kvkNumber, tradeName: kvk.tradeName, legalForm: kvk.legalForm, address: kvk.address, checkedOn: kvk.checkedOn, recordedBy: kvk.recordedBy },
    marks: marks.map((m) => ({
      id: m.id,
      since: m.since,
      validUntil: m.validUntil,
      state: qualityMarkState(facts(m), today),
      withdrawnOn: m.withdrawnOn,
      withdrawalReason: m.withdrawalReason,
      auditReports: reports.filter((r) => r.markId === m.id).map((r) => ({ id: r.id, title: r.title, auditedOn: r.auditedOn, summary: r.summary })),
    })),
    markConcern: concernOf(rules, currentMark(marks, today), membership, today),
    membership: membership === undefined ? null : toMembership(membership),
    membershipHistory: memberships.map(toMembership),
    screenings: screening.screenings.map((s) => {
      const received = screening.items.filter((i) => i.screeningId === s.id);
      const codes = [...new Set([...items, ...received.map((r) => r.item)])];
      return {
        id: s.id,
        startedOn: s.startedOn,
        reason: s.reason,
        items: codes.map((item) => {
          const r = received.find((x) => x.item === item);
          return { item, receivedOn: r?.receivedOn ?? null, note: r?.note ?? null };
        }),
        findings: screening.findings
          .filter((f) => f.screeningId === s.id)
          .map((f) => ({ id: f.id, text: f.text, foundOn: f.foundOn, responses: screening.responses.filter((r) => r.findingId === f.id).map((r) => ({ id: r.id, text: r.text, respondedOn: r.respondedOn, recordedBy: r.recordedBy })) })),
        decision: s.outcome === null || s.decisionGrounds === null || s.decidedOn === null ? null : { outcome: s.outcome, grounds: s.decisionGrounds, decidedOn: s.decidedOn },
      };
    }),
    teachers: teachers
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id))
      .map((t) => ({ ...t, vogValid: rules.vog === undefined || t.vogOn === null ? null : vogValid(t.vogOn, contract.term.start, t.registeredOn, rules.vog) })),
    compliance: complianceOf(rules, teachers),
    satisfaction,
    classVisits: visits,
    signals,
  };
}

/** The register's rows for these rooms, in two queries per kind of fact, not one per provider. */
export async function registerItems(q: Queryable, rooms: readonly QualityRoom[], today: IsoDate): Promise<RegisterItem[]> {
  const providerIds = [...new Set(rooms.map((r) => r.providerId))];
  const contractIds = [...new Set(rooms.map((r) => r.contract.id))];
  const [marks, memberships, teachers, open] = await Promise.all([marksOf(q, providerIds), membershipsOf(q, contractIds, providerIds), teachersOf(q, providerIds), openFindingCounts(q, providerIds)]);
  return rooms.map((room) => {
    const rules = rulesOf(room.contract, today);
    const mark = currentMark(marks.filter((m) => m.providerId === room.providerId), today);
    const membership = memberships.filter((m) => m.providerId === room.providerId && m.contractId === room.contract.id).at(-1);
    return {
      contractId: room.contract.id,
      contractName: room.contract.name,
      providerCode: room.provider.code,
      providerName: room.provider.name,
      membership: membership?.state ?? null,
      membershipOn: membership?.on ?? null,
      markState: mark === undefined ? null : qualityMarkState(facts(mark), today),
      markValidUntil: mark?.validUntil ?? null,
      markConcern: concernOf(rules, mark, membership, today),
      compliance: complianceOf(rules, teachers.filter((t) => t.providerId === room.providerId)),
      openFindings: open.get(`${room.contract.id}|${room.providerId}`) ?? 0,
    };
  });
}

async function openFindingCounts(q: Queryable, providerIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await q.query<{ contractId: string; providerId: string; n: number }>(
    `SELECT s.contract_id AS "contractId", s.provider_id AS "providerId", count(*)::int AS n FROM screening_finding f JOIN screening s ON s.id = f.screening_id
     WHERE s.provider_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM screening_decision d WHERE d.screening_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM screening_response r WHERE r.finding_id = f.id)
     GROUP BY s.contract_id, s.provider_id`,
    [[...providerIds]],
  );
  return new Map(rows.map((r) => [`${r.contractId}|${r.providerId}`, r.n]));
}
