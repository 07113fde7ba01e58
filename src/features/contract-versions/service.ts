// Issue #17 (R-CON-10): the administrator loads the next version of a region's contract, sees every error
// named by its path and what changes against the version in force, and activates it from a date. The
// version is stored and put into the running registry in one go; earlier versions keep their dates.
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import { amendContract, type AmendResult, type VersionBody } from '../../domain/contract-versions/amend.js';
import { diffVersions } from '../../domain/contract-versions/diff.js';
import { ContractVersion } from '../../domain/contract.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db } from '../../platform/db.js';
import { AppError, invalid, unprocessable } from '../../platform/errors.js';
import type { VersionUpload } from './schemas.js';
import { storedActivations } from './registry.js';

interface Deps {
  db: Db;
  crypto: Crypto;
  contracts: ContractRegistry;
}

const OWN_FIELDS = new Set(Object.keys(ContractVersion.shape).filter((k) => !['version', 'validFrom', 'validTo'].includes(k)));

/** The document as a version body, or every problem with it by path ('document.<path>'). */
function bodyOf(upload: VersionUpload): VersionBody {
  let raw: unknown;
  try {
    // JSON is YAML too; 'json' is checked as JSON so a YAML-only construct in a .json file is named.
    raw = upload.format === 'json' ? JSON.parse(upload.document) : parse(upload.document);
  } catch (err) {
    throw unprocessable('document', 'unreadable', `Het document is geen geldige ${upload.format === 'json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw unprocessable('document', 'notAnObject', 'Het document moet één contractversie zijn (velden als deadlines, contracted, holidayCalendar).');
  const unknown = Object.keys(raw).filter((k) => !OWN_FIELDS.has(k));
  if (unknown.length > 0) {
    throw new AppError(
      'unprocessable',
      'Het document heeft velden die een contractversie niet kent.',
      unknown.map((k) => ({ name: `document.${k}`, code: ['version', 'validFrom', 'validTo'].includes(k) ? 'givenByKoers' : 'unknownField', reason: ['version', 'validFrom', 'validTo'].includes(k) ? 'Het nummer en de data geeft Koers: kies de ingangsdatum hieronder.' : `Onbekend veld "${k}".` })),
    );
  }
  return raw as VersionBody;
}

function check(deps: Deps, upload: VersionUpload, today: IsoDate): Extract<AmendResult, { ok: true }> {
  const contract = deps.contracts.byId(upload.contractId);
  if (contract === undefined) throw invalid('contractId', 'unknown', 'Dit contract bestaat niet.');
  // A date in the past would give new rules to a period already lived. Today neither: the other instances
  // of an installation take the version in at their hourly run (src/app.ts), so it must not be in force
  // before they can have it (docs/operations.md).
  if (upload.validFrom <= today) throw invalid('validFrom', 'past', 'Kies morgen of een latere datum.');
  const result = amendContract(contract, bodyOf(upload), upload.validFrom);
  if (!result.ok) {
    throw new AppError(
      'unprocessable',
      `De versie is niet goed: ${result.problems.length} ${result.problems.length === 1 ? 'fout' : 'fouten'}.`,
      result.problems.map((p) => ({ name: p.path === 'validFrom' ? 'validFrom' : `document.${p.path}`, code: 'invalid', reason: p.message })),
    );
  }
  return result;
}

function answer(upload: VersionUpload, r: Extract<AmendResult, { ok: true }>) {
  return {
    contractId: upload.contractId,
    version: r.version.version,
    validFrom: r.version.validFrom,
    validTo: r.version.validTo ?? null,
    previous: { version: r.previous.version, validFrom: r.previous.validFrom, validTo: r.previous.validTo ?? null },
    diff: diffVersions(r.previous, r.version),
  };
}

/** Checks only: what the version would be, or its errors; changes nothing. */
export function checkVersion(deps: Deps, upload: VersionUpload, today: IsoDate) {
  return answer(upload, check(deps, upload, today));
}

export async function activateVersion(deps: Deps, ctx: RequestContext, upload: VersionUpload, today: IsoDate, now: Date) {
  const result = check(deps, upload, today);
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO contract_version_activation (id, contract_id, version, valid_from, format, document, activated_by, activated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [randomUUID(), upload.contractId, result.version.version, upload.validFrom, upload.format, upload.document, ctx.actor.userId, now],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'contract.record', status: 'ok', subjects: [], objectType: 'contract', objectId: upload.contractId, summary: `version ${result.version.version} from ${upload.validFrom}` });
  });
  // After the commit: a failed insert (another activation took the number) leaves the registry as it was.
  deps.contracts.replace(result.contract);
  return answer(upload, result);
}

export async function listVersions(deps: Deps) {
  const stored = await storedActivations(deps.db);
  const activatedAt = new Map((await deps.db.query<{ key: string; at: Date }>(`SELECT contract_id || ':' || version AS key, activated_at AS at FROM contract_version_activation`)).map((r) => [r.key, r.at]));
  const fromKoers = new Set(stored.map((a) => `${a.contractId}:${a.version}`));
  return {
    items: deps.contracts.contracts.map((c) => ({
      id: c.id,
      name: c.name,
      region: c.region.name,
      versions: [...c.versions]
        .sort((a, b) => a.version - b.version)
        .map((v) => {
          const key = `${c.id}:${v.version}`;
          return { version: v.version, validFrom: v.validFrom, validTo: v.validTo ?? null, source: fromKoers.has(key) ? ('koers' as const) : ('file' as const), activatedAt: activatedAt.get(key)?.toISOString() ?? null };
        }),
    })),
  };
}
