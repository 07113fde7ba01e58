// Isolation cases of issue #17's staff accounts. The administrator manages every staff account; a
// provider's coordinator its own provider's teachers (the own provider Taalpunt made the fixture's
// teacher, so the other provider gets 404 on it); everyone else has no permission (404).
import { randomUUID } from 'node:crypto';
import { organisationId } from '../../src/features/organisations/store.js';
import { everyone, type Case, type Fixture } from './matrix.js';

const none = everyone(404);
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const aTeacher = () => ({ email: `matrix.${randomUUID()}@taalpunt.example`, name: 'Matrixdocent', role: 'teacher', organisationId: TAALPUNT });

/** A teacher of the own provider, made by its coordinator; its id in objectId. */
const teacher = async (f: Fixture, as: (actor: 'ownConsultant' | 'ownProvider') => { post: (url: string, body: unknown) => Promise<{ status: number; body: any }> }): Promise<Fixture> => {
  const res = await as('ownProvider').post('/api/v1/users', aTeacher());
  if (res.status !== 201) throw new Error(`teacher fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...f, objectId: res.body.id };
};
const listsIt = (b: { items?: { id: string }[] }, f: Fixture) => (b.items ?? []).some((i) => i.id === f.objectId);
const managers = { ...none, admin: 200, ownProvider: 200, otherProvider: 200 } as const;

export function userCases(): Case[] {
  return [
    { name: 'GET /api/v1/users', mutates: false, prepare: teacher, call: (c) => c.get('/api/v1/users?pageSize=100&sort=-createdAt'), contains: listsIt, expect: { ...none, admin: 'visible', ownProvider: 'visible', otherProvider: 'hidden' } },
    { name: 'GET /api/v1/users/export', mutates: false, prepare: teacher, call: (c) => c.get('/api/v1/users/export?format=csv&q=Matrixdocent'), contains: (b) => String(b).includes('Matrixdocent'), expect: { ...none, admin: 'visible', ownProvider: 'visible', otherProvider: 'hidden' } },
    { name: 'GET /api/v1/users/choices', mutates: false, call: (c) => c.get('/api/v1/users/choices'), expect: managers },
    { name: 'POST /api/v1/users', mutates: true, call: (c) => c.post('/api/v1/users', aTeacher()), expect: { ...none, admin: 201, ownProvider: 201, otherProvider: 201 } },
    { name: 'PATCH /api/v1/users/:id', mutates: true, prepare: teacher, call: (c, f) => c.request('PATCH', `/api/v1/users/${String(f.objectId)}`, { name: 'Hernoemd' }), expect: { ...none, admin: 200, ownProvider: 200 } },
    { name: 'POST /api/v1/users/:id/end', mutates: true, prepare: teacher, call: (c, f) => c.post(`/api/v1/users/${String(f.objectId)}/end`), expect: { ...none, admin: 200, ownProvider: 200 } },
    { name: 'POST /api/v1/users/:id/reset-second-factor', mutates: true, prepare: teacher, call: (c, f) => c.post(`/api/v1/users/${String(f.objectId)}/reset-second-factor`), expect: { ...none, admin: 200, ownProvider: 200 } },
  ];
}
