// Isolation cases of issue #12: participation activities, hours per kind and the ladder (R-MAP-2,
// R-MAP-4, R-HRS-1). The matrix's own provider (Taalpunt) serves the fixture for a language product:
// it reads every participation route but is refused (403) every write — the language provider sees the
// activities, it does not change them (docs/architecture.md, "Participation"). The participation
// provider's own writes are tested in test/participation.int.test.ts.
import { randomUUID } from 'node:crypto';
import { organisationId } from '../../src/features/organisations/store.js';
import { invoicingKoers } from './invoicing-cases.js';
import { onlyOwnConsultant, type Actor, type Case, type Expect, type Fixture } from './matrix.js';
import type { Client } from './koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');

const readers = { ...onlyOwnConsultant(200), ownProvider: 200, self: 200 } as Record<Actor, Expect>;
/** A write: the route's permission is the coordinator's; the language provider is refused with 403. */
const writers = { ...onlyOwnConsultant(404), ownConsultant: 404, ownProvider: 403 } as Record<Actor, Expect>;

const activity = (f: Fixture) => ({ referralId: f.referralId, kind: 'volunteering', organisation: 'Voedselbank Hoorn', startDate: '2026-12-20', endDate: '2026-12-20', minutes: 120 });

/** An activity WerkWijs registered under a MAP referral of the fixture's participant. */
async function werkwijsActivity(f: Fixture, as: (a: 'ownConsultant' | 'ownProvider') => Client): Promise<Fixture> {
  const koers = invoicingKoers.current;
  if (koers === undefined) throw new Error('invoicingKoers.current is not set');
  const referral = await as('ownConsultant').post('/api/v1/referrals', { participantId: f.participantId, providerId: WERKWIJS, productCode: 'map' });
  if (referral.status !== 201) throw new Error(`participation fixture: ${referral.status} ${JSON.stringify(referral.body)}`);
  const user = await koers.db.query<{ id: string }>(`SELECT id FROM app_user ORDER BY email LIMIT 1`);
  const activityId = randomUUID();
  await koers.db.query(
    `INSERT INTO participation_activity (id, activity_id, version, participant_id, referral_id, provider_id, municipality_id, kind, product_kind, organisation, start_date, end_date, minutes, recorded_by, recorded_at)
     SELECT $1, $2, 1, r.participant_id, r.id, r.provider_id, r.municipality_id, 'companyVisit', 'map', 'Bakkerij Vink', r.referred_on, r.referred_on, 120, $3, now() FROM referral r WHERE r.id = $4`,
    [randomUUID(), activityId, user[0]?.id, referral.body.id],
  );
  return { ...f, objectId: activityId };
}

/** The participation list (issue #12): a fresh participant with a MAP referral to WerkWijs; 'self' is the shared participant, so hidden. */
const listed = { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden', self: 'hidden', otherParticipant: 'hidden' } as Record<Actor, Expect>;

export function participationCases(): Case[] {
  return [
    {
      name: 'GET /api/v1/participation/participants',
      mutates: true,
      prepare: werkwijsActivity,
      call: (c) => c.get('/api/v1/participation/participants?pageSize=100'),
      contains: (b, f) => b.items.some((r: { participantId: string }) => r.participantId === f.participantId),
      expect: listed,
    },
    {
      name: 'GET /api/v1/participation/participants/export',
      mutates: true,
      prepare: werkwijsActivity,
      call: (c) => c.get('/api/v1/participation/participants/export?format=csv'),
      contains: (b, f) => String(b).includes(f.participantId),
      expect: listed,
    },
    { name: 'GET /api/v1/participants/:id/participation-activities', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/participation-activities`), expect: readers },
    { name: 'GET /api/v1/participants/:id/participation-summary', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/participation-summary`), expect: readers },
    { name: 'GET /api/v1/participants/:id/participation-ladder', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/participation-ladder`), expect: readers },
    { name: 'GET /api/v1/participants/:id/map-themes', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/map-themes`), expect: readers },
    {
      name: 'PUT /api/v1/participants/:id/map-themes/:theme',
      mutates: true,
      call: (c, f) => c.request('PUT', `/api/v1/participants/${f.participantId}/map-themes/network`, { referralId: f.referralId, status: 'inProgress' }),
      expect: writers,
    },
    { name: 'POST /api/v1/participants/:id/participation-activities', mutates: true, call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/participation-activities`, activity(f)), expect: writers },
    {
      name: 'POST /api/v1/participants/:id/participation-ladder',
      mutates: true,
      call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/participation-ladder`, { referralId: f.referralId, step: 2, moment: 'atReferral', recordedOn: '2026-12-20' }),
      expect: writers,
    },
    {
      // A file names its rows' referrals: a referral that is not a participation or MAP referral of the
      // importing provider is a bad row (422, nothing stored), as in the hours push.
      name: 'POST /api/v1/imports/participation-activities',
      mutates: true,
      call: (c, f) =>
        c.upload('/api/v1/imports/participation-activities', Buffer.from(`eigen-id;deelnemer-id;aanmelding-id;soort;organisatie;begindatum;einddatum;minuten\ni-1;${f.participantId};${f.referralId};stage;Bakkerij Vink;2026-12-20;2026-12-20;120`), 'text/csv'),
      expect: { ...writers, ownProvider: 422, otherProvider: 422 },
    },
    {
      name: 'PUT /api/v1/participation-activities/:id',
      mutates: true,
      prepare: werkwijsActivity,
      call: (c, f) => c.request('PUT', `/api/v1/participation-activities/${f.objectId}`, { ...activity(f), referralId: undefined, version: 1, minutes: 60 }),
      expect: writers,
    },
  ];
}
