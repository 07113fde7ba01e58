// Isolation cases of issue #14's participant-level ladder (R-ESC-1, R-SEC-1). The own consultant (Hoorn)
// and the own provider (Taalpunt) open a case about the fixture's referral and take its steps; the other
// consultant and the other provider see none (their open on that referral is refused as an unknown
// referral, 422); the contract manager (Westfriesland) sees a case only at the last step, and records
// only its judgement there; everyone else has no permission (404).
import { addCalendarDays } from '../../src/domain/calendar.js';
import { invoicingKoers } from './invoicing-cases.js';
import { everyone, type Case, type Fixture } from './matrix.js';

const URL = '/api/v1/participant-escalations';
const none = everyone(404);
const both = (ok: number) => ({ ...none, ownConsultant: ok, ownProvider: ok });
const today = () => {
  const k = invoicingKoers.current;
  if (k === undefined) throw new Error('invoicingKoers.current is not set');
  return k.clock.today();
};
const stepBody = (step: string, planWeeks: number | null = null) => ({ step, decidedOn: today(), actors: 'Matrix', decision: 'Matrix', planWeeks });
type As = (actor: 'ownConsultant' | 'ownProvider') => { post: (url: string, body: unknown) => Promise<{ status: number; body: any }>; get: (url: string) => Promise<{ status: number; body: any }> };

const must = async (res: Promise<{ status: number; body: any }>) => {
  const r = await res;
  if (r.status !== 200) throw new Error(`escalation fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
/** A case about the fixture's referral, taken up to `steps` (the plan with one week); its id in objectId. */
const opened = (steps: readonly string[] = []) => async (f: Fixture, as: As): Promise<Fixture> => {
  const c = await must(as('ownConsultant').post(URL, { referralId: f.referralId, reason: 'Matrix', decidedOn: today(), actors: 'Matrix', decision: 'Matrix' }));
  for (const s of steps) await must(as('ownProvider').post(`${URL}/${c.id}/steps`, stepBody(s, s === 'improvementPlan' ? 1 : null)));
  return { ...f, objectId: c.id };
};
const listsIt = (b: { items?: { id: string }[] }, f: Fixture) => (b.items ?? []).some((i) => i.id === f.objectId);
/** The export names a case by its pseudonym (the contract manager's file by nothing else): objectId holds it. */
const byPseudonym = (steps: readonly string[] = []) => async (f: Fixture, as: As): Promise<Fixture> => {
  const g = await opened(steps)(f, as);
  const c = await must(as('ownConsultant').get(`${URL}/${String(g.objectId)}`));
  return { ...g, objectId: c.pseudonym };
};
const exportsIt = (b: unknown, f: Fixture) => typeof b === 'string' && f.objectId !== undefined && b.includes(f.objectId);

export function escalationCases(): Case[] {
  return [
    { name: `GET ${URL}`, mutates: false, prepare: opened(), call: (c) => c.get(URL), contains: listsIt, expect: { ...none, ownConsultant: 'visible', otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden', contractManager: 'hidden' } },
    { name: `GET ${URL}/export`, mutates: false, prepare: byPseudonym(), call: (c) => c.get(`${URL}/export?format=csv`), contains: exportsIt, expect: { ...none, ownConsultant: 'visible', otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden', contractManager: 'hidden' } },
    { name: `GET ${URL}/export (at the last step)`, mutates: false, prepare: byPseudonym(['improvementPlan', 'localManagement', 'contractManager']), call: (c) => c.get(`${URL}/export?format=csv`), contains: exportsIt, expect: { ...none, ownConsultant: 'visible', otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden', contractManager: 'visible' } },
    // R-ESC-2: the contract-level ladder's export, the contract manager's alone (aggregates only).
    { name: 'GET /api/v1/escalations/export', mutates: false, call: (c) => c.get('/api/v1/escalations/export?contractId=westfriesland&quarter=2026-Q3&format=csv'), expect: { ...none, contractManager: 200 } },
    { name: `GET ${URL}/:id`, mutates: false, prepare: opened(), call: (c, f) => c.get(`${URL}/${f.objectId}`), expect: both(200) },
    { name: `GET ${URL}/:id (at the last step)`, mutates: false, prepare: opened(['improvementPlan', 'localManagement', 'contractManager']), call: (c, f) => c.get(`${URL}/${f.objectId}`), expect: { ...both(200), contractManager: 200 } },
    { name: `POST ${URL}`, mutates: true, call: (c, f) => c.post(URL, { referralId: f.referralId, reason: 'Matrix', decidedOn: today(), actors: 'Matrix', decision: 'Matrix' }), expect: { ...both(200), otherConsultant: 422, otherProvider: 422 } },
    { name: `POST ${URL}/:id/steps`, mutates: true, prepare: opened(), call: (c, f) => c.post(`${URL}/${f.objectId}/steps`, stepBody('improvementPlan', 2)), expect: both(200) },
    { name: `POST ${URL}/:id/check-ins`, mutates: true, prepare: opened(['improvementPlan']), call: (c, f) => c.post(`${URL}/${f.objectId}/check-ins`, { dueOn: addCalendarDays(today(), 7), heldOn: today(), note: 'Matrix' }), expect: both(200) },
    // 000 §5: the contract manager's judgement at the last step is its own; nobody else records it.
    { name: `POST ${URL}/:id/judgement`, mutates: true, prepare: opened(['improvementPlan', 'localManagement', 'contractManager']), call: (c, f) => c.post(`${URL}/${f.objectId}/judgement`, { judgedOn: today(), decision: 'asAgreed', grounds: 'Matrix' }), expect: { ...none, contractManager: 200 } },
    { name: `POST ${URL}/:id/closure`, mutates: true, prepare: opened(), call: (c, f) => c.post(`${URL}/${f.objectId}/closure`, { closedOn: today(), grounds: 'Matrix' }), expect: both(200) },
  ];
}
