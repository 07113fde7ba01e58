// The work list's query (R-SIG-1): the pending steps in the actor's room, filtered, sorted and paged in
// SQL, with the count per urgency bucket (overdue / this week / later) of the filtered list and the
// municipalities, providers and products on it (the filter's options). The page, the counts and the
// export (R-EXC-3) share one WHERE, so a count and the list it links to always agree.
import { z } from 'zod';
import { addCalendarDays } from '../../domain/calendar.js';
import { stepOfCause } from '../../domain/signal-cause.js';
import { duoEventText, eventCodeOfPeriod } from '../../domain/duo/events.js';
import { StepNames, type StepName } from '../../domain/step-names.js';
import { urgency } from '../../domain/steps.js';
import { signalInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { ExportFormat, type ExportColumn } from '../../platform/http/export.js';
import { segmentWhere, SegmentQuery } from '../../platform/http/segment.js';
import { isYouth } from '../../domain/youth.js';
import { queryInt, str } from '../../platform/http/input.js';

const Urgency = z.enum(['overdue', 'thisWeek', 'later']);
export type Urgency = z.infer<typeof Urgency>;

const Named = z.object({ id: z.uuid(), name: z.string() }).nullable();
export const SignalItem = z.object({
  id: z.uuid(),
  cause: z.string(),
  step: z.enum(StepNames).nullable(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  addressee: z.enum(['municipality', 'provider']),
  dueDate: z.string(),
  urgency: Urgency,
  raisedOn: z.string(),
  breachedOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  participant: z
    .object({
      id: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: z.string().describe('Tells two participants of the same name apart (never the BSN)'),
      clientNumber: z.string().nullable(),
      under27: z.boolean().describe('R-PAR-4: in the youth segment on the reference date (referenceDate, else today)'),
    })
    .nullable(),
  referralId: z.uuid().nullable(),
  provider: Named,
  municipality: Named,
  product: z.object({ code: z.string(), name: z.string() }).nullable(),
  note: z.string().nullable().describe("What the cause's name does not say: for duo.event, DUO's event in DUO's words (Gebeurtenissen.md)"),
});
export type SignalItem = z.infer<typeof SignalItem>;

export const WorkListSort = z.enum(['dueDate', '-dueDate', 'participant', '-participant', 'cause', '-cause']);
export type WorkListSort = z.infer<typeof WorkListSort>;

export const WorkListFilter = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved', 'all', 'unresolved']).default('unresolved'),
  municipalityId: z.uuid().optional(),
  providerId: z.uuid().optional(),
  productCode: str().max(64).optional(),
  addressee: z.enum(['municipality', 'provider']).optional().describe('Who must act'),
  urgency: Urgency.optional().describe('One bucket; the counts stay those of all buckets'),
  q: str().trim().max(100).optional().describe("Part of the participant's name or client number"),
  sort: WorkListSort.default('dueDate').describe('dueDate: earliest first, which is also the order of urgency'),
  ...SegmentQuery,
});
export type WorkListFilter = z.infer<typeof WorkListFilter>;

export const WorkListQuery = WorkListFilter.extend({
  page: queryInt().min(1).default(1),
  // 1000 as before paging: callers that read the whole list keep working.
  pageSize: queryInt().min(1).max(1000).default(1000),
});
export type WorkListQuery = z.infer<typeof WorkListQuery>;
export const WorkListExportQuery = WorkListFilter.extend({ format: ExportFormat });
export type WorkListExportQuery = z.infer<typeof WorkListExportQuery>;

export const WorkListPage = z.object({
  items: z.array(SignalItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ overdue: z.number().int(), thisWeek: z.number().int(), later: z.number().int() }).describe('Per bucket, of the filtered list without the urgency filter'),
  options: z.object({
    municipalities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    providers: z.array(z.object({ id: z.uuid(), name: z.string() })),
    products: z.array(z.object({ code: z.string(), name: z.string() })),
  }).describe('What the status filter leaves in the room, for the filter menus'),
});

export interface SignalRow {
  id: string;
  cause: string;
  status: 'open' | 'acknowledged' | 'resolved';
  addressee: 'municipality' | 'provider';
  dueDate: string;
  raisedOn: string;
  breachedOn: string | null;
  resolvedOn: string | null;
  subjectType: string;
  subjectId: string;
  period: string;
  participantId: string | null;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  clientNumber: string | null;
  providerId: string | null;
  providerName: string | null;
  municipalityId: string;
  municipalityName: string;
  productCode: string | null;
}

const SELECT = `SELECT s.id, s.cause, s.status, s.addressee, s.due_date AS "dueDate", s.raised_on AS "raisedOn", s.breached_on AS "breachedOn",
    s.resolved_on AS "resolvedOn", s.subject_type AS "subjectType", s.subject_id AS "subjectId", s.period, s.participant_id AS "participantId",
    pp.given_name AS "givenName", pp.family_name AS "familyName", pp.date_of_birth AS "dateOfBirth", pp.client_number AS "clientNumber",
    s.provider_id AS "providerId", pr.name AS "providerName",
    s.municipality_id AS "municipalityId", m.name AS "municipalityName", s.product_code AS "productCode"`;
const FROM = `FROM signal s JOIN municipality m ON m.id = s.municipality_id
  LEFT JOIN participant pp ON pp.id = s.participant_id LEFT JOIN provider pr ON pr.id = s.provider_id`;

const ORDER: Record<WorkListSort, string> = {
  dueDate: 's.due_date ASC, s.id ASC',
  '-dueDate': 's.due_date DESC, s.id DESC',
  participant: 'pp.family_name ASC NULLS LAST, pp.given_name ASC, pp.date_of_birth ASC, s.due_date ASC, s.id ASC',
  '-participant': 'pp.family_name DESC NULLS LAST, pp.given_name DESC, pp.date_of_birth DESC, s.due_date ASC, s.id ASC',
  cause: 's.cause ASC, s.due_date ASC, s.id ASC',
  '-cause': 's.cause DESC, s.due_date ASC, s.id ASC',
};

/**
 * The buckets of steps.ts `urgency` as date bounds: overdue before today, this week up to today + 7
 * (inclusive), later after. test/work-list-paging.int.test.ts holds the two together.
 */
function bucketSql(p: SqlParams, today: string): string {
  const t = p.add(today);
  const week = p.add(addCalendarDays(today, 7));
  return `CASE WHEN s.due_date < ${t}::date THEN 'overdue' WHEN s.due_date <= ${week}::date THEN 'thisWeek' ELSE 'later' END`;
}

function baseWhere(scope: Scope, p: SqlParams, f: Pick<WorkListFilter, 'status'>): string[] {
  const where = [signalInScope(scope, p)];
  if (f.status === 'unresolved') where.push(`s.status <> 'resolved'`);
  else if (f.status !== 'all') where.push(`s.status = ${p.add(f.status)}`);
  return where;
}

/** `today`: the youth segment's date when the filter names none (R-PAR-4). */
function filterWhere(scope: Scope, p: SqlParams, f: WorkListFilter, today: string): string[] {
  const where = [...baseWhere(scope, p, f), ...segmentWhere(p, 'pp.date_of_birth', f.segment, f.referenceDate ?? today)];
  if (f.municipalityId !== undefined) where.push(`s.municipality_id = ${p.add(f.municipalityId)}`);
  if (f.providerId !== undefined) where.push(`s.provider_id = ${p.add(f.providerId)}`);
  if (f.productCode !== undefined) where.push(`s.product_code = ${p.add(f.productCode)}`);
  if (f.addressee !== undefined) where.push(`s.addressee = ${p.add(f.addressee)}`);
  if (f.q !== undefined && f.q !== '') {
    const like = p.add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(pp.given_name || ' ' || pp.family_name ILIKE ${like} OR pp.client_number ILIKE ${like})`);
  }
  return where;
}

/** One page of the filtered list in the asked order, and its total. */
export async function workListPage(q: Queryable, scope: Scope, f: WorkListFilter, today: string, page: { limit: number; offset: number }): Promise<{ rows: SignalRow[]; total: number }> {
  const p = new SqlParams();
  const where = filterWhere(scope, p, f, today);
  if (f.urgency !== undefined) where.push(`${bucketSql(p, today)} = ${p.add(f.urgency)}`);
  const whereSql = where.join(' AND ');
  const limit = p.add(page.limit);
  const offset = p.add(page.offset);
  const rows = await q.query<SignalRow & { total: number }>(
    `${SELECT}, count(*) OVER ()::int AS total ${FROM} WHERE ${whereSql} ORDER BY ${ORDER[f.sort]} LIMIT ${limit} OFFSET ${offset}`,
    p.values,
    // Issue #16: the work list's three reads are prepared (one text per scope kind and filter shape).
    { prepare: true },
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the window function had no row to ride on.
    const c = new SqlParams();
    const w = filterWhere(scope, c, f, today);
    if (f.urgency !== undefined) w.push(`${bucketSql(c, today)} = ${c.add(f.urgency)}`);
    total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} WHERE ${w.join(' AND ')}`, c.values))[0]?.n ?? 0;
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

/** The count per bucket of the filtered list, ignoring the urgency filter (the summary above the list). */
export async function workListCounts(q: Queryable, scope: Scope, f: WorkListFilter, today: string): Promise<Record<Urgency, number>> {
  const p = new SqlParams();
  const where = filterWhere(scope, p, f, today).join(' AND ');
  const rows = await q.query<{ bucket: Urgency; n: number }>(`SELECT ${bucketSql(p, today)} AS bucket, count(*)::int AS n ${FROM} WHERE ${where} GROUP BY 1`, p.values, { prepare: true });
  const counts: Record<Urgency, number> = { overdue: 0, thisWeek: 0, later: 0 };
  for (const r of rows) counts[r.bucket] = r.n;
  return counts;
}

/** The municipalities, providers and products the status filter leaves in the room. */
export async function workListOptions(q: Queryable, scope: Scope, f: Pick<WorkListFilter, 'status'>, productName: (code: string) => string) {
  const p = new SqlParams();
  const rows = await q.query<{ municipalityId: string; municipalityName: string; providerId: string | null; providerName: string | null; productCode: string | null }>(
    `SELECT DISTINCT s.municipality_id AS "municipalityId", m.name AS "municipalityName", s.provider_id AS "providerId", pr.name AS "providerName", s.product_code AS "productCode"
     ${FROM} WHERE ${baseWhere(scope, p, f).join(' AND ')}`,
    p.values,
    { prepare: true },
  );
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'nl');
  const municipalities = new Map<string, string>();
  const providers = new Map<string, string>();
  const products = new Set<string>();
  for (const r of rows) {
    municipalities.set(r.municipalityId, r.municipalityName);
    if (r.providerId !== null) providers.set(r.providerId, r.providerName ?? '');
    if (r.productCode !== null) products.add(r.productCode);
  }
  return {
    municipalities: [...municipalities].map(([id, name]) => ({ id, name })).sort(byName),
    providers: [...providers].map(([id, name]) => ({ id, name })).sort(byName),
    products: [...products].map((code) => ({ code, name: productName(code) })).sort(byName),
  };
}

/** One signal by id in the actor's room (for the acknowledgement). */
export async function findSignalInScope(q: Queryable, scope: Scope, id: string, forUpdate: boolean): Promise<SignalRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<SignalRow>(`${SELECT} ${FROM} WHERE s.id = ${p.add(id)} AND ${signalInScope(scope, p)}${forUpdate ? ' FOR UPDATE OF s' : ''}`, p.values);
  return rows[0];
}

/** `on`: the youth segment's reference date (R-PAR-4), the filter's or today. */
export function toSignalItem(r: SignalRow, today: string, productName: (code: string) => string, on = today): SignalItem {
  return {
    id: r.id,
    cause: r.cause,
    step: stepOfCause(r.cause),
    status: r.status,
    addressee: r.addressee,
    dueDate: r.dueDate,
    urgency: urgency(r.dueDate, today),
    raisedOn: r.raisedOn,
    breachedOn: r.breachedOn,
    resolvedOn: r.resolvedOn,
    participant:
      r.participantId === null
        ? null
        : { id: r.participantId, givenName: r.givenName ?? '', familyName: r.familyName ?? '', dateOfBirth: r.dateOfBirth ?? '', clientNumber: r.clientNumber, under27: r.dateOfBirth !== null && isYouth(r.dateOfBirth, on) },
    referralId: r.subjectType === 'referral' ? r.subjectId : null,
    provider: r.providerId === null ? null : { id: r.providerId, name: r.providerName ?? '' },
    municipality: { id: r.municipalityId, name: r.municipalityName },
    product: r.productCode === null ? null : { code: r.productCode, name: productName(r.productCode) },
    note: r.cause === 'duo.event' ? duoEventText(eventCodeOfPeriod(r.period)) : null,
  };
}

// The Dutch names of the export's columns and values. The web has its own labels for the screen
// (src/web/lib/labels.ts `signalCauseLabel`); a file keeps the cause code beside the words, so a cause
// without a name here is still exported recognisably.
const stepWords: Record<StepName, string> = {
  acknowledgement: 'Ontvangst bevestigen',
  intakeInvitation: 'Uitnodigen voor intake',
  intakeResult: 'Uitkomst intake vastleggen',
  noShowFollowUp: 'Nieuwe intake afspreken na no-show',
  learningPlan: 'Leerplan opstellen',
  learningPlanApproval: 'Leerplan beoordelen',
  learningPlanResubmission: 'Aangepast leerplan indienen',
  signedPlan: 'Ondertekend leerplan uploaden',
  start: 'Starten met het leerplan',
  startClassStart: 'Opstartklas laten starten',
  startClassEnd: 'Opstartklas afronden',
};
const urgencyWords: Record<Urgency, string> = { overdue: 'Te laat', thisWeek: 'Deze week', later: 'Later' };
const statusWords = { open: 'Open', acknowledged: 'Gezien', resolved: 'Afgehandeld' } as const;
const partyWords = { municipality: 'Gemeente', provider: 'Aanbieder' } as const;

export const workListColumns: readonly ExportColumn<SignalItem>[] = [
  { header: 'Wat moet er gebeuren', value: (s) => (s.step !== null ? stepWords[s.step] : s.note), width: 34 },
  { header: 'Soort (code)', value: (s) => s.cause, width: 30 },
  { header: 'Achternaam', value: (s) => s.participant?.familyName ?? null, width: 20 },
  { header: 'Voornaam', value: (s) => s.participant?.givenName ?? null, width: 16 },
  { header: 'Geboortedatum', value: (s) => s.participant?.dateOfBirth ?? null, type: 'date' },
  // R-PAR-4: the youth segment on the filter's reference date (today unless the export names one).
  { header: 'Jongere (onder 27)', value: (s) => (s.participant === null ? null : s.participant.under27 ? 'ja' : 'nee') },
  { header: 'Klantnummer', value: (s) => s.participant?.clientNumber ?? null },
  { header: 'Wie moet handelen', value: (s) => partyWords[s.addressee] },
  { header: 'Aanbieder', value: (s) => s.provider?.name ?? null, width: 24 },
  { header: 'Gemeente', value: (s) => s.municipality?.name ?? null, width: 20 },
  { header: 'Perceel', value: (s) => s.product?.name ?? null, width: 28 },
  { header: 'Uiterlijk', value: (s) => s.dueDate, type: 'date' },
  { header: 'Urgentie', value: (s) => urgencyWords[s.urgency] },
  { header: 'Status', value: (s) => statusWords[s.status] },
  { header: 'Aanmelding-id', value: (s) => s.referralId, width: 38 },
];
