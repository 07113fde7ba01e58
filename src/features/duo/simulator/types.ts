// R-EXC-4: the DUO simulator's shapes (server.ts): the persons it is seeded with, what the deliveries
// registered for them, its options and its handle for the tests and the demo.
import type { Pip } from '../../../domain/duo/pip-rules.js';
import type { Inburgeringsaanbod, ResultaatMap, ResultaatPvt, ResultaatZroute } from '../../../domain/duo/delivery-rules.js';
import type { Examenresultaat, Inburgeringsplicht, Inburgeringstermijn, Instelling, LeerbaarheidstoetsResultaat, Ontheffing, UrenPerGemeente, Vrijstelling } from '../queries.js';

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
  leerbaarheidstoets?: LeerbaarheidstoetsResultaat[];
  vrijstellingen?: Vrijstelling[];
  ontheffingen?: Ontheffing[];
}

export interface StoredPip {
  gemeentecode: string;
  pip: Pip;
}

/** What DUO registered for a person from the other deliveries, each with the municipality that delivered it. */
export interface PersonRecords {
  map?: { gemeentecode: string; value: ResultaatMap };
  pvt?: { gemeentecode: string; value: ResultaatPvt };
  zroute?: { gemeentecode: string; value: ResultaatZroute };
  /** gemeentecode → the hours that municipality delivered. */
  uren: Map<string, UrenPerGemeente>;
  /** instellingsnummer → the offer (README: "per instelling", a new one overwrites). */
  aanbod: Map<string, { gemeentecode: string; value: Inburgeringsaanbod }>;
}


export interface DuoSimulator {
  url: string;
  addPerson(person: SimulatedPerson): void;
  /** Every PIP registered for a person, oldest first: what the tests count to see a delivery stored once. */
  pips(bsn: string): readonly StoredPip[];
  /** What the other deliveries registered for a person. */
  records(bsn: string): PersonRecords;
  /** How many POSTs, PUTs and DELETEs with a well-formed message arrived, repeats included: what a test counts to see one send per message. */
  posts(): number;
  /** What DUO knows of a person now (demo: after a first question made it up). */
  person(bsn: string): SimulatedPerson | undefined;
  /** Changes what DUO knows of a person (e.g. a new exam result), as DUO's own processes would. With `bron` (demo): a person not known yet is made by unknownPerson as that municipality's resident first. */
  updatePerson(bsn: string, change: Partial<Omit<SimulatedPerson, 'bsn'>>, bron?: string): void;
  /**
   * Notificering (Interactiepatronen): tells the person's municipality that event `gebeurtenisId`
   * (Gebeurtenissen.md, e.g. SS101, SS199) happened; the municipality then fetches the data. The body is
   * checked against the Notificatie document before it goes. The same berichtId again is a repeat. With
   * `doelOin`, sent to that municipality whatever DUO knows of the person (a person Koers does not know).
   */
  notify(bsn: string, gebeurtenisId: string, berichtId?: string, doelOin?: string): Promise<SentNotification>;
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
  /** The institutions DUO knows (GET /instellingen; the Inburgeringsaanbod's rule on BoW and TST). */
  instellingen?: readonly Instelling[];
  /** The simulator's today, for "not in the future" (default: the real date). */
  today?: () => string;
}

export interface SentNotification {
  berichtId: string;
  /** Koers' answer; 0 when no notification URL is known. */
  status: number;
}

