// R-EXC-4: a DUO simulator for the PIP API (SDI014), built on DUO's own OpenAPI document
// (duo-m2m/API/PIP/openapi.yml). Real HTTP (node:http), state in memory. It accepts exactly what the
// document describes: every request is checked against the operation (src/features/duo/openapi.ts), and a
// request the document does not allow gets 400 without a body — the document's 400 has none (PIP
// CHANGELOG V1.1.2, V1.2.0: functional errors come as 403 with Foutmelding[]). It applies DUO's PIP rules
// (src/domain/duo/pip-rules.ts, README "Het aanleveren van een PIP") and answers per the interaction
// pattern melding-bevestiging (Interactiepatronen.md): 201 is the receipt, "oké, ik ga ermee aan de slag".
// The source OIN (bron) must be a known municipality and the target OIN (doel) DUO's; a message id
// (berichtId) seen before from the same source is answered as the first time and stores nothing new, so
// a client may retry a delivery safely. With `tls` it serves HTTPS and asks for the client's certificate
// (issue #15: "the simulator checks the client certificate"): one not issued by the CA never completes the
// handshake, and one whose OIN (subject serialNumber, as in PKIoverheid) is not the bron is refused with 403
// — a municipality cannot send with another's OIN. The queries (raadpleging) Inburgeringsplicht and
// Inburgeringstermijn, and Examen's results, answer from the state the test seeds, after the same header, OIN and scope checks.
// The other deliveries (DELETE PIP, Inburgeringsaanbod, MAP, PVT, Z-route, Gevolgde Uren) keep their state
// per person and apply DUO's README rules (src/domain/duo/delivery-rules.ts); the further queries
// (Leerbaarheidstoets, Vrijstelling, Ontheffing, GET map, pvt, uren, instellingen) answer from that state.
// Every message that changes state (POST, PUT, DELETE) is remembered by (bron, berichtId).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { duoHttp } from '../transport.js';
import { realNow } from '../../../platform/clock.js';
import { niveauVastgesteld, refusePip, refusePipDeletion, type Pip } from '../../../domain/duo/pip-rules.js';
import { refuseAanbod, refuseMap, refusePvt, type EindmomentFacts, type Inburgeringsaanbod, type ResultaatMap, type ResultaatPvt, type ResultaatZroute } from '../../../domain/duo/delivery-rules.js';
import { duoDocument, type DuoApi, type HttpMethod } from '../openapi.js';
import { DELIVERY_OPERATIONS } from '../melding.js';
import type { DuoSimulator, DuoSimulatorOptions, PersonRecords, SimulatedPerson, StoredPip } from './types.js';
import {
  EXAMENRESULTATEN_PATH,
  INBURGERINGSPLICHT_PATH,
  INBURGERINGSTERMIJN_PATH,
  INSTELLINGEN_PATH,
  LBT_RESULTATEN_PATH,
  MAP_PATH,
  ONTHEFFINGEN_PATH,
  PVT_PATH,
  UREN_PATH,
  VRIJSTELLINGEN_PATH,
  type UrenPerGemeente,
} from '../queries.js';

export type { DuoSimulator, DuoSimulatorOptions, PersonRecords, SentNotification, SimulatedPerson } from './types.js';

/** A fictional OIN for DUO in the shape of a real one (as the contracts' municipality OINs, contracts/*.yaml). */
export const SIMULATED_DUO_OIN = '00000001999999990000';
const PIP_PATH = '/personen/{bsn}/PIP';
/** README "Basis pad URI": https://{host}/{major version}; the document itself leaves it out. */
const BASE = '/v1';

/** What the simulator does for one operation; `fact` names a query answered from the person's state. */
type Handler =
  | 'pip.get' | 'pip.post' | 'pip.delete'
  | 'aanbod.post' | 'aanbod.delete' | 'instellingen'
  | 'map.get' | 'map.put' | 'pvt.get' | 'pvt.put' | 'zroute.put'
  | 'uren.get' | 'uren.put'
  | 'fact';

/** The operations served: each per its document, the path matched by its template. */
interface Operation {
  api: DuoApi;
  template: string;
  method: HttpMethod;
  handler: Handler;
  /** For 'fact': the person's field that answers it. */
  fact?: 'inburgeringsplicht' | 'inburgeringstermijn' | 'examenresultaten' | 'leerbaarheidstoets' | 'vrijstellingen' | 'ontheffingen';
  /** For 'uren.put': the Gemeente field the PUT replaces. */
  uren?: keyof Omit<UrenPerGemeente, 'gemeentecode' | 'bekendTot'>;
}
const op = (api: DuoApi, method: HttpMethod, template: string, handler: Handler, more: Partial<Operation> = {}): Operation => ({ api, method, template, handler, ...more });
const OPERATIONS: readonly Operation[] = [
  op('PIP', 'get', PIP_PATH, 'pip.get'),
  op('PIP', 'post', PIP_PATH, 'pip.post'),
  op('PIP', 'delete', PIP_PATH, 'pip.delete'),
  op('Inburgeringsplicht', 'get', INBURGERINGSPLICHT_PATH, 'fact', { fact: 'inburgeringsplicht' }),
  op('Inburgeringstermijn', 'get', INBURGERINGSTERMIJN_PATH, 'fact', { fact: 'inburgeringstermijn' }),
  op('Examen', 'get', EXAMENRESULTATEN_PATH, 'fact', { fact: 'examenresultaten' }),
  op('Leerbaarheidstoets', 'get', LBT_RESULTATEN_PATH, 'fact', { fact: 'leerbaarheidstoets' }),
  op('Vrijstelling', 'get', VRIJSTELLINGEN_PATH, 'fact', { fact: 'vrijstellingen' }),
  op('Ontheffing', 'get', ONTHEFFINGEN_PATH, 'fact', { fact: 'ontheffingen' }),
  op('Inburgeringsaanbod', 'get', INSTELLINGEN_PATH, 'instellingen'),
  op('Inburgeringsaanbod', 'post', DELIVERY_OPERATIONS.Inburgeringsaanbod.template, 'aanbod.post'),
  op('Inburgeringsaanbod', 'delete', DELIVERY_OPERATIONS.Inburgeringsaanbod.template, 'aanbod.delete'),
  op('MAP,PVT,Zroute', 'get', MAP_PATH, 'map.get'),
  op('MAP,PVT,Zroute', 'put', MAP_PATH, 'map.put'),
  op('MAP,PVT,Zroute', 'get', PVT_PATH, 'pvt.get'),
  op('MAP,PVT,Zroute', 'put', PVT_PATH, 'pvt.put'),
  op('MAP,PVT,Zroute', 'put', DELIVERY_OPERATIONS.Zroute.template, 'zroute.put'),
  op('GevolgdeUren', 'get', UREN_PATH, 'uren.get'),
  op('GevolgdeUren', 'put', DELIVERY_OPERATIONS.UrenTaalles.template, 'uren.put', { uren: 'ParticipatieAlsTaalles' }),
  op('GevolgdeUren', 'put', DELIVERY_OPERATIONS.UrenParticipatie.template, 'uren.put', { uren: 'ParticipatieactiviteitenBredeIntake' }),
  op('GevolgdeUren', 'put', '/personen/{bsn}/uren/bredeintake/taallesknm', 'uren.put', { uren: 'TaallesEnKnmBredeIntake' }),
];
const patternOf = (template: string): RegExp => new RegExp(`^${BASE}${template.replace(/\{\w+\}/g, '([^/?]+)')}$`);
/** Whether the operation's document gives its 403 a body (Foutmelding[]); else the refusal has none. */
const refusalHasBody = (o: Operation): boolean =>
  !duoDocument(o.api).validateResponse(o.method, o.template, { status: 403, body: [{ fouttekst: 'x' }] }).some((p) => p.at.startsWith('body'));
const paramsOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

interface Answer {
  status: number;
  body?: unknown;
}

/** The OIN a client certificate is for: PKIoverheid puts it in the subject's serialNumber. */
function certificateOin(req: IncomingMessage): string | undefined {
  const subject = (req.socket as TLSSocket).getPeerCertificate?.()?.subject as Record<string, string | string[] | undefined> | undefined;
  const oin = subject?.serialNumber;
  return Array.isArray(oin) ? undefined : oin;
}

export async function startDuoSimulator(options: DuoSimulatorOptions): Promise<DuoSimulator> {
  const duoOin = options.duoOin ?? SIMULATED_DUO_OIN;
  const today = options.today ?? (() => realNow().toISOString().slice(0, 10));
  const persons = new Map<string, SimulatedPerson>();
  const pips = new Map<string, StoredPip[]>();
  const records = new Map<string, PersonRecords>();
  const recordsOf = (bsn: string): PersonRecords => {
    let r = records.get(bsn);
    if (!r) records.set(bsn, (r = { uren: new Map(), aanbod: new Map() }));
    return r;
  };
  // (bron, berichtId) → the answer given: the same message twice is answered alike and stored once.
  const answered = new Map<string, Answer>();
  let postCount = 0;

  /** README MAP and PVT: what DUO knows when one of the two dates arrives. */
  const eindmomentFacts = (person: SimulatedPerson, gemeentecode: string, current: { gemeentecode: string } | undefined): EindmomentFacts => {
    const actueel = pips.get(person.bsn)?.at(-1);
    const plicht = person.inburgeringsplicht;
    const zroute = recordsOf(person.bsn).zroute?.value.datumAfrondingZroute ?? null;
    return {
      today: today(),
      datumBekend: current !== undefined,
      datumDoorGemeente: current?.gemeentecode === gemeentecode,
      actuelePipVanGemeente: actueel?.gemeentecode === gemeentecode,
      // Assumption: the duty is fulfilled through the Z-route when DUO says "voldaan" and the current PIP is the Z-route's.
      plichtVoldaanViaZroute: plicht?.redenGeenInburgeringsplicht === 'Inburgeringsplicht voldaan' && actueel?.pip.leerroute === 'Z',
      termijn: person.inburgeringstermijn ? { startdatum: person.inburgeringstermijn.startdatum, einddatum: person.inburgeringstermijn.einddatum } : null,
      datumAfrondingZroute: zroute,
    };
  };
  const foutmeldingen = (reasons: readonly { reason: string }[], max: number): Answer => ({ status: 403, body: reasons.slice(0, max).map((r) => ({ fouttekst: r.reason })) });

  const handle = (o: Operation, path: Record<string, string>, headers: Record<string, string | undefined>, body: unknown): Answer => {
    if (duoDocument(o.api).validateRequest(o.method, o.template, { path, headers, body }).length > 0) return { status: 400 };
    const gemeentecode = options.municipalities[headers.bron!];
    // The 403 carries Foutmelding[] where the document gives it one, else no body.
    const refused = (fouttekst: string): Answer => ({ status: 403, ...(refusalHasBody(o) ? { body: [{ fouttekst }] } : {}) });
    if (headers.doel !== duoOin) return refused('Het doel OIN is niet dat van DUO.');
    if (!gemeentecode) return refused('Het bron OIN is geen bekende gemeente.');
    if (o.handler === 'instellingen') return { status: 200, body: options.instellingen ?? [] };
    const bsn = path.bsn!;
    if (!persons.has(bsn) && options.unknownPerson && /^\d{9}$/.test(bsn)) persons.set(bsn, options.unknownPerson(bsn, gemeentecode));
    const person = persons.get(bsn);
    if (!person) return { status: 404 };
    const history = pips.get(bsn) ?? [];
    const actueel = history.at(-1);
    // README "Scope": a resident of the municipality, or the current PIP is the municipality's (the COA
    // link and the month after a move are not simulated).
    if (person.gemeentecode !== gemeentecode && actueel?.gemeentecode !== gemeentecode) return refused('De persoon is niet relevant voor de gemeente.');
    const rec = recordsOf(bsn);
    switch (o.handler) {
      case 'fact': {
        const fact = person[o.fact!];
        return fact ? { status: 200, body: fact } : { status: 404 };
      }
      case 'pip.get':
        return actueel ? { status: 200, body: { gemeentecode: actueel.gemeentecode, pip: actueel.pip } } : { status: 404 };
      case 'pip.post': {
        const pip = body as Pip;
        const refusals = refusePip(pip, {
          startInburgeringsplicht: person.startInburgeringsplicht,
          vestigingGemeente: person.vestigingGemeente,
          initielePip: history[0]?.pip ?? null,
          actuelePip: actueel?.pip ?? null,
          asielmigrant: person.asielmigrant,
        });
        // The document allows at most 50 Foutmeldingen.
        if (refusals.length > 0) return foutmeldingen(refusals, 50);
        const niveau = niveauVastgesteld(pip);
        pips.set(bsn, [...history, { gemeentecode, pip: { ...pip, ...(niveau ? { niveau } : {}) } }]);
        return { status: 201 };
      }
      case 'pip.delete': {
        if (!actueel) return { status: 404 };
        if (actueel.gemeentecode !== gemeentecode) return refused('Het actuele PIP is niet van uw gemeente.');
        // README "Het verwijderen van een PIP". Assumption: the course hours of the current offer are the taalles hours of any municipality.
        const uren = [...rec.uren.values()].some((u) => (u.ParticipatieAlsTaalles?.uren ?? 0) > 0);
        const refusals = refusePipDeletion({ inburgeringstermijnVastgesteld: person.inburgeringstermijn !== undefined, cursusdeelnameurenGeregistreerd: uren });
        if (refusals.length > 0) return foutmeldingen(refusals, 100);
        pips.set(bsn, history.slice(0, -1));
        return { status: 200 };
      }
      case 'aanbod.post': {
        const instelling = (options.instellingen ?? []).find((i) => i.instellingsnummer === path.instellingsnummer);
        const refusals = refuseAanbod(body as Inburgeringsaanbod, {
          asielmigrant: person.asielmigrant,
          actuelePip: actueel ? { dagtekeningPip: actueel.pip.dagtekeningPip, leerroute: actueel.pip.leerroute } : null,
          instelling: instelling ?? null,
          termijn: person.inburgeringstermijn ?? null,
        });
        if (refusals.length > 0) return foutmeldingen(refusals, 100);
        rec.aanbod.set(path.instellingsnummer!, { gemeentecode, value: body as Inburgeringsaanbod });
        return { status: 201 };
      }
      case 'aanbod.delete':
        return rec.aanbod.delete(path.instellingsnummer!) ? { status: 204 } : { status: 404 };
      case 'map.get':
        return rec.map?.value.datumEindgesprekMap ? { status: 200, body: { datumEindgesprekMap: rec.map.value.datumEindgesprekMap } } : { status: 404 };
      case 'pvt.get':
        return rec.pvt?.value.datumOndertekeningPvt ? { status: 200, body: { datumOndertekeningPvt: rec.pvt.value.datumOndertekeningPvt } } : { status: 404 };
      case 'map.put': {
        const refusals = refuseMap(body as ResultaatMap, eindmomentFacts(person, gemeentecode, rec.map?.value.datumEindgesprekMap ? rec.map : undefined));
        if (refusals.length > 0) return foutmeldingen(refusals, 20);
        rec.map = { gemeentecode, value: body as ResultaatMap };
        return { status: 200 };
      }
      case 'pvt.put': {
        const refusals = refusePvt(body as ResultaatPvt, eindmomentFacts(person, gemeentecode, rec.pvt?.value.datumOndertekeningPvt ? rec.pvt : undefined));
        if (refusals.length > 0) return foutmeldingen(refusals, 20);
        rec.pvt = { gemeentecode, value: body as ResultaatPvt };
        return { status: 200 };
      }
      case 'zroute.put':
        // The README names no rules for the Z-route completion: the document's shape only.
        rec.zroute = { gemeentecode, value: body as ResultaatZroute };
        return { status: 200 };
      case 'uren.get': {
        const list = [...rec.uren.values()];
        return list.length > 0 ? { status: 200, body: list } : { status: 404 };
      }
      case 'uren.put': {
        // A PUT replaces the cumulative total of that kind for the delivering municipality.
        const before = rec.uren.get(gemeentecode) ?? { gemeentecode };
        rec.uren.set(gemeentecode, { ...before, [o.uren!]: body as { uren: number }, bekendTot: today() });
        return { status: 200 };
      }
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
      const o = operationOf(req);
      const answer = o ? route(o, req, headers, Buffer.concat(chunks).toString('utf8')) : { status: 404 };
      // An unknown path answers in the PIP document's version: it has no document of its own.
      const out: Record<string, string> = { 'API-Version': duoDocument(o?.api ?? 'PIP').version };
      // The document: the answer carries the request's berichtId.
      if (headers.berichtid) out.berichtId = headers.berichtid;
      if (answer.body !== undefined) out['Content-Type'] = 'application/json';
      res.writeHead(answer.status, out).end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  };
  const { tls } = options;
  // rejectUnauthorized: a client without a certificate from the CA is refused in the handshake itself.
  const server = tls ? createTlsServer({ ...tls, requestCert: true, rejectUnauthorized: true }, onRequest) : createServer(onRequest);

  const operationOf = (req: IncomingMessage): Operation | undefined => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const method = (req.method ?? '').toLowerCase() as HttpMethod;
    return OPERATIONS.find((o) => o.method === method && patternOf(o.template).test(path));
  };

  const route = (o: Operation, req: IncomingMessage, headers: Record<string, string | undefined>, raw: string): Answer => {
    const m = patternOf(o.template).exec((req.url ?? '').split('?')[0] ?? '')!;
    const path = Object.fromEntries(paramsOf(o.template).map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
    const writes = o.method !== 'get';
    let body: unknown;
    if (o.method === 'post' || o.method === 'put') {
      if (!/^application\/json\b/.test(headers['content-type'] ?? '')) return { status: 400 };
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        return { status: 400 };
      }
    }
    // Before the message-id memory: another municipality's certificate learns nothing of a message sent under this bron.
    if (tls && certificateOin(req) !== headers.bron) {
      return { status: 403, ...(refusalHasBody(o) ? { body: [{ fouttekst: 'Het certificaat hoort niet bij het bron OIN.' }] } : {}) };
    }
    const key = headers.berichtid && headers.bron ? `${headers.bron} ${headers.berichtid}` : null;
    if (writes) postCount++;
    const seen = writes && key ? answered.get(key) : undefined;
    if (seen) return seen;
    const answer = handle(o, path, { bron: headers.bron, doel: headers.doel, berichtId: headers.berichtid }, body);
    // Only a well-formed message is remembered: a 400 names no message DUO accepted.
    if (writes && key && answer.status !== 400) answered.set(key, answer);
    return answer;
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}${BASE}`,
    addPerson: (p) => void persons.set(p.bsn, p),
    pips: (bsn) => pips.get(bsn) ?? [],
    records: (bsn) => recordsOf(bsn),
    posts: () => postCount,
    person: (bsn) => persons.get(bsn),
    updatePerson: (bsn, change, bron) => {
      const code = bron === undefined ? undefined : options.municipalities[bron];
      if (!persons.has(bsn) && code && options.unknownPerson) persons.set(bsn, options.unknownPerson(bsn, code));
      const p = persons.get(bsn);
      if (p) persons.set(bsn, { ...p, ...change });
    },
    notify: async (bsn, gebeurtenisId, berichtId = randomUUID(), doelOin) => {
      const base = options.notificationUrl?.();
      const person = persons.get(bsn);
      const doel = doelOin ?? Object.entries(options.municipalities).find(([, code]) => code === person?.gemeentecode)?.[0];
      if (!base || !doel) return { berichtId, status: 0 };
      const headers = { bron: duoOin, doel, berichtId };
      const body = { registratieDatumTijd: realNow().toISOString(), bsn, gebeurtenisId };
      const problems = duoDocument('Notificatie').validateRequest('post', '/notificaties', { path: {}, headers, body });
      if (problems.length > 0) throw new Error(`notification does not match the Notificatie document: ${problems.map((p) => p.at).join(', ')}`);
      const res = await duoHttp({ method: 'POST', url: `${base}/notificaties`, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { berichtId, status: res.status };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
