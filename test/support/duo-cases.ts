// Isolation cases of issue #15's DUO routes (R-EXC-4): the DUO block of a file and its refresh are the own
// municipality's consultant's; the delivery queue and its export the administrator's; the demo exam button
// and the Notificatie API exist only with a link with DUO (none in the matrix: 404 for everyone).
import { everyone, onlyOwnConsultant, type Case } from './matrix.js';

const adminOnly = (status: number) => ({ ...everyone(404), admin: status });
const exam = { onderdeel: 'LE', resultaat: 'Geslaagd', niveau: 'B1' };
const notification = { registratieDatumTijd: '2027-01-04T10:00:00Z', gebeurtenisId: 'SS101' };

export function duoCases(): Case[] {
  return [
    { name: 'GET /api/v1/participants/:id/duo', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/duo`), expect: onlyOwnConsultant(200) },
    { name: 'POST /api/v1/participants/:id/duo/refresh', mutates: false, call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/duo/refresh`), expect: onlyOwnConsultant(200) },
    { name: 'POST /api/v1/participants/:id/duo/demo-exam', mutates: true, call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/duo/demo-exam`, exam), expect: onlyOwnConsultant(404) },
    { name: 'GET /api/v1/duo/deliveries', mutates: false, call: (c) => c.get('/api/v1/duo/deliveries'), expect: adminOnly(200) },
    { name: 'GET /api/v1/duo/deliveries/export', mutates: false, call: (c) => c.get('/api/v1/duo/deliveries/export?format=csv'), expect: adminOnly(200) },
    { name: 'GET /api/v1/duo/notifications/unknown', mutates: false, call: (c) => c.get('/api/v1/duo/notifications/unknown'), expect: adminOnly(200) },
    { name: 'POST /api/v1/duo/notificaties', mutates: true, call: (c) => c.post('/api/v1/duo/notificaties', notification), expect: { ...everyone(404), anonymous: 404 } },
  ];
}
