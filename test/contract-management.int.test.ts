// Issue #14 (R-CM-1, R-ESC-2): contract meetings, the proposed agenda, minutes, actions and their overdue
// signal, and the contract-level ladder — on PGlite and PostgreSQL, over the demo region (today
// 2026-12-23, 40 participants), so the figures behind the proposals are real. Every body these routes
// give is scanned for the demo participants' names, BSNs, client numbers and ids: none may appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileActionSignals, withActionSignals } from '../src/features/contract-management/action-signals.js';
import { runSignalEngine } from '../src/features/referrals/signal-engine.js';
import { runScheduled } from '../src/features/scheduled-run.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const WF = 'westfriesland';
const TAALPUNT = 'taalpunt-westfriesland';

describe(`contract management on ${DB_KIND}`, () => {
  let t: TestKoers;
  let manager: Client;
  let taalpunt: Client;
  let leerhuis: Client;
  let consultant: Client;
  let officer: Client;
  let otherManager: Client;
  const bodies: { url: string; text: string }[] = [];
  let meetingId = '';
  let actionId = '';
  let ownActionId = '';

  const seen = async (c: Client, method: string, url: string, body?: unknown) => {
    const res = await c.request(method, url, body);
    bodies.push({ url, text: typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '') });
    return res;
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 40 } });
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', WF));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', TAALPUNT));
    leerhuis = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'hoorn'));
    otherManager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'centraal-gelderland'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the contract manager plans a contract management meeting; its due date is the third week after the quarter', async () => {
    const body = { contractId: WF, type: 'contract', quarter: '2026-Q3', heldOn: '2026-10-20', providers: [TAALPUNT], municipalities: ['hoorn', 'enkhuizen'] };
    const created = await seen(manager, 'POST', '/api/v1/contract-meetings', body);
    expect(created.status).toBe(201);
    meetingId = created.body.id;
    const late = await seen(manager, 'POST', '/api/v1/contract-meetings', { ...body, quarter: '2026-Q4', heldOn: '2027-01-25', providers: [TAALPUNT, 'leerhuis-noord'] });
    expect(late.status).toBe(201);
    const list = await seen(manager, 'GET', `/api/v1/contract-meetings?contractId=${WF}&sort=quarter`);
    expect(list.status).toBe(200);
    const ours = new Set([meetingId, late.body.id]);
    expect(list.body.items.filter((m: { id: string }) => ours.has(m.id)).map((m: { quarter: string; dueOn: string; plannedLate: boolean }) => [m.quarter, m.dueOn, m.plannedLate])).toEqual([
      ['2026-Q3', '2026-10-25', false],
      // 2026-Q4 ends Thursday 31 December: due Sunday 24 January 2027, so the 25th is late (recorded, shown).
      ['2026-Q4', '2027-01-24', true],
    ]);
    // The demo's own meeting of last quarter (src/features/demo/contract-meetings.ts) has every provider.
    expect((await seen(manager, 'GET', '/api/v1/contract-meetings?q=leerhuis')).body.items.map((m: { id: string }) => m.id)).not.toContain(meetingId);
    const csv = await seen(manager, 'GET', '/api/v1/contract-meetings/export?format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\n')[0]).toContain('Overleg');
  });

  it("the demo region holds last quarter's contract management meeting, held before its due date, with one action overdue", async () => {
    const demo = (await manager.get(`/api/v1/contract-meetings?contractId=${WF}&type=contract`)).body.items.filter((m: { id: string; quarter: string }) => m.id !== meetingId && m.quarter === '2026-Q3');
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({ heldOn: '2026-10-20', dueOn: '2026-10-25', plannedLate: false, openActions: 2, overdueActions: 1 });
    expect(demo[0].providers).toHaveLength(3);
  });

  it('refuses bad input with the field and a Dutch reason', async () => {
    const bad = await manager.post('/api/v1/contract-meetings', { contractId: WF, type: 'contract', quarter: '2026-Q3', heldOn: '2026-10-20', providers: [], municipalities: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'providers', reason: 'Kies minstens één aanbieder die aan het overleg deelneemt.' });
    const unknown = await manager.post('/api/v1/contract-meetings', { contractId: WF, type: 'contract', quarter: '2026-Q3', heldOn: '2026-10-20', providers: ['sagenn'], municipalities: [] });
    expect(unknown.body.invalidParams[0]).toMatchObject({ name: 'providers.0', code: 'unknown' });
    const noQuarter = await manager.post('/api/v1/contract-meetings', { contractId: WF, type: 'contract', quarter: '2026-5', heldOn: '2026-10-20', providers: [TAALPUNT], municipalities: [] });
    expect(noQuarter.status).toBe(400);
    expect(noQuarter.body.invalidParams[0].name).toBe('quarter');
  });

  it('proposes the agenda from the reports, KPIs, compliance and open cases; an item is adopted once', async () => {
    const proposal = await seen(manager, 'GET', `/api/v1/contract-meetings/${meetingId}/proposal`);
    expect(proposal.status).toBe(200);
    const items: { source: string; sourceKey: string; onAgenda: boolean }[] = proposal.body.items;
    // The demo's 2026-Q3 reports: the region's quarterly reports are owed, so there is a report line.
    expect(items.some((i) => i.source === 'reports')).toBe(true);
    const first = items[0];
    if (first === undefined) throw new Error('no proposal');
    expect((await seen(manager, 'POST', `/api/v1/contract-meetings/${meetingId}/agenda-items`, { sourceKey: first.sourceKey })).status).toBe(201);
    const again = await manager.post(`/api/v1/contract-meetings/${meetingId}/agenda-items`, { sourceKey: first.sourceKey });
    expect(again.status).toBe(422);
    expect(again.body.invalidParams[0]).toMatchObject({ name: 'sourceKey', code: 'onAgenda' });
    expect((await manager.post(`/api/v1/contract-meetings/${meetingId}/agenda-items`, { sourceKey: 'kpi:nothing' })).body.invalidParams[0].code).toBe('notProposed');
    const own = await seen(manager, 'POST', `/api/v1/contract-meetings/${meetingId}/agenda-items`, { title: 'Rondvraag', detail: '' });
    expect(own.status).toBe(201);
    expect((await seen(manager, 'GET', `/api/v1/contract-meetings/${meetingId}/proposal`)).body.items.find((i: { sourceKey: string }) => i.sourceKey === first.sourceKey).onAgenda).toBe(true);
    expect((await manager.request('DELETE', `/api/v1/contract-meetings/${meetingId}/agenda-items/${own.body.id}`)).status).toBe(204);
    const detail = await seen(manager, 'GET', `/api/v1/contract-meetings/${meetingId}`);
    expect(detail.body.agenda.map((a: { sourceKey: string | null }) => a.sourceKey)).toEqual([first.sourceKey]);
    // Taken off, not deleted: the row stays with who and when.
    const [kept] = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM contract_meeting_agenda_item WHERE meeting_id = $1 AND removed_at IS NOT NULL`, [meetingId]);
    expect(kept?.n).toBe(1);
  });

  it('keeps the minutes as versions; a stale save is 409', async () => {
    expect((await seen(manager, 'PUT', `/api/v1/contract-meetings/${meetingId}/minutes`, { text: 'Besproken: de rapportages van Q3.', version: 0 })).body).toEqual({ version: 1 });
    expect((await manager.request('PUT', `/api/v1/contract-meetings/${meetingId}/minutes`, { text: 'Iets anders', version: 0 })).status).toBe(409);
    expect((await seen(manager, 'PUT', `/api/v1/contract-meetings/${meetingId}/minutes`, { text: 'Besproken: de rapportages van Q3 en de intake.', version: 1 })).body).toEqual({ version: 2 });
    const rows = await t.koers.db.query(`SELECT version FROM contract_meeting_minutes WHERE meeting_id = $1 ORDER BY version`, [meetingId]);
    expect(rows).toHaveLength(2);
    await expect(t.koers.db.query(`UPDATE contract_meeting_minutes SET text = 'x' WHERE meeting_id = $1`, [meetingId])).rejects.toThrow(/append-only/);
  });

  it('records actions; the provider party sees them and marks its own done, another provider and the rest get 404', async () => {
    const a = await seen(manager, 'POST', `/api/v1/contract-meetings/${meetingId}/actions`, { description: 'Plan van aanpak voor de intaketermijn', owner: { kind: 'provider', provider: TAALPUNT }, dueOn: '2026-11-30' });
    expect(a.status).toBe(201);
    actionId = a.body.id;
    ownActionId = (await seen(manager, 'POST', `/api/v1/contract-meetings/${meetingId}/actions`, { description: 'Cijfers Q3 delen met de gemeenten', owner: { kind: 'contractManager' }, dueOn: '2027-01-15' })).body.id;
    const notParty = await manager.post(`/api/v1/contract-meetings/${meetingId}/actions`, { description: 'Iets', owner: { kind: 'provider', provider: 'leerhuis-noord' }, dueOn: '2026-11-30' });
    expect(notParty.body.invalidParams[0]).toMatchObject({ name: 'owner.provider', code: 'notParty' });
    expect((await manager.post(`/api/v1/contract-meetings/${meetingId}/actions`, { description: 'Te vroeg', owner: { kind: 'contractManager' }, dueOn: '2026-10-19' })).body.invalidParams[0].name).toBe('dueOn');

    const mine = await seen(taalpunt, 'GET', `/api/v1/contract-meetings/${meetingId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.mayManage).toBe(false);
    expect(mine.body.actions.map((x: { id: string; overdue: boolean; mayMarkDone: boolean }) => [x.id, x.overdue, x.mayMarkDone])).toEqual([
      [actionId, true, true],
      [ownActionId, false, false],
    ]);
    // Its overdue actions: this one and the demo meeting's (src/features/demo/contract-meetings.ts), never the contract manager's.
    const overdue = (await seen(taalpunt, 'GET', '/api/v1/contract-meeting-actions?status=overdue')).body.items.map((x: { id: string }) => x.id);
    expect(overdue).toContain(actionId);
    expect(overdue).not.toContain(ownActionId);
    expect(overdue).toHaveLength(2);
    for (const c of [leerhuis, consultant, officer, otherManager]) expect((await c.get(`/api/v1/contract-meetings/${meetingId}`)).status).toBe(404);
    const leerhuisSees = (await leerhuis.get('/api/v1/contract-meetings')).body.items.map((m: { id: string }) => m.id);
    expect(leerhuisSees).not.toContain(meetingId); // not a party; the Q4 meeting and the demo's it takes part in
    expect(leerhuisSees.length).toBeGreaterThan(0);
    expect((await taalpunt.get(`/api/v1/contract-meetings/${meetingId}/proposal`)).status).toBe(404);
    expect((await taalpunt.request('PUT', `/api/v1/contract-meeting-actions/${ownActionId}/done`, { done: true })).status).toBe(404);
    expect((await leerhuis.request('PUT', `/api/v1/contract-meeting-actions/${actionId}/done`, { done: true })).status).toBe(404);
  });

  it('an overdue action raises ONE signal to its owner, also when the engine runs again; done answers it', async () => {
    const count = async () => (await t.koers.db.query<{ n: number; open: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status <> 'resolved')::int AS open FROM signal WHERE cause = 'meetingAction.overdue' AND period = $1`, [actionId]))[0];
    await t.koers.db.transaction((tx) => reconcileActionSignals(tx, t.koers.contracts, '2026-12-23'));
    await runSignalEngine(t.koers.db, t.koers.contracts, '2026-12-23', withActionSignals(t.koers.contracts));
    // The server's scheduled run (src/features/scheduled-run.ts) does it too, and again raises nothing new.
    await runScheduled(t.koers.db, t.koers.contracts, '2026-12-23', { crypto: t.koers.crypto, clock: t.koers.clock });
    expect(await count()).toEqual({ n: 1, open: 1 });
    // The contract manager's own action raises none (no work list); the demo's overdue one its own, once.
    const all = await t.koers.db.query<{ period: string }>(`SELECT period FROM signal WHERE cause = 'meetingAction.overdue'`);
    expect(all.map((s) => s.period)).not.toContain(ownActionId);
    expect(new Set(all.map((s) => s.period)).size).toBe(all.length);
    const signals = await taalpunt.get('/api/v1/signals?status=unresolved');
    expect(signals.body.items.some((s: { cause: string }) => s.cause === 'meetingAction.overdue')).toBe(true);
    const done = await seen(taalpunt, 'PUT', `/api/v1/contract-meeting-actions/${actionId}/done`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, doneOn: '2026-12-23', overdue: false });
    expect(await count()).toEqual({ n: 1, open: 0 });
    expect((await taalpunt.request('PUT', `/api/v1/contract-meeting-actions/${actionId}/done`, { done: true })).status).toBe(422);
    await runSignalEngine(t.koers.db, t.koers.contracts, '2026-12-23', withActionSignals(t.koers.contracts));
    expect(await count()).toEqual({ n: 1, open: 0 });
  });

  it('the ladder: a proposal lists its patterns; steps go in order with grounds; never from one participant', async () => {
    const overview = await seen(manager, 'GET', `/api/v1/escalations?contractId=${WF}&quarter=2026-Q3`);
    expect(overview.status).toBe(200);
    expect(overview.body.ladder.map((s: { step: string }) => s.step)).toEqual(['intensifiedMeetings', 'formalWarning', 'legalSteps']);
    // Every pattern has its facts now: the complaints come from the register (R-CM-3).
    expect(overview.body.patternsWithoutFacts).toEqual([]);
    for (const p of overview.body.providers) {
      expect(p.nextStep.step).toBe('intensifiedMeetings');
      // A proposal exists only with patterns, and lists them.
      if (p.proposal !== null) expect(p.proposal.patterns.length).toBeGreaterThan(0);
    }
    const step = { contractId: WF, provider: TAALPUNT, quarter: '2026-Q3', step: 'intensifiedMeetings', decidedOn: '2026-10-20', decision: 'Verbeterafspraken over de intaketermijn', grounds: '', termUntil: '2027-01-31' };
    const empty = await manager.post('/api/v1/escalations/steps', step);
    expect(empty.status).toBe(422);
    expect(empty.body.invalidParams[0]).toMatchObject({ name: 'grounds', code: 'required' });
    expect(empty.body.invalidParams[0].reason).toMatch(/^Geef de gronden/);
    const skip = await manager.post('/api/v1/escalations/steps', { ...step, step: 'formalWarning', grounds: 'Twee kwartalen onder de norm' });
    expect(skip.body.invalidParams[0]).toMatchObject({ name: 'step', code: 'notNext' });
    // Its input has no participant: a participantId is refused by the schema.
    const person = await manager.post('/api/v1/escalations/steps', { ...step, grounds: 'Eén deelnemer zonder voortgang', participantId: '00000000-0000-4000-8000-000000000000' });
    expect(person.status).toBe(400);
    const opened = await seen(manager, 'POST', '/api/v1/escalations/steps', { ...step, grounds: 'Twee kwartalen onder de norm voor de ontvangstbevestiging' });
    expect(opened.status).toBe(201);
    const after = await seen(manager, 'GET', `/api/v1/escalations?contractId=${WF}&quarter=2026-Q3`);
    const tp = after.body.providers.find((p: { provider: string }) => p.provider === TAALPUNT);
    expect(tp.steps.map((s: { step: string; grounds: string }) => [s.step, s.grounds])).toEqual([['intensifiedMeetings', 'Twee kwartalen onder de norm voor de ontvangstbevestiging']]);
    expect(tp.nextStep.step).toBe('formalWarning');
    // The open case is proposed for the next meeting's agenda.
    const other = (await manager.get(`/api/v1/contract-meetings?contractId=${WF}&sort=-quarter`)).body.items.find((m: { quarter: string }) => m.quarter === '2026-Q4').id;
    expect((await seen(manager, 'GET', `/api/v1/contract-meetings/${other}/proposal`)).body.items.some((i: { sourceKey: string }) => i.sourceKey === `case:${opened.body.id}`)).toBe(true);
    for (const c of [taalpunt, consultant, officer, otherManager]) expect((await c.get(`/api/v1/escalations?contractId=${WF}&quarter=2026-Q3`)).status).toBe(404);
    expect((await taalpunt.post('/api/v1/escalations/steps', { ...step, step: 'formalWarning', grounds: 'Poging van een aanbieder' })).status).toBe(404);
    const close = await seen(manager, 'POST', `/api/v1/escalations/${opened.body.id}/close`, { closedOn: '2026-12-01', grounds: 'De termijnen worden weer gehaald' });
    expect(close.status).toBe(204);
    await expect(t.koers.db.query(`DELETE FROM escalation_step WHERE case_id = $1`, [opened.body.id])).rejects.toThrow(/append-only/);
  });

  it('the ladder list: providers searched, sorted and paged on the server, and exported as CSV (R-EXC-3)', async () => {
    const url = `/api/v1/escalations?contractId=${WF}&quarter=2026-Q3`;
    const all = await seen(manager, 'GET', url);
    const names = (all.body.providers as { name: string }[]).map((p) => p.name);
    expect(all.body.total).toBe(names.length);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    const desc = await seen(manager, 'GET', `${url}&sort=-provider&pageSize=1&page=2`);
    expect(desc.body).toMatchObject({ total: names.length, page: 2, pageSize: 1 });
    expect(desc.body.providers.map((p: { name: string }) => p.name)).toEqual([[...names].reverse()[1]]);
    const found = await seen(manager, 'GET', `${url}&q=taalpunt`);
    expect(found.body.providers.map((p: { provider: string }) => p.provider)).toEqual([TAALPUNT]);
    expect((await manager.get(`${url}&sort=nonsense`)).status).toBe(400);
    const csv = await seen(manager, 'GET', `/api/v1/escalations/export?contractId=${WF}&quarter=2026-Q3&format=csv&sort=-provider`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Aanbieder', 'Laatste stap', 'Datum laatste stap']);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual([...names].reverse());
    for (const c of [taalpunt, consultant]) expect((await c.get(`/api/v1/escalations/export?contractId=${WF}&quarter=2026-Q3&format=csv`)).status).toBe(404);
  });

  it('no body of these routes names a demo participant: no name, BSN, client number or id', async () => {
    const people = await t.koers.db.query<{ id: string; givenName: string; familyName: string; clientNumber: string | null; bsn: string }>(
      `SELECT id, given_name AS "givenName", family_name AS "familyName", client_number AS "clientNumber", bsn_encrypted AS bsn FROM participant`,
    );
    expect(people.length).toBeGreaterThanOrEqual(40);
    const needles = people.flatMap((p) => [p.id, `${p.givenName} ${p.familyName}`, p.familyName, t.koers.crypto.decrypt(p.bsn), ...(p.clientNumber === null ? [] : [p.clientNumber])]).filter((n) => n.length >= 4);
    expect(bodies.length).toBeGreaterThan(15);
    for (const b of bodies) for (const n of needles) expect(b.text.includes(n), `${b.url} holds "${n}"`).toBe(false);
  });
});
