// R-EXC-4 (issue #15): "DUO's validation rules are checked before sending". Right before a delivery goes
// out the runner asks DUO for the facts the README's rules read — the duty, the current PIP, the term, the
// MAP or PVT date DUO holds, the hours, the institutions — and applies the rules of src/domain/duo/ with
// them; a delivery that breaks one is kept 'invalid' with the reason on its field and never sent. What
// Koers cannot learn from DUO (the settling date, the asylum status) is left to DUO, whose refusal is then
// shown with DUO's reason. What Koers itself delivered before (a MAP date, a Z-route completion, the PIP
// DUO holds now) is read from its own outbox. Each question is audited by the runner with its berichtId.
import type { Queryable } from '../../platform/db.js';
import { refusePip, refusePipDeletion, type Pip } from '../../domain/duo/pip-rules.js';
import { refuseAanbod, refuseMap, refusePvt, type EindmomentFacts, type Inburgeringsaanbod, type ResultaatMap, type ResultaatPvt } from '../../domain/duo/delivery-rules.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { DeliveryKind } from './melding.js';
import {
  fetchActuelePip,
  fetchDatumMap,
  fetchDatumPvt,
  fetchInburgeringsplicht,
  fetchInburgeringstermijn,
  fetchInstellingen,
  fetchUren,
  type DuoConnection,
  type DuoQueryResult,
} from './queries.js';

/** One question asked of DUO before the delivery, to audit with its own berichtId. */
export interface Check {
  berichtId: string;
  outcome: string;
  /** What was asked, e.g. 'inburgeringsplicht'. */
  what: string;
}

export interface Preflight {
  checks: Check[];
  /** Reasons, each prefixed with the field (`niveau: …`); non-empty: not sent. */
  reasons: string[];
  /** Path parameters found on the way (the Inburgeringsaanbod's instellingsnummer). */
  path?: Record<string, string>;
}

export interface PreflightRow {
  api: DeliveryKind;
  participantId: string;
  body: unknown;
  /** The provider's name, for the Inburgeringsaanbod's institution. */
  providerName: string | null;
}

type Asked = <T>(what: string, ask: () => Promise<DuoQueryResult<T>>) => Promise<DuoQueryResult<T> | undefined>;
const found = <T>(r: DuoQueryResult<T> | undefined): T | undefined => (r?.outcome === 'found' ? r.value : undefined);
const prefixed = (rs: readonly { field: string; reason: string }[]): string[] => rs.map((r) => `${r.field}: ${r.reason}`);

/** What Koers delivered to DUO and DUO received, newest first. */
async function received(q: Queryable, participantId: string, api: DeliveryKind): Promise<unknown[]> {
  const rows = await q.query<{ body: unknown }>(`SELECT body FROM duo_delivery WHERE participant_id = $1 AND api = $2 AND status = 'received' ORDER BY sent_at DESC, id`, [participantId, api]);
  return rows.map((r) => r.body);
}

export async function preflight(q: Queryable, c: DuoConnection, bsn: string, row: PreflightRow, today: IsoDate): Promise<Preflight> {
  const checks: Check[] = [];
  const ask: Asked = async (what, run) => {
    const r = await run().catch(() => undefined);
    if (r) checks.push({ berichtId: r.berichtId, outcome: r.outcome, what });
    return r;
  };
  const done = (reasons: string[], path?: Record<string, string>): Preflight => ({ checks, reasons, ...(path ? { path } : {}) });

  switch (row.api) {
    case 'PIP': {
      // README "Datum dagtekening": DUO's own duty start, and a changed PIP not before the current one.
      const pip = row.body as Pip;
      const duty = found(await ask('inburgeringsplicht', () => fetchInburgeringsplicht(c, bsn)));
      const actueel = found(await ask('pip', () => fetchActuelePip(c, bsn)));
      const facts = { startInburgeringsplicht: duty?.begindatum ?? null, vestigingGemeente: null, initielePip: actueel ? { dagtekeningPip: actueel.pip.dagtekeningPip } : null, actuelePip: actueel ? { dagtekeningPip: actueel.pip.dagtekeningPip } : null, asielmigrant: true };
      return done(prefixed(refusePip(pip, facts).filter((r) => r.rule === 'dagtekeningVoorPlicht' || r.rule === 'dagtekeningVoorEerderePip')));
    }
    case 'PIP_DELETE': {
      const actueel = await ask('pip', () => fetchActuelePip(c, bsn));
      if (actueel?.outcome === 'not_found') return done(['bsn: DUO heeft geen actueel PIP voor deze persoon; er is niets te verwijderen.']);
      const termijn = await ask('inburgeringstermijn', () => fetchInburgeringstermijn(c, bsn));
      const uren = found(await ask('uren', () => fetchUren(c, bsn)));
      if (!termijn || (termijn.outcome !== 'found' && termijn.outcome !== 'not_found')) return done([]);
      const refusals = refusePipDeletion({ inburgeringstermijnVastgesteld: termijn.outcome === 'found', cursusdeelnameurenGeregistreerd: (uren ?? []).some((u) => (u.ParticipatieAlsTaalles?.uren ?? 0) > 0) });
      return done(refusals.map((r) => `bsn: ${r.reason}`));
    }
    case 'MAP':
    case 'PVT': {
      const actueel = await ask('pip', () => fetchActuelePip(c, bsn));
      const duty = found(await ask('inburgeringsplicht', () => fetchInburgeringsplicht(c, bsn)));
      const termijn = await ask('inburgeringstermijn', () => fetchInburgeringstermijn(c, bsn));
      const current = row.api === 'MAP' ? await ask('map', () => fetchDatumMap(c, bsn)) : await ask('pvt', () => fetchDatumPvt(c, bsn));
      // Without DUO's answers the rules cannot be read: sent, and DUO decides.
      if (!actueel || !termijn || !current || ![actueel, termijn, current].every((r) => r.outcome === 'found' || r.outcome === 'not_found')) return done([]);
      const ownPips = (await received(q, row.participantId, 'PIP')) as Pip[];
      const pip = found(actueel);
      const zroute = (await received(q, row.participantId, 'Zroute'))[0] as { datumAfrondingZroute?: IsoDate } | undefined;
      const t = found(termijn);
      const facts: EindmomentFacts = {
        today,
        datumBekend: current.outcome === 'found',
        datumDoorGemeente: (await received(q, row.participantId, row.api)).length > 0,
        // The municipality's PIP is the current one when DUO's current PIP is one Koers delivered.
        actuelePipVanGemeente: pip !== undefined && ownPips.some((p) => p.dagtekeningPip === pip.pip.dagtekeningPip && p.leerroute === pip.pip.leerroute),
        plichtVoldaanViaZroute: duty?.redenGeenInburgeringsplicht === 'Inburgeringsplicht voldaan' && pip?.pip.leerroute === 'Z',
        termijn: t ? { startdatum: t.startdatum, einddatum: t.einddatum } : null,
        datumAfrondingZroute: zroute?.datumAfrondingZroute ?? null,
      };
      return done(prefixed(row.api === 'MAP' ? refuseMap(row.body as ResultaatMap, facts) : refusePvt(row.body as ResultaatPvt, facts)));
    }
    case 'Inburgeringsaanbod': {
      // Assumption: the provider is the institution of DUO's list with the same name (Koers holds no DUO instellingsnummer).
      const list = await ask('instellingen', () => fetchInstellingen(c));
      if (!list || list.outcome !== 'found') return done(list?.outcome === 'not_found' ? ['instellingsnummer: DUO kent geen instellingen.'] : []);
      const name = (row.providerName ?? '').trim().toLowerCase();
      const instelling = list.value.find((i) => i.naam.trim().toLowerCase() === name);
      if (!instelling) return done([`instellingsnummer: De aanbieder staat niet in de lijst met instellingen van DUO.`]);
      const path = { instellingsnummer: instelling.instellingsnummer };
      const actueel = await ask('pip', () => fetchActuelePip(c, bsn));
      const termijn = await ask('inburgeringstermijn', () => fetchInburgeringstermijn(c, bsn));
      if (!actueel || !termijn || ![actueel, termijn].every((r) => r.outcome === 'found' || r.outcome === 'not_found')) return done([], path);
      const pip = found(actueel);
      const refusals = refuseAanbod(row.body as Inburgeringsaanbod, {
        asielmigrant: null,
        actuelePip: pip ? { dagtekeningPip: pip.pip.dagtekeningPip, leerroute: pip.pip.leerroute } : null,
        instelling,
        termijn: found(termijn) ?? null,
      });
      return done(prefixed(refusals), path);
    }
    case 'Zroute':
    case 'UrenTaalles':
    case 'UrenParticipatie':
      // The README names no rules for these: the document's shape is checked by deliver().
      return done([]);
  }
}
