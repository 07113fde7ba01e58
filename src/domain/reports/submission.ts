// R-MI-6: the identity of a report instance a provider owes, the status shown for it, and the canonical
// JSON its frozen submission is hashed over. Pure.
import { compareDates } from '../calendar.js';
import type { IsoDate } from '../contract.js';
import { ReportKind } from './obligation-data.js';
import { reportStatus } from './obligations.js';

/**
 * One instance: a report of a contract, for a period, for one municipality or the region, owed by one
 * provider (001 §4.2 "Aanbieders leveren … managementinformatie": each provider reports its own
 * referrals; 000 §4 likewise per Opdrachtnemer).
 */
export interface InstanceKey {
  contractId: string;
  kind: ReportKind;
  /** A period id of src/domain/reports/periods.ts: 2027-Q1, 2027-H2, 2027-03 or 2027. */
  periodId: string;
  /** Null for a region-wide instance. */
  municipality: string | null;
  provider: string;
}

const CODE = /^[a-z0-9][a-z0-9_-]*$/;
const PERIOD = /^[0-9]{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$/;
const REGION = 'region';

/** `westfriesland~contentReport~2027-Q1~hoorn~taalpunt-westfriesland`: URL-safe, codes never hold '~'. */
export function instanceKeyOf(k: InstanceKey): string {
  return [k.contractId, k.kind, k.periodId, k.municipality ?? REGION, k.provider].join('~');
}

/** The key back from its text, or undefined when it is not one (the caller answers 404). */
export function parseInstanceKey(s: string): InstanceKey | undefined {
  const parts = s.split('~');
  if (parts.length !== 5) return undefined;
  const [contractId = '', kind = '', periodId = '', unit = '', provider = ''] = parts;
  const k = ReportKind.safeParse(kind);
  if (!k.success || !CODE.test(contractId) || !PERIOD.test(periodId) || !CODE.test(unit) || !CODE.test(provider)) return undefined;
  return { contractId, kind: k.data, periodId, municipality: unit === REGION ? null : unit, provider };
}

/** What the lists show: due, submitted (on time), late (not submitted past the due date), submitted late. */
export type InstanceStatus = 'due' | 'submitted' | 'late' | 'submittedLate';

/** R-MI-6: the status from the first submission's day (a correction does not move it), via reportStatus. */
export function instanceStatus(dueOn: IsoDate | null, firstSubmittedOn: IsoDate | null, today: IsoDate): InstanceStatus {
  const s = reportStatus(dueOn, firstSubmittedOn, today);
  if (firstSubmittedOn === null) return s === 'late' ? 'late' : 'due';
  return s === 'late' ? 'submittedLate' : 'submitted';
}

/** True once the period's last day has passed: only then may its report be submitted. */
export const periodEnded = (periodEnd: IsoDate, today: IsoDate): boolean => compareDates(today, periodEnd) > 0;

/**
 * Canonical JSON: object keys sorted (by code unit), no whitespace, arrays in order, undefined members
 * left out, -0 written 0. The same value always gives the same text, so its sha-256 identifies the content.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('canonicalJson: only finite numbers');
    return JSON.stringify(Object.is(value, -0) ? 0 : value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot write a ${typeof value}`);
}
