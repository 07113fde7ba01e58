// The isolation matrix's vocabulary (R-SEC-1): the actors, the fixture a case runs on, and what each
// actor must get. Shared by test/isolation.int.test.ts and the case lists it spreads in.
import type { Client } from './koers.js';

export type Actor = 'ownConsultant' | 'otherConsultant' | 'policyOfficer' | 'ownProvider' | 'otherProvider' | 'teacher' | 'contractManager' | 'self' | 'otherParticipant' | 'admin' | 'anonymous';
export const ACTORS: Actor[] = ['ownConsultant', 'otherConsultant', 'policyOfficer', 'ownProvider', 'otherProvider', 'teacher', 'contractManager', 'self', 'otherParticipant', 'admin', 'anonymous'];

export interface Fixture {
  /** Set by a case's prepare: the report, scaling request or exam attempt the call is about. */
  objectId?: string;
  participantId: string;
  referralId: string;
  signalId: string;
  bsn: string;
  /** Set on the deep fixture: a learning plan approved and a signed copy uploaded. */
  planId?: string;
  documentId?: string;
  lockVersion?: number;
  /** Set on a group fixture: a Taalpunt group with the participant as member, its lessons, and (with 'absent') a recorded absence. */
  groupId?: string;
  otherGroupId?: string;
  lessonId?: string;
  /** Set by an invoicing case's prepare (issue #11): an invoice with a line of the participant. */
  invoiceId?: string;
  lineId?: string;
}

/** What each endpoint answers each actor. `visible` means 200 and the fixture is in the answer. */
export type Expect = number | 'visible' | 'hidden';

export interface Case {
  name: string;
  /** Mutating endpoints get a fresh fixture per actor, so one actor's success cannot hide another's leak. */
  mutates: boolean;
  /** Needs a referral with an approved plan (and, when not mutating, an uploaded document). */
  deep?: boolean;
  /** Needs a group: 'empty' (participant not yet placed), 'member', or 'absent' (an absence recorded). */
  group?: 'empty' | 'member' | 'absent';
  call: (c: Client, f: Fixture) => Promise<{ status: number; body: any; headers: Headers }>;
  contains?: (body: any, f: Fixture) => boolean;
  /** Makes the object the call needs (as the own consultant or provider), before the snapshot. */
  prepare?: (f: Fixture, as: (actor: 'ownConsultant' | 'ownProvider') => Client) => Promise<Fixture>;
  expect: Record<Actor, Expect>;
}

export const onlyOwnConsultant = (ok: Expect): Record<Actor, Expect> => ({
  ownConsultant: ok, otherConsultant: 404, policyOfficer: 404, ownProvider: 404, otherProvider: 404, teacher: 404, contractManager: 404, self: 404, otherParticipant: 404, admin: 404, anonymous: 401,
});
export const everyone = (ok: Expect): Record<Actor, Expect> => ({
  ownConsultant: ok, otherConsultant: ok, policyOfficer: ok, ownProvider: ok, otherProvider: ok, teacher: ok, contractManager: ok, self: ok, otherParticipant: ok, admin: ok, anonymous: 401,
});

export const onlyOwnProvider = (ok: Expect): Record<Actor, Expect> => ({ ...onlyOwnConsultant(404), ownProvider: ok });

