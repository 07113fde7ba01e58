// Isolation cases of issue #17's audit search (R-SEC-2): only the municipality's privacy officer may
// search, so every actor of the matrix is refused with the 404 of a route outside its room (anonymous:
// 401). The privacy officers of two municipalities are tried against each other in
// test/audit-search.int.test.ts.
import { everyone, type Case } from './matrix.js';

export function auditSearchCases(): Case[] {
  return [
    { name: 'POST /api/v1/audit-search', mutates: false, call: (c, f) => c.post('/api/v1/audit-search', { criteria: { bsn: f.bsn } }), expect: everyone(404) },
    { name: 'POST /api/v1/audit-search/export', mutates: false, call: (c, f) => c.post('/api/v1/audit-search/export', { criteria: { bsn: f.bsn }, format: 'csv' }), expect: everyone(404) },
  ];
}
