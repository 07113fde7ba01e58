// Isolation cases of the portfolio (issue #12, R-MAP-3). The matrix's own provider (Taalpunt) serves
// the fixture for a language product: it reads every portfolio route but is refused (403) every write,
// as with the participation activities (docs/architecture.md, "Portfolio"). WerkWijs's own writes are
// tested in test/portfolio.int.test.ts.
import { randomUUID } from 'node:crypto';
import { organisationId } from '../../src/features/organisations/store.js';
import { invoicingKoers } from './invoicing-cases.js';
import { A_PDF, type Client } from './koers.js';
import { onlyOwnConsultant, type Actor, type Case, type Expect, type Fixture } from './matrix.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');

const readers = { ...onlyOwnConsultant(200), ownProvider: 200, self: 200 } as Record<Actor, Expect>;
const writers = { ...onlyOwnConsultant(404), ownConsultant: 404, ownProvider: 403 } as Record<Actor, Expect>;

/** An item (with a file) WerkWijs added under a MAP referral of the fixture's participant: objectId is the item, documentId the file. */
async function werkwijsItem(f: Fixture, as: (a: 'ownConsultant' | 'ownProvider') => Client): Promise<Fixture> {
  const koers = invoicingKoers.current;
  if (koers === undefined) throw new Error('invoicingKoers.current is not set');
  const referral = await as('ownConsultant').post('/api/v1/referrals', { participantId: f.participantId, providerId: WERKWIJS, productCode: 'map' });
  if (referral.status !== 201) throw new Error(`portfolio fixture: ${referral.status} ${JSON.stringify(referral.body)}`);
  const user = await koers.db.query<{ id: string }>(`SELECT id FROM app_user ORDER BY email LIMIT 1`);
  const itemId = randomUUID();
  const fileId = randomUUID();
  await koers.db.query(
    `INSERT INTO portfolio_item (id, participant_id, referral_id, provider_id, municipality_id, kind, title, recorded_by, recorded_at)
     SELECT $1, r.participant_id, r.id, r.provider_id, r.municipality_id, 'evidence', 'Cv', $2, now() FROM referral r WHERE r.id = $3`,
    [itemId, user[0]?.id, referral.body.id],
  );
  await koers.db.query(
    `INSERT INTO portfolio_file (id, item_id, participant_id, municipality_id, file_name, content_type, size_bytes, sha256, content, recorded_by, recorded_at)
     SELECT $1, i.id, i.participant_id, i.municipality_id, 'cv.pdf', 'application/pdf', $2, $3, $4, i.recorded_by, now() FROM portfolio_item i WHERE i.id = $5`,
    [fileId, A_PDF.length, 'a'.repeat(64), A_PDF, itemId],
  );
  return { ...f, objectId: itemId, documentId: fileId };
}

export function portfolioCases(): Case[] {
  const emptyAnnex = (f: Fixture) => ({ referralId: f.referralId, version: 0, profile: {}, themes: {} });
  return [
    { name: 'GET /api/v1/participants/:id/portfolio-items', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/portfolio-items`), expect: readers },
    { name: 'POST /api/v1/participants/:id/portfolio-items', mutates: true, call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/portfolio-items`, { referralId: f.referralId, kind: 'evidence', title: 'Cv' }), expect: writers },
    { name: 'GET /api/v1/participants/:id/portfolio-annex', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/portfolio-annex`), expect: readers },
    { name: 'PUT /api/v1/participants/:id/portfolio-annex', mutates: true, call: (c, f) => c.request('PUT', `/api/v1/participants/${f.participantId}/portfolio-annex`, emptyAnnex(f)), expect: writers },
    { name: 'GET /api/v1/participants/:id/portfolio.pdf', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/portfolio.pdf`), expect: readers },
    // Its prepare needs a fresh fixture (mutates), whose participant is not the shared 'self': 404 there.
    { name: 'GET /api/v1/portfolio-files/:id', mutates: true, prepare: werkwijsItem, call: (c, f) => c.get(`/api/v1/portfolio-files/${f.documentId}`), expect: { ...readers, self: 404 } },
    { name: 'POST /api/v1/portfolio-items/:id/files', mutates: true, prepare: werkwijsItem, call: (c, f) => c.upload(`/api/v1/portfolio-items/${f.objectId}/files`, A_PDF), expect: writers },
  ];
}
