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
// Not yet here: notifications, the other APIs (docs/duo.md).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { duoHttp } from '../transport.js';
import { realNow } from '../../../platform/clock.js';
import { niveauVastgesteld, refusePip, type Pip } from '../../../domain/duo/pip-rules.js';
import { duoDocument, type DuoApi, type HttpMethod } from '../openapi.js';
import { EXAMENRESULTATEN_PATH, INBURGERINGSPLICHT_PATH, INBURGERINGSTERMIJN_PATH, type Examenresultaat, type Inburgeringsplicht, type Inburgeringstermijn } from '../queries.js';

/** A fictional OIN for DUO in the shape of a real one (as the contracts' municipality OINs, contracts/*.yaml). */
export const SIMULATED_DUO_OIN = '00000001999999990000';
const PIP_PATH = '/personen/{bsn}/PIP';
/** README "Basis pad URI": https://{host}/{major version}; the document itself leaves it out. */
const BASE = '/v1';

/** The operations served: the PIP (melding-bevestiging) and the queries (raadpleging), each per its document. */
interface Operation {
  api: DuoApi;
  template: string;
  pattern: RegExp;
  methods: readonly HttpMethod[];
}
const OPERATIONS: readonly Operation[] = [
  { api: 'PIP', template: PIP_PATH, pattern: /^\/v1\/personen\/([^/?]+)\/PIP$/, methods: ['get', 'post'] },
  { api: 'Inburgeringsplicht', template: INBURGERINGSPLICHT_PATH, pattern: /^\/v1\/personen\/([^/?]+)\/inburgeringsplicht$/, methods: ['get'] },
  { api: 'Inburgeringstermijn', template: INBURGERINGSTERMIJN_PATH, pattern: /^\/v1\/personen\/([^/?]+)\/inburgeringstermijn$/, methods: ['get'] },
  { api: 'Examen', template: EXAMENRESULTATEN_PATH, pattern: /^\/v1\/personen\/([^/?]+)\/examens\/resultaten$/, methods: ['get'] },
];

export interface SimulatedPerson {
  bsn: string;
  /** The municipality the person lives in (gemeentecode, 4 digits). */
  gemeentecode: string;
  startInburgeringsplicht: string | null;
  vestigingGemeente: string | null;
  asielmigrant: boolean;
  /** What the queries answer; absent → 404 (DUO holds no such fact). Seeded by the test. */
  inburgeringsplicht?: Inburgeringsplicht;
  inburgeringstermijn?: Inburgeringstermijn;
  /** Assumption: absent → 404, as for the other facts; an empty list → 200 with []. */
  examenresultaten?: Examenresultaat[];
}

interface StoredPip {
  gemeentecode: string;
  pip: Pip;
}

interface Answer {
  status: number;
  body?: unknown;
}

export interface DuoSimulator {
  url: string;
  addPerson(person: SimulatedPerson): void;
  /** Every PIP registered for a person, oldest first: what the tests count to see a delivery stored once. */
  pips(bsn: string): readonly StoredPip[];
  /** How many POSTs with a well-formed message arrived, repeats included: what a test counts to see one send per message. */
  posts(): number;
  /** Changes what DUO knows of a person (e.g. a new exam result), as DUO's own processes would. */
  /** What DUO knows of a person now (demo: after a first question made it up). */
  person(bsn: string): SimulatedPerson | undefined;
  /** With `bron` (demo): a person not known yet is made by unknownPerson as that municipality's resident first. */
  updatePerson(bsn: string, change: Partial<Omit<SimulatedPerson, 'bsn'>>, bron?: string): void;
  /**
   * Notificering (Interactiepatronen): tells the person's municipality that event `gebeurtenisId`
   * (Gebeurtenissen.md, e.g. SS101, SS199) happened; the municipality then fetches the data. The body is
   * checked against the Notificatie document before it goes. The same berichtId again is a repeat.
   */
  notify(bsn: string, gebeurtenisId: string, berichtId?: string): Promise<SentNotification>;
  close(): Promise<void>;
}

export interface DuoSimulatorOptions {
  /** Source OIN → gemeentecode of each municipality that may call. */
  municipalities: Record<string, string>;
  duoOin?: string;
  /** Serve HTTPS with mutual TLS: the simulator's certificate and key, and the CA its clients must come from. */
  tls?: { cert: string; key: string; ca: string };
  /**
   * Demo mode: a person the simulator was not told about is taken as a resident of the asking municipality,
   * made by this function (so a demo participant is known to DUO without seeding each one).
   */
  unknownPerson?: (bsn: string, gemeentecode: string) => SimulatedPerson;
  /** The base of the municipality's Notificatie API (Koers: …/api/v1/duo); read when a notification is sent. */
  notificationUrl?: () => string | undefined;
}

export interface SentNotification {
  berichtId: string;
  /** Koers' answer; 0 when no notification URL is known. */
  status: number;
}

/** The OIN a client certificate is for: PKIoverheid puts it in the subject's serialNumber. */
function certificateOin(req: IncomingMessage): string | undefined {
  const subject = (req.socket as TLSSocket).getPeerCertificate?.()?.subject as Record<string, string | string[] | undefined> | undefined;
  const oin = subject?.serialNumber;
  return Array.isArray(oin) ? undefined : oin;
}

export async function startDuoSimulator(options: DuoSimulatorOptions): Promise<DuoSimulator> {
  const duoOin = options.duoOin ?? SIMULATED_DUO_OIN;
  const persons = new Map<string, SimulatedPerson>();
  const pips = new Map<string, StoredPip[]>();
  // (bron, berichtId) → the answer given: the same message twice is answered alike and stored once.
  const answered = new Map<string, Answer>();
  let postCount = 0;

  const handle = (op: Operation, method: HttpMethod, bsn: string, headers: Record<string, string | undefined>, body: unknown): Answer => {
    if (duoDocument(op.api).validateRequest(method, op.template, { path: { bsn }, headers, body }).length > 0) return { status: 400 };
    const gemeentecode = options.municipalities[headers.bron!];
    const refused = (fouttekst: string): Answer => ({ status: 403, ...(method === 'post' ? { body: [{ fouttekst }] } : {}) });
    if (headers.doel !== duoOin) return refused('Het doel OIN is niet dat van DUO.');
    if (!gemeentecode) return refused('Het bron OIN is geen bekende gemeente.');
    if (!persons.has(bsn) && options.unknownPerson && /^\d{9}$/.test(bsn)) persons.set(bsn, options.unknownPerson(bsn, gemeentecode));
    const person = persons.get(bsn);
    if (!person) return { status: 404 };
    const history = pips.get(bsn) ?? [];
    const actueel = history.at(-1);
    // README "Scope": a resident of the municipality, or the current PIP is the municipality's (the COA
    // link and the month after a move are not simulated).
    if (person.gemeentecode !== gemeentecode && actueel?.gemeentecode !== gemeentecode) return refused('De persoon is niet relevant voor de gemeente.');
    if (op.api !== 'PIP') {
      const fact = op.api === 'Inburgeringsplicht' ? person.inburgeringsplicht : op.api === 'Inburgeringstermijn' ? person.inburgeringstermijn : person.examenresultaten;
      return fact ? { status: 200, body: fact } : { status: 404 };
    }
    if (method === 'get') return actueel ? { status: 200, body: { gemeentecode: actueel.gemeentecode, pip: actueel.pip } } : { status: 404 };
    const pip = body as Pip;
    const refusals = refusePip(pip, {
      startInburgeringsplicht: person.startInburgeringsplicht,
      vestigingGemeente: person.vestigingGemeente,
      initielePip: history[0]?.pip ?? null,
      actuelePip: actueel?.pip ?? null,
      asielmigrant: person.asielmigrant,
    });
    // The document allows at most 50 Foutmeldingen.
    if (refusals.length > 0) return { status: 403, body: refusals.slice(0, 50).map((r) => ({ fouttekst: r.reason })) };
    const niveau = niveauVastgesteld(pip);
    pips.set(bsn, [...history, { gemeentecode, pip: { ...pip, ...(niveau ? { niveau } : {}) } }]);
    return { status: 201 };
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
      const op = operationOf(req);
      const answer = op ? route(op, req, headers, Buffer.concat(chunks).toString('utf8')) : { status: 404 };
      // An unknown path answers in the PIP document's version: it has no document of its own.
      const out: Record<string, string> = { 'API-Version': duoDocument(op?.api ?? 'PIP').version };
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
    return OPERATIONS.find((o) => o.pattern.test(path) && o.methods.includes((req.method ?? '').toLowerCase() as HttpMethod));
  };

  const route = (op: Operation, req: IncomingMessage, headers: Record<string, string | undefined>, raw: string): Answer => {
    const m = op.pattern.exec((req.url ?? '').split('?')[0] ?? '')!;
    const method = (req.method ?? '').toLowerCase() as HttpMethod;
    let body: unknown;
    if (method === 'post') {
      if (!/^application\/json\b/.test(headers['content-type'] ?? '')) return { status: 400 };
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        return { status: 400 };
      }
    }
    // Before the message-id memory: another municipality's certificate learns nothing of a message sent under this bron.
    if (tls && certificateOin(req) !== headers.bron) return { status: 403, ...(method === 'post' ? { body: [{ fouttekst: 'Het certificaat hoort niet bij het bron OIN.' }] } : {}) };
    const bsn = decodeURIComponent(m[1]!);
    const key = headers.berichtid && headers.bron ? `${headers.bron} ${headers.berichtid}` : null;
    if (method === 'post') postCount++;
    const seen = method === 'post' && key ? answered.get(key) : undefined;
    if (seen) return seen;
    const answer = handle(op, method, bsn, { bron: headers.bron, doel: headers.doel, berichtId: headers.berichtid }, body);
    // Only a well-formed message is remembered: a 400 names no message DUO accepted.
    if (method === 'post' && key && answer.status !== 400) answered.set(key, answer);
    return answer;
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}${BASE}`,
    addPerson: (p) => void persons.set(p.bsn, p),
    pips: (bsn) => pips.get(bsn) ?? [],
    posts: () => postCount,
    person: (bsn) => persons.get(bsn),
    updatePerson: (bsn, change, bron) => {
      const code = bron === undefined ? undefined : options.municipalities[bron];
      if (!persons.has(bsn) && code && options.unknownPerson) persons.set(bsn, options.unknownPerson(bsn, code));
      const p = persons.get(bsn);
      if (p) persons.set(bsn, { ...p, ...change });
    },
    notify: async (bsn, gebeurtenisId, berichtId = randomUUID()) => {
      const base = options.notificationUrl?.();
      const person = persons.get(bsn);
      const doel = Object.entries(options.municipalities).find(([, code]) => code === person?.gemeentecode)?.[0];
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
