// R-EXC-4: the client's queries (raadpleging, Interactiepatronen.md): Koers asks DUO what it knows of a
// person — the integration duty (Inburgeringsplicht API, GET /personen/{bsn}/inburgeringsplicht), the
// term (Inburgeringstermijn API, GET /personen/{bsn}/inburgeringstermijn) and the exam results (Examen API,
// GET /personen/{bsn}/examens/resultaten). The request is checked against
// the document before it goes out, and DUO's answer against the same document before it is believed: an
// answer the document does not allow is a failure, not a fact on the participant's file. The types carry
// DUO's own field names, so the document stays the one source of what each field means.
import { randomUUID } from 'node:crypto';
import { duoDocument, type ContractProblem, type DuoApi } from './openapi.js';
import { duoHttp, type DuoTls } from './transport.js';

/** Inburgeringsplicht API, schema Inburgeringsplicht: does the person have the duty, and from when. */
export interface Inburgeringsplicht {
  indicatorInburgeringsplicht: boolean;
  begindatum?: string;
  einddatum?: string;
  wijzigingsdatum?: string;
  datumKennisgevingInburgeringsplicht?: string;
  redenGeenInburgeringsplicht?: 'Volledige ontheffing' | 'Volledige vrijstelling' | 'Inburgeringsplicht voldaan' | 'Verblijfsdoel gewijzigd' | 'Vertrek uit Nederland langer dan een jaar' | 'Overlijden' | 'Overig' | 'Tijdelijke vrijstelling';
}

/** Inburgeringstermijn API, schema Inburgeringstermijn: the term; einddatum is exclusive (the document). */
export interface Inburgeringstermijn {
  startdatum: string;
  einddatum: string;
  wijzigingsdatum?: string;
  verlengingsgrondcode?: string;
  verlengingsgrondomschrijving?: string;
}

/** Examen API, schema Examenresultaat: one exam part on one date (KNM, LE lezen, LU luisteren, SC schrijven, SP spreken). */
export interface Examenresultaat {
  examendatum: string;
  resultaat: 'Geslaagd' | 'Gezakt' | 'Geen';
  redenGeenResultaat?: 'Verwijtbaar' | 'Nietverwijtbaar' | 'Afgemeld' | 'Absent';
  onderdeel: 'KNM' | 'LE' | 'LU' | 'SC' | 'SP';
  niveau?: 'A2' | 'B1' | 'B2';
}

/** Where and as whom Koers talks to DUO: the base URL with /v1, the municipality's OIN, DUO's OIN, mTLS. */
export interface DuoConnection {
  baseUrl: string;
  bron: string;
  doel: string;
  tls?: DuoTls;
}

export type DuoQueryResult<T> =
  | { outcome: 'found'; berichtId: string; value: T }
  /** 404: DUO does not know the person, or has no such fact for them. */
  | { outcome: 'not_found'; berichtId: string }
  /** 400 or 403 (not authorised: e.g. the person is not relevant to the municipality), or the request itself broke the document. */
  | { outcome: 'refused'; berichtId: string; status: number; problems: ContractProblem[] }
  /** 5xx, or an answer the document does not allow: ask again later. */
  | { outcome: 'failed'; berichtId: string; status: number; problems: ContractProblem[] };

export const INBURGERINGSPLICHT_PATH = '/personen/{bsn}/inburgeringsplicht';
export const INBURGERINGSTERMIJN_PATH = '/personen/{bsn}/inburgeringstermijn';
export const EXAMENRESULTATEN_PATH = '/personen/{bsn}/examens/resultaten';

async function query<T>(api: DuoApi, template: string, c: DuoConnection, bsn: string): Promise<DuoQueryResult<T>> {
  const doc = duoDocument(api);
  const berichtId = randomUUID();
  const headers = { bron: c.bron, doel: c.doel, berichtId };
  const before = doc.validateRequest('get', template, { path: { bsn }, headers });
  if (before.length > 0) return { outcome: 'refused', berichtId, status: 0, problems: before };
  const res = await duoHttp({ method: 'GET', url: `${c.baseUrl}${template.replace('{bsn}', encodeURIComponent(bsn))}`, headers, ...(c.tls ? { tls: c.tls } : {}) });
  let body: unknown;
  try {
    body = res.text === '' ? undefined : (JSON.parse(res.text) as unknown);
  } catch {
    return { outcome: 'failed', berichtId, status: res.status, problems: [{ at: 'body', message: 'geen JSON' }] };
  }
  const problems = doc.validateResponse('get', template, { status: res.status, headers: res.headers, body });
  if (problems.length > 0) return { outcome: 'failed', berichtId, status: res.status, problems };
  // Validated against the operation's 200 schema just above: the cast states what ajv checked.
  if (res.status === 200) return { outcome: 'found', berichtId, value: body as T };
  if (res.status === 404) return { outcome: 'not_found', berichtId };
  if (res.status === 400 || res.status === 403) return { outcome: 'refused', berichtId, status: res.status, problems: [] };
  return { outcome: 'failed', berichtId, status: res.status, problems: [] };
}

/** The person's current integration duty as DUO holds it. */
export const fetchInburgeringsplicht = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<Inburgeringsplicht>> =>
  query<Inburgeringsplicht>('Inburgeringsplicht', INBURGERINGSPLICHT_PATH, c, bsn);

/** The person's current integration term as DUO holds it. */
export const fetchInburgeringstermijn = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<Inburgeringstermijn>> =>
  query<Inburgeringstermijn>('Inburgeringstermijn', INBURGERINGSTERMIJN_PATH, c, bsn);

/** Every exam result DUO holds for the person (the document: an array of Examenresultaat). */
export const fetchExamenresultaten = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<Examenresultaat[]>> =>
  query<Examenresultaat[]>('Examen', EXAMENRESULTATEN_PATH, c, bsn);
