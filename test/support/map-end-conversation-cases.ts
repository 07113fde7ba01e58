// Isolation cases of the MAP end conversation (issue #12: R-MAP-1, R-MAP-3). Everyone who sees the
// participant reads it; the provider's writes (preparation, proposed date) are refused the matrix's own
// provider with 403, for Taalpunt serves the fixture for a language product only; the outcome is the
// own municipality's consultant's (404 for everyone else). The MAP provider's own writes are tested in
// test/map-end-conversation.int.test.ts.
import { organisationId } from '../../src/features/organisations/store.js';
import { onlyOwnConsultant, type Actor, type Case, type Expect, type Fixture } from './matrix.js';
import type { Client } from './koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');
const path = (f: Fixture) => `/api/v1/participants/${f.participantId}/map-end-conversation`;

const readers = { ...onlyOwnConsultant(200), ownProvider: 200, self: 200 } as Record<Actor, Expect>;
const writers = { ...onlyOwnConsultant(404), ownConsultant: 404, ownProvider: 403 } as Record<Actor, Expect>;

/** The outcome needs a MAP referral of the participant: the own consultant refers it to WerkWijs. */
async function mapReferral(f: Fixture, as: (a: 'ownConsultant' | 'ownProvider') => Client): Promise<Fixture> {
  const referral = await as('ownConsultant').post('/api/v1/referrals', { participantId: f.participantId, providerId: WERKWIJS, productCode: 'map' });
  if (referral.status !== 201) throw new Error(`map end conversation fixture: ${referral.status} ${JSON.stringify(referral.body)}`);
  return { ...f, objectId: referral.body.id };
}

export function mapEndConversationCases(): Case[] {
  return [
    { name: 'GET /api/v1/participants/:id/map-end-conversation', mutates: false, call: (c, f) => c.get(path(f)), expect: readers },
    {
      name: 'PUT /api/v1/participants/:id/map-end-conversation/preparation',
      mutates: true,
      call: (c, f) => c.request('PUT', `${path(f)}/preparation`, { referralId: f.referralId, version: 0, answers: { 'jc.ways': 'Via het UWV.' }, choices: { professionalCompetences: ['travel'], employeeCompetences: [] } }),
      expect: writers,
    },
    {
      name: 'PUT /api/v1/participants/:id/map-end-conversation/planning',
      mutates: true,
      call: (c, f) => c.request('PUT', `${path(f)}/planning`, { referralId: f.referralId, version: 0, plannedOn: '2027-12-20' }),
      expect: writers,
    },
    {
      name: 'PUT /api/v1/participants/:id/map-end-conversation/outcome',
      mutates: true,
      prepare: mapReferral,
      call: (c, f) => c.request('PUT', `${path(f)}/outcome`, { version: 0, heldOn: '2026-12-20', outcome: 'notYet', reason: 'Thema werk vinden nog oefenen.' }),
      expect: onlyOwnConsultant(200),
    },
  ];
}
