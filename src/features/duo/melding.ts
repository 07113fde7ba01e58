// R-EXC-4: the client's deliveries (melding-bevestiging, Interactiepatronen.md) for every DUO API that
// takes one: the PIP and its deletion, the Inburgeringsaanbod, the MAP end-conversation date, the PVT
// signing date, the Z-route completion and the hours followed (Gevolgde Uren). One function sends any of
// them: the request is checked against the operation's document before it goes out (a finding names its
// field and nothing is sent), DUO's answer against the same document before it is believed. A 2xx is
// DUO's receipt; 403 carries DUO's reasons (Foutmelding, where the document gives the 403 a body); 400
// and 404 are refusals; anything else, or an answer the document does not allow, is a failure to retry
// with the same berichtId (DUO answers a repeated message as the first time).
import { randomUUID } from 'node:crypto';
import { duoDocument, type ContractProblem, type DuoApi, type HttpMethod } from './openapi.js';
import type { DuoConnection } from './queries.js';
import { duoHttp } from './transport.js';

/** The delivery kinds of duo_delivery.api (migration 0038) and the DUO operation each is. */
export const DeliveryKinds = ['PIP', 'PIP_DELETE', 'Inburgeringsaanbod', 'MAP', 'PVT', 'Zroute', 'UrenTaalles', 'UrenParticipatie'] as const;
export type DeliveryKind = (typeof DeliveryKinds)[number];

export interface DuoOperation {
  api: DuoApi;
  method: Exclude<HttpMethod, 'get' | 'patch'>;
  template: string;
}

export const DELIVERY_OPERATIONS: Record<DeliveryKind, DuoOperation> = {
  PIP: { api: 'PIP', method: 'post', template: '/personen/{bsn}/PIP' },
  PIP_DELETE: { api: 'PIP', method: 'delete', template: '/personen/{bsn}/PIP' },
  Inburgeringsaanbod: { api: 'Inburgeringsaanbod', method: 'post', template: '/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}' },
  MAP: { api: 'MAP,PVT,Zroute', method: 'put', template: '/personen/{bsn}/map' },
  PVT: { api: 'MAP,PVT,Zroute', method: 'put', template: '/personen/{bsn}/pvt' },
  Zroute: { api: 'MAP,PVT,Zroute', method: 'put', template: '/personen/{bsn}/zroute' },
  UrenTaalles: { api: 'GevolgdeUren', method: 'put', template: '/personen/{bsn}/uren/participatietaalles' },
  UrenParticipatie: { api: 'GevolgdeUren', method: 'put', template: '/personen/{bsn}/uren/participatieactiviteiten' },
};

/** The Dutch name of each delivery, for the file and the queue. */
export const DELIVERY_NL: Record<DeliveryKind, string> = {
  PIP: 'PIP',
  PIP_DELETE: 'PIP verwijderen',
  Inburgeringsaanbod: 'Inburgeringsaanbod',
  MAP: 'Datum eindgesprek MAP',
  PVT: 'Datum ondertekening PVT',
  Zroute: 'Datum afronding Z-route',
  UrenTaalles: 'Gevolgde uren taalles en KNM',
  UrenParticipatie: 'Gevolgde uren participatieactiviteiten',
};

export type DeliveryResult =
  | { outcome: 'received'; berichtId: string; status: number }
  | { outcome: 'refused'; berichtId: string; status: number; reasons: string[] }
  | { outcome: 'failed'; berichtId: string; status: number; problems: ContractProblem[] };

export interface Delivery {
  kind: DeliveryKind;
  bsn: string;
  /** Further path parameters (the Inburgeringsaanbod's instellingsnummer). */
  path?: Record<string, string>;
  body?: unknown;
  berichtId?: string;
}

/** Every finding of the document on the request: what would make DUO answer 400, found before sending. */
export function checkDelivery(kind: DeliveryKind, d: { bsn: string; path?: Record<string, string>; body?: unknown }, c: Pick<DuoConnection, 'bron' | 'doel'>, berichtId: string): ContractProblem[] {
  const op = DELIVERY_OPERATIONS[kind];
  return duoDocument(op.api).validateRequest(op.method, op.template, { path: { ...d.path, bsn: d.bsn }, headers: { bron: c.bron, doel: c.doel, berichtId }, body: d.body });
}

/** Sends one delivery. A thrown error (no connection, a refused handshake) is "not known to be received": retry. */
export async function deliver(c: DuoConnection, d: Delivery): Promise<DeliveryResult> {
  const op = DELIVERY_OPERATIONS[d.kind];
  const doc = duoDocument(op.api);
  const berichtId = d.berichtId ?? randomUUID();
  const before = checkDelivery(d.kind, d, c, berichtId);
  // Never sent: the reasons name the field (e.g. body/datumEindgesprekMap).
  if (before.length > 0) return { outcome: 'refused', berichtId, status: 0, reasons: before.map((p) => `${p.at}: voldoet niet aan DUO's berichtformaat (${p.message}).`) };
  const params: Record<string, string> = { ...d.path, bsn: d.bsn };
  const path = op.template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const res = await duoHttp({
    method: op.method.toUpperCase() as 'POST' | 'PUT' | 'DELETE',
    url: `${c.baseUrl}${path}`,
    headers: { ...(d.body === undefined ? {} : { 'content-type': 'application/json' }), bron: c.bron, doel: c.doel, berichtId },
    ...(d.body === undefined ? {} : { body: JSON.stringify(d.body) }),
    ...(c.tls ? { tls: c.tls } : {}),
  });
  let body: unknown;
  try {
    body = res.text === '' ? undefined : (JSON.parse(res.text) as unknown);
  } catch {
    return { outcome: 'failed', berichtId, status: res.status, problems: [{ at: 'body', message: 'geen JSON' }] };
  }
  const problems = doc.validateResponse(op.method, op.template, { status: res.status, headers: res.headers, body });
  if (problems.length > 0) return { outcome: 'failed', berichtId, status: res.status, problems };
  if (res.status >= 200 && res.status < 300) return { outcome: 'received', berichtId, status: res.status };
  if (res.status === 403) return { outcome: 'refused', berichtId, status: 403, reasons: Array.isArray(body) ? body.map((f) => String((f as { fouttekst?: unknown }).fouttekst)) : [] };
  if (res.status === 400 || res.status === 404) return { outcome: 'refused', berichtId, status: res.status, reasons: [] };
  return { outcome: 'failed', berichtId, status: res.status, problems: [] };
}
