// Isolation cases of issue #17's organisations: the administrator's alone. The changes carry a malformed
// number (400 for the administrator), so no case changes the identifiers the other cases rely on.
import { everyone, type Case } from './matrix.js';

const adminOnly = (status: number) => ({ ...everyone(404), admin: status });

export function organisationCases(): Case[] {
  return [
    { name: 'GET /api/v1/organisations', mutates: false, call: (c) => c.get('/api/v1/organisations'), expect: adminOnly(200) },
    { name: 'PATCH /api/v1/organisations/municipalities/:code', mutates: true, call: (c) => c.request('PATCH', '/api/v1/organisations/municipalities/hoorn', { oin: 'x' }), expect: adminOnly(400) },
    { name: 'PATCH /api/v1/organisations/providers/:code', mutates: true, call: (c) => c.request('PATCH', '/api/v1/organisations/providers/taalpunt-westfriesland', { kvkNumber: 'x' }), expect: adminOnly(400) },
  ];
}
