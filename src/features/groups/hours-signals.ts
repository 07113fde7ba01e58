// Hours and progress-report signals (R-HRS-1, R-HRS-2, R-HRS-3): after attendance changes, in the same
// transaction, the pure rules of src/domain/hours.ts run over the participant's attended minutes under
// the progress rules of the contract version its referral was made under (R-CON-10). Each (cause,
// participant, period) is a signal once: the unique key signal_identity makes every later run a no-op.
import type { IsoDate } from '../../domain/contract.js';
import { computeDeadline } from '../../domain/deadline.js';
import { hourKindOf, milestonesReached, reportCadenceStart, reportMoments, type HoursEntry } from '../../domain/hours.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { unsafeHourFacts } from '../hours/store.js';
import { insertParticipantSignals } from '../signals/participant-signals.js';

interface Placement {
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  startedOn: IsoDate | null;
  referredOn: IsoDate;
}

/** Raises the progress test/report signals the participant's hours and calendar call for; returns how many are new. */
export async function raiseHoursSignals(tx: Queryable, contracts: ContractRegistry, participantId: string, today: IsoDate): Promise<number> {
  // The same resolution as raiseAbsenceSignals: the latest placement's referral governs.
  const rows = await tx.query<Placement>(
    `SELECT r.municipality_id AS "municipalityId", r.provider_id AS "providerId", r.product_code AS "productCode",
       r.contract_id AS "contractId", r.contract_version AS "contractVersion", r.started_on::text AS "startedOn",
       r.referred_on::text AS "referredOn"
     FROM group_member gm JOIN referral r ON r.id = gm.referral_id
     WHERE gm.participant_id = $1 ORDER BY gm.member_from DESC, gm.created_at DESC LIMIT 1`,
    [participantId],
  );
  // Without a placement in a Koers group, the referral the provider's own system registered hours for.
  const placement =
    rows[0] ??
    (
      await tx.query<Placement>(
        `SELECT r.municipality_id AS "municipalityId", r.provider_id AS "providerId", r.product_code AS "productCode",
           r.contract_id AS "contractId", r.contract_version AS "contractVersion", r.started_on::text AS "startedOn",
           r.referred_on::text AS "referredOn"
         FROM hours_entry e JOIN referral r ON r.id = e.referral_id
         WHERE e.participant_id = $1 AND NOT e.superseded ORDER BY e.date DESC, e.recorded_at DESC LIMIT 1`,
        [participantId],
      )
    )[0];
  if (placement === undefined) return 0;
  const version = contracts.byId(placement.contractId)?.versions.find((v) => v.version === placement.contractVersion);
  const progress = version?.progress;
  const deadline = version?.deadlines.progressReport;
  // A contract without progress rules configures no hours signals.
  if (version === undefined || progress === undefined || deadline === undefined) return 0;

  // Attended minutes of lessons that took place (a lesson the provider cancelled offers no hours) and
  // hours a provider's own system registered outside lessons (R-EXC-1).
  const facts = await unsafeHourFacts(tx, participantId);
  const found: { cause: 'progress.testDue' | 'progress.reportDue'; period: string; due: IsoDate }[] = [];

  // R-HRS-2 (000 §4.4): at 200, 400 and 600 attended hours a progress test, and its report within two weeks.
  if (progress.milestoneHours !== undefined && progress.milestoneHours.length > 0) {
    const entries: HoursEntry[] = facts.map((f) => ({ date: f.date, kind: hourKindOf(f.kind), minutes: f.minutes, startClass: f.startClass }));
    for (const m of milestonesReached(entries, progress.milestoneHours)) {
      found.push({ cause: 'progress.testDue', period: `h${m.milestoneHours}`, due: computeDeadline(m.reachedOn, deadline, version.holidayCalendar) });
    }
  }

  // R-HRS-3: a report on a calendar cadence from the start of the route (001 §2.3.1 every three months,
  // 002 eis 19 every half year); the start is the referral's, or the first lesson while it is unset,
  // never before the referral date (reportCadenceStart says why).
  const startedOn = reportCadenceStart(placement.referredOn, placement.startedOn, facts[0]?.date);
  if (progress.reportEveryMonths !== undefined && startedOn !== undefined) {
    for (const moment of reportMoments(startedOn, progress.reportEveryMonths, today)) {
      found.push({ cause: 'progress.reportDue', period: moment, due: computeDeadline(moment, deadline, version.holidayCalendar) });
    }
  }

  return insertParticipantSignals(
    tx,
    { participantId, municipalityId: placement.municipalityId, providerId: placement.providerId, productCode: placement.productCode },
    found.map((s) => ({ cause: s.cause, period: s.period, addressee: 'provider' as const, due: s.due })),
    today,
  );
}
