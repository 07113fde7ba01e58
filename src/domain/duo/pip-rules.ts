// R-EXC-4: DUO's rules for registering a PIP (Persoonlijk Plan Inburgering en Participatie), in the words
// of duo-m2m/README.md "Persoonlijk Plan Inburgering en Participatie (PIP)". Pure: the client checks a
// PIP with them BEFORE sending it (src/features/duo/pip.ts) and the simulator applies the same rules on
// receipt, so what DUO would refuse is refused in Koers first, on the field that breaks the rule, with a
// Dutch reason. The shape of the PIP itself (enums, required fields, ranges) is the OpenAPI document's
// job (src/features/duo/openapi.ts); these are the rules the document cannot express.
import { compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';

/** The PIP's codes as the document defines them: B = B1-route, O = Onderwijsroute, Z = Zelfstandigheidsroute. */
export type Leerroute = 'B' | 'O' | 'Z';
export type NiveauPip = 'A2' | 'B1';

/** The fields of the PIP document's `PIP` schema the rules read. */
export interface Pip {
  dagtekeningPip: IsoDate;
  leerroute: Leerroute;
  niveau?: NiveauPip;
  geschatteIntensiteitB1Route?: number;
  indicatorMagOpleidingAfmaken?: boolean;
  indicatorAlfabetiseringsonderwijs?: 'A' | 'AA' | 'NVT';
}

/** What DUO knows of the person when a PIP arrives; the client takes them from DUO's own answers. */
export interface PipFacts {
  /** Start of the integration duty (Inburgeringsplicht); null when DUO has none. */
  startInburgeringsplicht: IsoDate | null;
  /** The date the person settled in the delivering municipality; null when unknown. */
  vestigingGemeente: IsoDate | null;
  /** The first PIP ever registered for the person, any municipality; null on a first PIP. */
  initielePip: { dagtekeningPip: IsoDate } | null;
  /** The current PIP (the one a new delivery changes); null on a first PIP. */
  actuelePip: { dagtekeningPip: IsoDate } | null;
  /** An asylum migrant (asielstatushouder): the only ones with an estimated B1-route intensity. */
  asielmigrant: boolean;
}

export type PipRule =
  | 'dagtekeningVoorPlicht'
  | 'dagtekeningVoorEerderePip'
  | 'dagtekeningVoorVestiging'
  | 'a2MetOnderwijsroute'
  | 'b1MetZroute'
  | 'a2MetB1RouteEerstePip'
  | 'intensiteitAlleenB1Route'
  | 'intensiteitAlleenAsielmigrant';

export interface PipRefusal {
  /** The PIP field that breaks the rule, as the document names it. */
  field: keyof Pip;
  rule: PipRule;
  /** Dutch, for the consultant and as DUO's `fouttekst` (at most 200 characters). */
  reason: string;
}

const REASONS: Record<PipRule, string> = {
  dagtekeningVoorPlicht: 'De datum dagtekening mag niet voor de start van de inburgeringsplicht liggen.',
  dagtekeningVoorEerderePip: 'De datum dagtekening van een gewijzigd PIP mag niet voor de datum dagtekening van het initiële of het actuele PIP liggen.',
  dagtekeningVoorVestiging: 'De datum dagtekening mag niet voor de vestiging van de inburgeraar bij de gemeente liggen.',
  a2MetOnderwijsroute: 'Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd.',
  b1MetZroute: 'Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd.',
  a2MetB1RouteEerstePip: 'Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd als dit het eerste PIP voor de persoon is.',
  intensiteitAlleenB1Route: 'De geschatte intensiteit B1-route mag alleen bij de B1-route worden aangeleverd.',
  intensiteitAlleenAsielmigrant: 'De geschatte intensiteit B1-route mag alleen bij asielmigranten worden aangeleverd.',
};

const refusal = (field: keyof Pip, rule: PipRule): PipRefusal => ({ field, rule, reason: REASONS[rule] });
const before = (a: IsoDate, b: IsoDate): boolean => compareDates(a, b) < 0;

/** Every rule the PIP breaks, in the README's order; empty when DUO registers it. */
export function refusePip(pip: Pip, facts: PipFacts): PipRefusal[] {
  const out: PipRefusal[] = [];
  const d = pip.dagtekeningPip;
  // README "Datum dagtekening".
  if (facts.startInburgeringsplicht && before(d, facts.startInburgeringsplicht)) out.push(refusal('dagtekeningPip', 'dagtekeningVoorPlicht'));
  // "bij een gewijzigde PIP": only when a current PIP exists; the new date may precede neither the initial nor the current one.
  if (facts.actuelePip && [facts.initielePip, facts.actuelePip].some((p) => p && before(d, p.dagtekeningPip))) {
    out.push(refusal('dagtekeningPip', 'dagtekeningVoorEerderePip'));
  }
  if (facts.vestigingGemeente && before(d, facts.vestigingGemeente)) out.push(refusal('dagtekeningPip', 'dagtekeningVoorVestiging'));
  // README "Niveau": the rules read the level as delivered; an absent level is not A2 (DUO then fixes B1
  // for the B1-route and the Onderwijsroute, niveauVastgesteld), so only a delivered B1 breaks the Z-route rule.
  if (pip.niveau === 'A2' && pip.leerroute === 'O') out.push(refusal('niveau', 'a2MetOnderwijsroute'));
  if (pip.niveau === 'B1' && pip.leerroute === 'Z') out.push(refusal('niveau', 'b1MetZroute'));
  // "ongeacht welke gemeente": first means no PIP ever, which initielePip states.
  if (pip.niveau === 'A2' && pip.leerroute === 'B' && !facts.initielePip && !facts.actuelePip) out.push(refusal('niveau', 'a2MetB1RouteEerstePip'));
  // README "Geschatte intensiteit B1 route".
  if (pip.geschatteIntensiteitB1Route !== undefined) {
    if (pip.leerroute !== 'B') out.push(refusal('geschatteIntensiteitB1Route', 'intensiteitAlleenB1Route'));
    if (!facts.asielmigrant) out.push(refusal('geschatteIntensiteitB1Route', 'intensiteitAlleenAsielmigrant'));
  }
  return out;
}

/** README "Niveau": the level DUO registers — the delivered one, else B1 for the B1-route and the Onderwijsroute, else none. */
export function niveauVastgesteld(pip: Pick<Pip, 'leerroute' | 'niveau'>): NiveauPip | null {
  if (pip.niveau) return pip.niveau;
  return pip.leerroute === 'B' || pip.leerroute === 'O' ? 'B1' : null;
}

export type PipDeletionRule = 'termijnVastgesteld' | 'urenGeregistreerd';
export interface PipDeletionRefusal {
  rule: PipDeletionRule;
  reason: string;
}

/** README "Het verwijderen van een PIP": only while no term is set and no course hours of the current offer are registered. */
export function refusePipDeletion(facts: { inburgeringstermijnVastgesteld: boolean; cursusdeelnameurenGeregistreerd: boolean }): PipDeletionRefusal[] {
  const out: PipDeletionRefusal[] = [];
  if (facts.inburgeringstermijnVastgesteld) out.push({ rule: 'termijnVastgesteld', reason: 'Het PIP kan niet worden verwijderd: de inburgeringstermijn is al vastgesteld.' });
  if (facts.cursusdeelnameurenGeregistreerd) out.push({ rule: 'urenGeregistreerd', reason: 'Het PIP kan niet worden verwijderd: er zijn al cursusdeelnameuren bij het actuele inburgeringsaanbod geregistreerd.' });
  return out;
}
