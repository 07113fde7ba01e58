// Retention terms per kind of data (R-SEC-4) and the dates they count back to. The defaults and their
// sources are in docs/retention.md; where the sources are silent the default is an assumption, named so.
import { z } from 'zod';
import type { IsoDate } from './iso-date.js';
import { KNOWN_ADDRESS_DAYS } from './login-throttle.js';

export interface RetentionTerms {
  /** Years after the route closed (ended, dropped out, moved away) before the participant is anonymised. */
  participantYears: number;
  /** Years after the route closed before the participant's documents are deleted. */
  documentYears: number;
  /** Fiscal term (AWR art. 52): years after the end of the calendar year of an invoiced or earned fact. */
  fiscalYears: number;
  /** Years an audit line is kept (never less than one: the database refuses younger lines). */
  auditYears: number;
  /** Days an expired session row is kept. */
  sessionDays: number;
  /** Days a login-throttle counter is kept after its last use. */
  loginThrottleDays: number;
  /** Days a sent or failed mail keeps its recipient, subject and body (its dedupe key stays). */
  outboxDays: number;
}

export const DEFAULT_TERMS: RetentionTerms = {
  participantYears: 5,
  documentYears: 5,
  fiscalYears: 7,
  auditYears: 5,
  sessionDays: 1,
  // As long as a good login keeps an address known (docs/security.md): the purge never forgets one sooner.
  loginThrottleDays: KNOWN_ADDRESS_DAYS,
  outboxDays: 90,
};

const ENV: Record<keyof RetentionTerms, string> = {
  participantYears: 'KOERS_RETENTION_PARTICIPANT_YEARS',
  documentYears: 'KOERS_RETENTION_DOCUMENT_YEARS',
  fiscalYears: 'KOERS_RETENTION_FISCAL_YEARS',
  auditYears: 'KOERS_RETENTION_AUDIT_YEARS',
  sessionDays: 'KOERS_RETENTION_SESSION_DAYS',
  loginThrottleDays: 'KOERS_RETENTION_LOGIN_THROTTLE_DAYS',
  outboxDays: 'KOERS_RETENTION_OUTBOX_DAYS',
};

const Whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const Terms = z.object({
  participantYears: Whole(1, 100),
  documentYears: Whole(1, 100),
  // The fiscal term is the law's minimum: configuration may lengthen it, never shorten it.
  fiscalYears: Whole(7, 100),
  auditYears: Whole(1, 100),
  sessionDays: Whole(0, 3650),
  loginThrottleDays: Whole(1, 3650),
  outboxDays: Whole(1, 3650),
});

/** The terms from KOERS_RETENTION_* (each optional), checked; a bad value names its variable. */
export function retentionTermsFrom(env: Readonly<Record<string, string | undefined>>): RetentionTerms {
  const raw = Object.fromEntries((Object.keys(ENV) as (keyof RetentionTerms)[]).map((k) => [k, env[ENV[k]] ?? DEFAULT_TERMS[k]]));
  const parsed = Terms.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${ENV[i.path[0] as keyof RetentionTerms]}: ${i.message}`);
    throw new Error(`Invalid retention terms:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function minusYears(today: IsoDate, years: number): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // 29 February counts back to 28 February of a common year.
  const day = m === 2 && d === 29 && !isLeap(y - years) ? 28 : d;
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export interface Cutoffs {
  /** A route closed on or before this date is past the participant's term. */
  participantClosedBy: IsoDate;
  documentClosedBy: IsoDate;
  /** A fact dated on or after this date is still within the fiscal term (kept through the end of its year + fiscalYears). */
  fiscalFrom: IsoDate;
  /** Audit lines that started before this instant go. */
  auditBefore: Date;
  sessionExpiredBefore: Date;
  loginThrottleUnusedBefore: Date;
  outboxBefore: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `today` is the system's date (the clock: demo and tests move it), for the terms of the facts; `now` the
 * real time, which sessions, login throttling and audit lines are stamped with (docs/architecture.md).
 */
export function cutoffs(terms: RetentionTerms, today: IsoDate, now: Date): Cutoffs {
  return {
    participantClosedBy: minusYears(today, terms.participantYears),
    documentClosedBy: minusYears(today, terms.documentYears),
    fiscalFrom: `${String(Number(today.slice(0, 4)) - terms.fiscalYears).padStart(4, '0')}-01-01`,
    auditBefore: new Date(`${minusYears(now.toISOString().slice(0, 10), terms.auditYears)}T00:00:00Z`),
    sessionExpiredBefore: new Date(now.getTime() - terms.sessionDays * DAY_MS),
    loginThrottleUnusedBefore: new Date(now.getTime() - terms.loginThrottleDays * DAY_MS),
    outboxBefore: new Date(now.getTime() - terms.outboxDays * DAY_MS),
  };
}
