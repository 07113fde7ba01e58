// Isolation cases of issue #10's last lists (R-EXC-3), spread into the matrix of test/isolation.int.test.ts:
// the group and outbox lists beside their exports, and the API key export (its list: progress-cases.ts).
// Each export answers each actor as its list does: the same refusal, the same room.
import { everyone, onlyOwnConsultant, onlyOwnProvider, type Case } from './matrix.js';

export function listExportCases(): Case[] {
  return [
    // The matrix's teacher teaches no group of the fixture: its list and export are empty.
    {
      name: 'GET /api/v1/groups',
      mutates: false,
      group: 'absent',
      call: (c) => c.get('/api/v1/groups'),
      contains: (b, f) => b.items.some((g: { id: string }) => g.id === f.groupId),
      expect: { ...onlyOwnConsultant(404), ownProvider: 'visible', otherProvider: 'hidden', teacher: 'hidden' },
    },
    {
      name: 'GET /api/v1/groups/export',
      mutates: false,
      group: 'absent',
      call: (c) => c.get('/api/v1/groups/export?format=csv'),
      contains: (b, f) => String(b).includes(String(f.groupId)),
      expect: { ...onlyOwnConsultant(404), ownProvider: 'visible', otherProvider: 'hidden', teacher: 'hidden' },
    },
    { name: 'GET /api/v1/outbox', mutates: false, call: (c) => c.get('/api/v1/outbox'), expect: { ...everyone(404), admin: 200 } },
    { name: 'GET /api/v1/outbox/export', mutates: false, call: (c) => c.get('/api/v1/outbox/export?format=csv'), expect: { ...everyone(404), admin: 200 } },
    {
      name: 'GET /api/v1/api-keys/export',
      mutates: false,
      prepare: async (f, as) => {
        const made = await as('ownProvider').post('/api/v1/api-keys', { name: `Export ${Math.random()}` });
        if (made.status !== 201) throw new Error(`api key fixture: ${made.status}`);
        return { ...f, objectId: made.body.id };
      },
      call: (c) => c.get('/api/v1/api-keys/export?format=csv'),
      contains: (b, f) => String(b).includes(String(f.objectId)),
      expect: { ...onlyOwnProvider('visible'), otherProvider: 'hidden' },
    },
  ];
}
