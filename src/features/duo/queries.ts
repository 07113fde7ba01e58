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
export const LBT_RESULTATEN_PATH = '/personen/{bsn}/lbt/resultaten';
export const VRIJSTELLINGEN_PATH = '/personen/{bsn}/vrijstellingen';
export const ONTHEFFINGEN_PATH = '/personen/{bsn}/ontheffingen';
export const PIP_PATH = '/personen/{bsn}/PIP';
export const MAP_PATH = '/personen/{bsn}/map';
export const PVT_PATH = '/personen/{bsn}/pvt';
export const UREN_PATH = '/personen/{bsn}/uren';
export const INSTELLINGEN_PATH = '/instellingen';

/** Leerbaarheidstoets API, schema Resultaat: one learnability test (scores as DUO writes them, "12,50"). */
export interface LeerbaarheidstoetsResultaat {
  resultaat: 'B1-route haalbaar' | 'B1-route niet haalbaar' | 'Onbekend';
  behaaldeScore: string;
  benodigdeScore: string;
  datumAfname: string;
}

type Oordeel = 'Toekenning' | 'Afwijzing';
/** Vrijstelling API, schema Vrijstelling: one of the three kinds per item. */
export interface Vrijstelling {
  GeheleVrijstelling?: { oordeel: Oordeel; reden: string; datumOordeel?: string };
  TijdelijkeVrijstelling?: { oordeel: Oordeel; reden: string; datumOordeel?: string; startdatum?: string; einddatum?: string };
  GedeeltelijkeVrijstelling?: { oordeel: Oordeel; reden: string; datumOordeel?: string; examenonderdeel?: 'LE' | 'LU' | 'SC' | 'SP'; examenniveau?: 'A2' | 'B1' };
}

/** Ontheffing API, schema Ontheffing. */
export interface Ontheffing {
  GeheleOntheffing?: { oordeel: Oordeel; datumOordeel: string; grond: 'BIO' | 'MED' };
  GedeeltelijkeOntheffing?: { oordeel: Oordeel; datumOordeel: string; grond: 'BIO' | 'MED'; examenonderdeel?: 'KNM' | 'LE' | 'LU' | 'SC' | 'SP'; urenBelastbaarheidParticipatieactiviteit?: number };
}

/** PIP API, schema Gemeente: the current PIP and the municipality it is of (README "Raadplegen PIP"). */
export interface ActuelePip {
  gemeentecode: string;
  pip: { dagtekeningPip: string; leerroute: 'B' | 'O' | 'Z'; niveau?: 'A2' | 'B1'; geschatteIntensiteitB1Route?: number; indicatorMagOpleidingAfmaken?: boolean; indicatorAlfabetiseringsonderwijs?: 'A' | 'AA' | 'NVT' };
}

/** Gevolgde Uren API, schema Gemeente: the hours DUO holds per municipality. */
export interface UrenPerGemeente {
  gemeentecode?: string;
  bekendTot?: string;
  ParticipatieAlsTaalles?: { uren: number };
  ParticipatieactiviteitenBredeIntake?: { uren: number };
  TaallesEnKnmBredeIntake?: { uren: number };
}

/** Inburgeringsaanbod API, schema Instelling: an institution DUO knows. */
export interface Instelling {
  instellingsnummer: string;
  naam: string;
  postcode: string;
  huisnummer: number;
  huisnummertoevoeging?: string;
  plaatsnaam: string;
  bow?: string;
  brin?: string;
  indicatieBowKeurmerk?: boolean;
  indicatieTstKeurmerk?: boolean;
}

async function query<T>(api: DuoApi, template: string, c: DuoConnection, bsn: string | null): Promise<DuoQueryResult<T>> {
  const doc = duoDocument(api);
  const berichtId = randomUUID();
  const headers = { bron: c.bron, doel: c.doel, berichtId };
  const before = doc.validateRequest('get', template, { path: bsn === null ? {} : { bsn }, headers });
  if (before.length > 0) return { outcome: 'refused', berichtId, status: 0, problems: before };
  const res = await duoHttp({ method: 'GET', url: `${c.baseUrl}${bsn === null ? template : template.replace('{bsn}', encodeURIComponent(bsn))}`, headers, ...(c.tls ? { tls: c.tls } : {}) });
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

/** The person's learnability tests (Leerbaarheidstoets API). */
export const fetchLeerbaarheidstoets = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<LeerbaarheidstoetsResultaat[]>> =>
  query<LeerbaarheidstoetsResultaat[]>('Leerbaarheidstoets', LBT_RESULTATEN_PATH, c, bsn);

/** The person's exemptions (Vrijstelling API). */
export const fetchVrijstellingen = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<Vrijstelling[]>> => query<Vrijstelling[]>('Vrijstelling', VRIJSTELLINGEN_PATH, c, bsn);

/** The person's dispensations (Ontheffing API). */
export const fetchOntheffingen = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<Ontheffing[]>> => query<Ontheffing[]>('Ontheffing', ONTHEFFINGEN_PATH, c, bsn);

/** The current PIP, possibly of a previous municipality (PIP API, README "Raadplegen PIP"). */
export const fetchActuelePip = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<ActuelePip>> => query<ActuelePip>('PIP', PIP_PATH, c, bsn);

/** The MAP end-conversation date DUO holds. */
export const fetchDatumMap = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<{ datumEindgesprekMap: string }>> => query('MAP,PVT,Zroute', MAP_PATH, c, bsn);

/** The PVT signing date DUO holds. */
export const fetchDatumPvt = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<{ datumOndertekeningPvt: string }>> => query('MAP,PVT,Zroute', PVT_PATH, c, bsn);

/** The hours followed DUO holds, per municipality (Gevolgde Uren API). */
export const fetchUren = (c: DuoConnection, bsn: string): Promise<DuoQueryResult<UrenPerGemeente[]>> => query<UrenPerGemeente[]>('GevolgdeUren', UREN_PATH, c, bsn);

/** The institutions DUO knows (Inburgeringsaanbod API): no person in the question. */
export const fetchInstellingen = (c: DuoConnection): Promise<DuoQueryResult<Instelling[]>> => query<Instelling[]>('Inburgeringsaanbod', INSTELLINGEN_PATH, c, null);
