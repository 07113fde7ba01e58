// R-EXC-4: DUO's rules for the deliveries besides the PIP, in the words of duo-m2m/README.md
// "Module Arbeidsmarkt en Participatie (MAP)", "Participatieverklaringstraject (PVT)" and
// "Inburgeringsaanbod". Pure: the client checks a delivery with them BEFORE sending it (the runner asks
// DUO for the facts they read: the term, the current PIP, the institutions) and the simulator applies the
// same rules on receipt, so what DUO would refuse is refused in Koers first, on the field that breaks
// the rule, with a Dutch reason. The shape (formats, enums, ranges) is the OpenAPI document's job
// (src/features/duo/openapi.ts). The README names no rules for the Z-route completion or Gevolgde Uren:
// only their documents apply. Choices the README leaves open are marked Assumption (docs/duo.md).
import { addMonths, compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { Leerroute } from './pip-rules.js';

export type Verwijtbaar = 'Ja' | 'Nee';

/** MAP,PVT,Zroute document, schema ResultaatMap: the whole resource, replaced by a PUT. */
export interface ResultaatMap {
  datumEindgesprekMap?: IsoDate;
  verwijtbaar?: Verwijtbaar;
}

/** MAP,PVT,Zroute document, schema ResultaatPvt. */
export interface ResultaatPvt {
  datumOndertekeningPvt?: IsoDate;
  verwijtbaar?: Verwijtbaar;
}

/** MAP,PVT,Zroute document, schema ResultaatZroute. */
export interface ResultaatZroute {
  datumAfrondingZroute?: IsoDate;
}

/** What DUO knows when a MAP date or a PVT date arrives; the client takes it from DUO's own answers. */
export interface EindmomentFacts {
  today: IsoDate;
  /** DUO already holds a date of this kind for the person: this delivery is a change. */
  datumBekend: boolean;
  /** ...and that date was delivered by this municipality. */
  datumDoorGemeente: boolean;
  /** The municipality has the person's current PIP. */
  actuelePipVanGemeente: boolean;
  /** The integration duty is fulfilled through the Z-route. */
  plichtVoldaanViaZroute: boolean;
  /** The integration term (einddatum exclusive, as the Inburgeringstermijn document has it); null when not set. */
  termijn: { startdatum: IsoDate; einddatum: IsoDate } | null;
  datumAfrondingZroute: IsoDate | null;
}

export type EindmomentRule =
  | 'wijzigingNietDoorGemeente'
  | 'geenActuelePip'
  | 'voldaanViaZroute'
  | 'voorStartTermijn'
  | 'naAfrondingZroute'
  | 'inDeToekomst'
  | 'intrekkenNaAfrondingZroute'
  | 'verwijtbaarOntbreekt'
  | 'verwijtbaarVoorEindeTermijn'
  | 'neeBuitenTweeMaanden'
  | 'jaZonderOverschrijding';

export interface DeliveryRefusal<F extends string, R extends string> {
  /** The field that breaks the rule, as the document names it. */
  field: F;
  rule: R;
  /** Dutch, for the consultant and as DUO's `fouttekst` (at most 200 characters). */
  reason: string;
}

const before = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) < 0;

/** The words of one README section, with `{datum}` for "de datum eindgesprek MAP" or "de datum ondertekening PVT". */
function eindmomentReasons(datum: string): Record<EindmomentRule, string> {
  const D = datum.charAt(0).toUpperCase() + datum.slice(1);
  return {
    wijzigingNietDoorGemeente: `Bij een wijziging moet ${datum} eerder door uw gemeente zijn geleverd.`,
    geenActuelePip: 'Uw gemeente moet een actueel PIP hebben voor de inburgeringsplichtige.',
    voldaanViaZroute: 'De inburgeringsplicht is al voldaan via de Z-route.',
    voorStartTermijn: `${D} mag niet voor de startdatum van de inburgeringstermijn liggen.`,
    naAfrondingZroute: `${D} mag niet na de datum afronding Z-route liggen.`,
    inDeToekomst: `${D} mag niet in de toekomst liggen.`,
    intrekkenNaAfrondingZroute: `${D} kan niet worden ingetrokken: de datum afronding Z-route is al geregistreerd.`,
    verwijtbaarOntbreekt: "Bij een overschrijding van de inburgeringstermijn moet 'verwijtbaar' (Ja/Nee) worden geleverd.",
    verwijtbaarVoorEindeTermijn: `${D} ligt voor de einddatum van de inburgeringstermijn: 'verwijtbaar' mag dan niet worden geleverd.`,
    neeBuitenTweeMaanden: "'Verwijtbaar' mag alleen 'Nee' zijn als de einddatum van de inburgeringstermijn binnen twee maanden valt.",
    jaZonderOverschrijding: "'Verwijtbaar' mag alleen 'Ja' zijn als de inburgeringstermijn is overschreden.",
  };
}

/**
 * The README's rules for the MAP end-conversation date and the PVT signing date (the two sections are the
 * same rules on another date). Assumption: "overschrijding van de inburgeringstermijn" is a date on or
 * after the term's einddatum (exclusive end), the complement of "voor de einddatum", so the two verwijtbaar
 * rules agree; "binnen twee maanden" counts from that einddatum to the date delivered.
 */
function refuseEindmoment<F extends string>(datum: IsoDate | undefined, verwijtbaar: Verwijtbaar | undefined, f: EindmomentFacts, fields: { datum: F; verwijtbaar: F }, words: string): DeliveryRefusal<F, EindmomentRule>[] {
  const reasons = eindmomentReasons(words);
  const out: DeliveryRefusal<F, EindmomentRule>[] = [];
  const no = (field: F, rule: EindmomentRule) => out.push({ field, rule, reason: reasons[rule] });
  if (f.datumBekend && !f.datumDoorGemeente) no(fields.datum, 'wijzigingNietDoorGemeente');
  if (!f.actuelePipVanGemeente) no(fields.datum, 'geenActuelePip');
  if (f.plichtVoldaanViaZroute) no(fields.datum, 'voldaanViaZroute');
  if (datum === undefined) {
    // Withdrawing the date: only while no Z-route completion is registered.
    if (f.datumAfrondingZroute) no(fields.datum, 'intrekkenNaAfrondingZroute');
    return out;
  }
  if (f.termijn && before(datum, f.termijn.startdatum)) no(fields.datum, 'voorStartTermijn');
  if (f.datumAfrondingZroute && before(f.datumAfrondingZroute, datum)) no(fields.datum, 'naAfrondingZroute');
  if (before(f.today, datum)) no(fields.datum, 'inDeToekomst');
  const overschreden = f.termijn !== null && !before(datum, f.termijn.einddatum);
  if (verwijtbaar === undefined) {
    if (overschreden) no(fields.verwijtbaar, 'verwijtbaarOntbreekt');
    return out;
  }
  if (f.termijn && before(datum, f.termijn.einddatum)) no(fields.verwijtbaar, 'verwijtbaarVoorEindeTermijn');
  if (verwijtbaar === 'Nee' && !(f.termijn && before(datum, addMonths(f.termijn.einddatum, 2)))) no(fields.verwijtbaar, 'neeBuitenTweeMaanden');
  if (verwijtbaar === 'Ja' && !overschreden) no(fields.verwijtbaar, 'jaZonderOverschrijding');
  return out;
}

/** README "Module Arbeidsmarkt en Participatie (MAP)": every rule the delivery breaks; empty when DUO registers it. */
export function refuseMap(body: ResultaatMap, f: EindmomentFacts): DeliveryRefusal<'datumEindgesprekMap' | 'verwijtbaar', EindmomentRule>[] {
  return refuseEindmoment(body.datumEindgesprekMap, body.verwijtbaar, f, { datum: 'datumEindgesprekMap', verwijtbaar: 'verwijtbaar' }, 'de datum eindgesprek MAP');
}

/** README "Participatieverklaringstraject (PVT)": the same rules on the signing date. */
export function refusePvt(body: ResultaatPvt, f: EindmomentFacts): DeliveryRefusal<'datumOndertekeningPvt' | 'verwijtbaar', EindmomentRule>[] {
  return refuseEindmoment(body.datumOndertekeningPvt, body.verwijtbaar, f, { datum: 'datumOndertekeningPvt', verwijtbaar: 'verwijtbaar' }, 'de datum ondertekening PVT');
}

/** Inburgeringsaanbod document, schema Inburgeringsaanbod. */
export interface Inburgeringsaanbod {
  datumInburgeringsaanbod?: IsoDate;
  verwachteStartdatumOpleiding?: IsoDate;
  verwachteEinddatumOpleiding?: IsoDate;
  indicatorAlfabetiseringsonderwijs: 'A' | 'AA' | 'NVT';
}

/** What DUO knows when an Inburgeringsaanbod arrives. */
export interface AanbodFacts {
  /** An asylum migrant (asielstatushouder); null when Koers cannot tell (then DUO decides). */
  asielmigrant: boolean | null;
  /** The person's current PIP (any municipality); null when DUO holds none. */
  actuelePip: { dagtekeningPip: IsoDate; leerroute: Leerroute } | null;
  /** The institution in DUO's list (GET /instellingen); null when DUO does not know it. */
  instelling: { indicatieBowKeurmerk?: boolean; indicatieTstKeurmerk?: boolean } | null;
  termijn: { startdatum: IsoDate; einddatum: IsoDate } | null;
}

export type AanbodField = keyof Inburgeringsaanbod | 'instellingsnummer' | 'bsn';
export type AanbodRule = 'geenAsielmigrant' | 'geenPip' | 'instellingNietErkend' | 'voorDagtekeningPip' | 'startVoorAanbod' | 'buitenTermijn';

const AANBOD_REASONS: Record<AanbodRule, string> = {
  geenAsielmigrant: 'Een inburgeringsaanbod kan alleen voor een asielmigrant worden geleverd.',
  geenPip: 'De persoon heeft geen PIP: lever eerst het PIP.',
  instellingNietErkend: 'De instelling is bij DUO niet bekend als instelling met het keurmerk van Blik op Werk (of, bij de onderwijsroute, als erkende taalschakelinstelling).',
  voorDagtekeningPip: 'De datum van het inburgeringsaanbod mag niet voor de datum dagtekening van het actuele PIP liggen.',
  startVoorAanbod: 'De startdatum van de opleiding mag niet voor de datum inburgeringsaanbod liggen.',
  buitenTermijn: 'De start- en einddatum van de opleiding mogen niet buiten de inburgeringstermijn liggen.',
};

const DATES = ['datumInburgeringsaanbod', 'verwachteStartdatumOpleiding', 'verwachteEinddatumOpleiding'] as const;

/**
 * README "Inburgeringsaanbod". Assumption: the README's 'datumAanvangTaalschakeltraject' is the document's
 * verwachteStartdatumOpleiding, and its 'datumEindeCursus' has no field in the document (so only "not before
 * datumInburgeringsaanbod" is checked); "de data van het inburgeringsaanbod" are its three dates.
 */
export function refuseAanbod(body: Inburgeringsaanbod, f: AanbodFacts): DeliveryRefusal<AanbodField, AanbodRule>[] {
  const out: DeliveryRefusal<AanbodField, AanbodRule>[] = [];
  const no = (field: AanbodField, rule: AanbodRule) => out.push({ field, rule, reason: AANBOD_REASONS[rule] });
  if (f.asielmigrant === false) no('bsn', 'geenAsielmigrant');
  if (!f.actuelePip) no('bsn', 'geenPip');
  const erkend = f.actuelePip?.leerroute === 'O' ? f.instelling?.indicatieTstKeurmerk : f.instelling?.indicatieBowKeurmerk;
  if (!erkend) no('instellingsnummer', 'instellingNietErkend');
  for (const field of DATES) {
    const d = body[field];
    if (d && f.actuelePip && before(d, f.actuelePip.dagtekeningPip)) no(field, 'voorDagtekeningPip');
  }
  if (body.verwachteStartdatumOpleiding && body.datumInburgeringsaanbod && before(body.verwachteStartdatumOpleiding, body.datumInburgeringsaanbod)) no('verwachteStartdatumOpleiding', 'startVoorAanbod');
  if (f.termijn) {
    // Both ends exclusive (the documents): a start on the term's einddatum is outside it, an end on it is not.
    const start = body.verwachteStartdatumOpleiding;
    const end = body.verwachteEinddatumOpleiding;
    if (start && (before(start, f.termijn.startdatum) || !before(start, f.termijn.einddatum))) no('verwachteStartdatumOpleiding', 'buitenTermijn');
    if (end && (!before(f.termijn.startdatum, end) || before(f.termijn.einddatum, end))) no('verwachteEinddatumOpleiding', 'buitenTermijn');
  }
  return out;
}
