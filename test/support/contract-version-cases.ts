// Isolation cases of issue #17's contract versions (R-CON-10): the administrator's alone. The uploads
// carry a document the check refuses (422), so the case reaches the handler without changing a contract
// that the other cases of the matrix depend on.
import { everyone, type Case } from './matrix.js';

const adminOnly = (status: number) => ({ ...everyone(404), admin: status });
const refused = { contractId: 'westfriesland', format: 'yaml', document: 'deadlnes: {}', validFrom: '2027-06-01' };

export function contractVersionCases(): Case[] {
  return [
    { name: 'GET /api/v1/contract-versions', mutates: false, call: (c) => c.get('/api/v1/contract-versions'), expect: adminOnly(200) },
    { name: 'POST /api/v1/contract-versions/check', mutates: false, call: (c) => c.post('/api/v1/contract-versions/check', refused), expect: adminOnly(422) },
    { name: 'POST /api/v1/contract-versions', mutates: true, call: (c) => c.post('/api/v1/contract-versions', refused), expect: adminOnly(422) },
  ];
}
