// The import of participation activities (issue #12), with the attendance import's rules (R-EXC-2):
// the file is read to its end before the transaction opens (issue #9 hole 7; the readers and the size
// limit are the attendance import's own), every row is checked before anything is written, one bad
// row stores nothing and the errors name the row and field, and the same file twice changes nothing —
// each row's `eigen-id` (external_id) is the activity: the same values again are unchanged, other
// values a correction (a new version, the old one kept), as in the hours push (R-EXC-1).
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable, type InvalidParam } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { hashingCounter, readCsv, readXlsx } from '../imports/readers.js';
import { raiseParticipationSignals } from '../signals/raisers/participation.js';
import { raiseEndConversationSignal } from '../signals/raisers/map-end-conversation.js';
import { activityHeaderMap, parseActivityRow, type ActivityField, type ActivityRowInput } from './import-rows.js';
import { participationFactsOf, productOf } from './service.js';
import { insertActivityVersion } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** A provider's activities of a period fit easily; a larger file is split (the attendance import streams 100,000 rows). */
export const MAX_ACTIVITY_ROWS = 5000;
const MAX_ERRORS = 100;

type SheetRow = { rowNo: number; row?: ActivityRowInput; problems: InvalidParam[] };

async function readSheet(input: Readable, kind: 'csv' | 'xlsx'): Promise<SheetRow[]> {
  const counter = hashingCounter();
  const rows: SheetRow[] = [];
  let positions: Map<ActivityField, number> | undefined;
  // Synchronous: the rows are held (at most MAX_ACTIVITY_ROWS), the readers await a promise per row.
  const onRow = (rowNo: number, values: string[]): Promise<void> => {
    if (positions === undefined) {
      const header = activityHeaderMap(values);
      if (header.problems.length > 0) throw new AppError('unprocessable', 'De kopregel van het bestand klopt niet.', header.problems);
      positions = header.positions;
      return Promise.resolve();
    }
    if (rows.length >= MAX_ACTIVITY_ROWS) throw unprocessable('file', 'tooManyRows', `Hoogstens ${MAX_ACTIVITY_ROWS} regels per bestand. Splits het bestand.`);
    rows.push({ rowNo, ...parseActivityRow(values, positions, `row ${rowNo}`) });
    return Promise.resolve();
  };
  await Promise.all([pipeline(input, counter.stream), kind === 'csv' ? readCsv(counter.stream, onRow) : readXlsx(counter.stream, onRow)]);
  return rows;
}

interface Current {
  rowId: string;
  activityId: string;
  version: number;
  externalId: string;
  participantId: string;
  referralId: string;
  kind: string;
  organisation: string;
  localFacilityName: string | null;
  startDate: string;
  endDate: string;
  minutes: number;
  note: string | null;
}

const same = (c: Current, r: ActivityRowInput) =>
  c.participantId === r.participantId && c.referralId === r.referralId && c.kind === r.kind && c.organisation === r.organisation && c.localFacilityName === r.localFacilityName &&
  c.startDate === r.startDate && c.endDate === r.endDate && c.minutes === r.minutes && c.note === r.note;

export interface ActivityImportResult {
  importId: string;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
}

export async function importActivities(deps: Deps, ctx: RequestContext, input: Readable, kind: 'csv' | 'xlsx'): Promise<ActivityImportResult> {
  if (ctx.scope.kind !== 'provider') throw notFound();
  const providerId = ctx.scope.providerId;
  const sheet = await readSheet(input, kind);
  if (sheet.length === 0) throw unprocessable('file', 'empty', 'Het bestand bevat geen regels onder de kopregel.');
  const today = deps.clock.today();
  return deps.db.transaction(async (tx: Tx) => {
    const parsed = sheet.flatMap((s) => (s.row === undefined ? [] : [{ rowNo: s.rowNo, row: s.row }]));
    const referrals = new Map(
      (
        await tx.query<{ id: string; participantId: string; municipalityId: string; productCode: string; contractId: string; referredOn: string }>(
          `SELECT id, participant_id AS "participantId", municipality_id AS "municipalityId", product_code AS "productCode", contract_id AS "contractId", referred_on::text AS "referredOn"
           FROM referral WHERE id = ANY($1::uuid[]) AND provider_id = $2`,
          [[...new Set(parsed.map((p) => p.row.referralId))], providerId],
        )
      ).map((r) => [r.id, r]),
    );
    const current = new Map(
      (
        await tx.query<Current>(
          `SELECT id AS "rowId", activity_id AS "activityId", version, external_id AS "externalId", participant_id AS "participantId", referral_id AS "referralId", kind, organisation,
             local_facility_name AS "localFacilityName", start_date::text AS "startDate", end_date::text AS "endDate", minutes, note
           FROM participation_activity WHERE provider_id = $1 AND external_id = ANY($2::text[]) AND NOT superseded FOR UPDATE`,
          [providerId, parsed.map((p) => p.row.externalId)],
        )
      ).map((c) => [c.externalId, c]),
    );
    const problems: InvalidParam[] = sheet.flatMap((s) => s.problems);
    const seen = new Set<string>();
    for (const { rowNo, row } of parsed) {
      const at = (field: ActivityField, code: string, reason: string) => problems.push({ name: `row ${rowNo}.${field}`, code, reason });
      if (seen.has(row.externalId)) at('externalId', 'duplicate', "Kolom 'eigen-id': dit id staat twee keer in het bestand.");
      seen.add(row.externalId);
      const referral = referrals.get(row.referralId);
      // Another provider's referral is answered as unknown: nothing about it is told.
      if (referral === undefined || referral.participantId !== row.participantId) {
        at('referralId', 'unknown', "Kolom 'aanmelding-id': onbekende aanmelding voor deze inburgeraar bij uw organisatie.");
        continue;
      }
      const product = productOf(deps.contracts, referral)?.kind;
      if (product !== 'participation' && product !== 'map') at('referralId', 'notParticipation', "Kolom 'aanmelding-id': dit is geen aanmelding voor participatie of MAP.");
      if (row.endDate > today) at('endDate', 'future', "Kolom 'einddatum': de activiteit is nog niet voorbij.");
      if (row.startDate < referral.referredOn) at('startDate', 'beforeReferral', "Kolom 'begindatum': deze datum ligt vóór de aanmelding.");
      const was = current.get(row.externalId);
      if (was !== undefined && was.participantId !== row.participantId) at('participantId', 'otherParticipant', "Kolom 'deelnemer-id': dit eigen-id hoort bij een andere inburgeraar.");
    }
    if (problems.length > 0) {
      throw new AppError('unprocessable', `Er is niets opgeslagen: ${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'} in ${sheet.length} regels. Verbeter ze en lever het bestand opnieuw aan.`, problems.slice(0, MAX_ERRORS));
    }

    const importId = randomUUID();
    const now = deps.clock.now();
    const counts = { created: 0, changed: 0, unchanged: 0 };
    for (const { row } of parsed) {
      const referral = referrals.get(row.referralId);
      const productKind = referral === undefined ? undefined : productOf(deps.contracts, referral)?.kind;
      if (referral === undefined || (productKind !== 'participation' && productKind !== 'map')) throw new Error('checked above');
      const was = current.get(row.externalId);
      if (was !== undefined && same(was, row)) {
        counts.unchanged += 1;
        continue;
      }
      counts[was === undefined ? 'created' : 'changed'] += 1;
      await insertActivityVersion(
        tx,
        {
          ...row,
          activityId: was?.activityId ?? randomUUID(),
          version: (was?.version ?? 0) + 1,
          providerId,
          municipalityId: referral.municipalityId,
          productKind,
          localFacility: row.localFacilityName !== null,
          recordedBy: ctx.actor.userId,
          recordedAt: now,
        },
        was?.rowId,
      );
    }
    const subjects = [...new Map(parsed.map(({ row }) => [row.participantId, { participantId: row.participantId, municipalityId: referrals.get(row.referralId)?.municipalityId ?? null }])).values()];
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'ok', subjects, objectType: 'participationImport', objectId: importId, summary: `created ${counts.created}, changed ${counts.changed}, unchanged ${counts.unchanged}` });
    for (const s of subjects) {
      await raiseParticipationSignals(tx, await participationFactsOf(tx, deps.contracts, s.participantId), today);
      await raiseEndConversationSignal(tx, deps.contracts, s.participantId, today);
    }
    return { importId, rows: sheet.length, ...counts };
  });
}
