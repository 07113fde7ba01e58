// Issue #17 (R-CON-10): a new contract version, loaded by the administrator, takes effect from a date.
// The version in force until then ends the day before; the earlier versions keep the dates they cover,
// so a referral made before the date keeps its rules (it records its version number). Pure.
import { Contract, type ContractVersion } from '../contract.js';
import { addCalendarDays } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';

/** What an uploaded version holds: a version without its number and dates, which Koers gives it. */
export type VersionBody = Omit<ContractVersion, 'version' | 'validFrom' | 'validTo'>;

export type AmendResult = { ok: true; contract: Contract; version: ContractVersion; previous: ContractVersion } | { ok: false; problems: { path: string; message: string }[] };

/**
 * The contract with `body` in force from `from`: the last version is cut off the day before and the new
 * one runs to where the last one ran. Refused when `from` is not inside the last version's period (a
 * date before it would rewrite a period that referrals were already judged by).
 */
export function amendContract(contract: Contract, body: VersionBody, from: IsoDate): AmendResult {
  const sorted = [...contract.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const last = sorted.at(-1);
  if (last === undefined) return { ok: false, problems: [{ path: 'validFrom', message: 'Het contract heeft nog geen versie.' }] };
  if (from <= last.validFrom) return { ok: false, problems: [{ path: 'validFrom', message: `Kies een datum na ${last.validFrom}, de ingangsdatum van versie ${last.version}.` }] };
  if (last.validTo !== undefined && from > last.validTo) return { ok: false, problems: [{ path: 'validFrom', message: `Kies een datum tot en met ${last.validTo}, het einde van versie ${last.version}.` }] };
  const number = Math.max(...contract.versions.map((v) => v.version)) + 1;
  const version = { ...body, version: number, validFrom: from, ...(last.validTo !== undefined ? { validTo: last.validTo } : {}) };
  const previous: ContractVersion = { ...last, validTo: addCalendarDays(from, -1) };
  const lastIndex = contract.versions.indexOf(last);
  const candidate = { ...contract, versions: [...contract.versions.map((v, i) => (i === lastIndex ? previous : v)), version] };
  // The whole contract is checked again: a version naming an unknown provider or product, or missing a
  // deadline, is refused by the same rules as a contract file (R-CON-9).
  const parsed = Contract.safeParse(candidate);
  if (!parsed.success) {
    const index = candidate.versions.length - 1;
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const inNew = i.path[0] === 'versions' && i.path[1] === index;
        return { path: formatPath(inNew ? i.path.slice(2) : i.path) || '(document)', message: i.message };
      }),
    };
  }
  // By place: the new version was appended, the one before it kept its index.
  const parsedVersion = parsed.data.versions.at(-1);
  const parsedPrevious = parsed.data.versions[lastIndex];
  if (parsedVersion === undefined || parsedPrevious === undefined) return { ok: false, problems: [{ path: '(document)', message: 'De versie is niet teruggevonden.' }] };
  return { ok: true, contract: parsed.data, version: parsedVersion, previous: parsedPrevious };
}

export function formatPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? String(k) : `${acc}.${String(k)}`), '');
}
