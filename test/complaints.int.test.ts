// Issue #14 (R-CM-3; 002 eis 36–37; 003 art. 13.6): the complaints register over HTTP, on PGlite and
// PostgreSQL — the provider registers a participant's and an organisation's complaint and handles them
// in versions; the consultant of the referral's municipality reads the participant's, another
// municipality's consultant and the other provider see none; the contract manager gets counts per
// provider and quarter, and every body it receives is scanned for the complainant (name, BSN, client
// number, ids) and the subjects: none may appear. Today is Monday 1 June 2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aNamedParticipant } from './support/named-participant.js';
import { aReportReferral, type BuiltReferral } from './support/report-builders.js';

const TW = 'twente';
const SCHOOL = 'taalschool-twente';
const OOST = 'nt2-centrum-oost';
const NAME = { bsn: '123454567', clientNumber: 'ENS-K4L7', given: 'Zeynep', family: 'Klachtindienster' };
const SUBJECT = 'Lessen vielen drie weken uit zonder bericht';
const ORG_SUBJECT = 'Stagebedrijf kreeg geen contactpersoon';

describe(`the complaints register on ${DB_KIND}`, () => {
  let t: TestKoers;
  let school: Client;
  let oost: Client;
  let enschede: Client;
  let almelo: Client;
  let manager: Client;
  let officer: Client;
  let referral: BuiltReferral;
  let participantComplaint = '';
  let orgComplaint = '';
  const managerBodies: string[] = [];
  const asManager = async (url: string) => {
    const res = await manager.get(url);
    managerBodies.push(typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? ''));
    return res;
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-06-01' });
    school = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', SCHOOL));
    oost = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', OOST));
    const consultant = await aUser(t, 'consultant', 'enschede');
    enschede = await Client.loggedIn(t, consultant);
    almelo = await Client.loggedIn(t, await aUser(t, 'consultant', 'almelo'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', TW));
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'enschede'));
    const pid = await aNamedParticipant(t, 'enschede', NAME, consultant.id);
    referral = await aReportReferral({ db: t.koers.db, userId: consultant.id, contractId: TW }, 'enschede', SCHOOL, 'inburgering_language', { referredOn: '2026-02-02', startedOn: '2026-03-02' }, pid);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lets the provider register a complaint about one of its own referrals, and an organisation\'s under its contract', async () => {
    const res = await school.post('/api/v1/complaints', { receivedOn: '2026-04-14', from: { kind: 'participant', referralId: referral.referralId }, subject: SUBJECT, handledBy: 'M. de Vries' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contractId: TW, providerCode: SCHOOL, receivedOn: '2026-04-14', from: { kind: 'participant', name: `${NAME.given} ${NAME.family}`, participantId: referral.participantId }, version: 1, closedOn: null });
    participantComplaint = res.body.id;
    const org = await school.post('/api/v1/complaints', { receivedOn: '2026-05-20', from: { kind: 'organisation', name: 'Stichting Werkplaats' }, subject: ORG_SUBJECT });
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ contractId: TW, from: { kind: 'organisation', name: 'Stichting Werkplaats', participantId: null } });
    orgComplaint = org.body.id;
    // The other provider cannot register a complaint on this provider's referral: as if it did not exist.
    const foreign = await oost.post('/api/v1/complaints', { receivedOn: '2026-04-14', from: { kind: 'participant', referralId: referral.referralId }, subject: 'x' });
    expect(foreign.status).toBe(422);
    expect(foreign.body.invalidParams[0]).toMatchObject({ name: 'from.referralId' });
    // Not in the future, not before the referral it is about.
    expect((await school.post('/api/v1/complaints', { receivedOn: '2026-06-02', from: { kind: 'organisation', name: 'X' }, subject: 'x' })).body.invalidParams[0]).toMatchObject({ name: 'receivedOn', code: 'future' });
    expect((await school.post('/api/v1/complaints', { receivedOn: '2026-01-05', from: { kind: 'participant', referralId: referral.referralId }, subject: 'x' })).body.invalidParams[0]).toMatchObject({ name: 'receivedOn', code: 'beforeReferral' });
    // Only the coordinator registers.
    for (const c of [enschede, manager, officer]) expect((await c.post('/api/v1/complaints', { receivedOn: '2026-04-14', from: { kind: 'organisation', name: 'X' }, subject: 'x' })).status).toBe(404);
  });

  it('keeps every version of the handling: measures, closing with an outcome, closed stays closed; a stale version is 409', async () => {
    const url = `/api/v1/complaints/${participantComplaint}/handling`;
    const measures = await school.post(url, { version: 1, handledBy: 'M. de Vries', measures: 'Vervangende docent ingezet; lesrooster gedeeld' });
    expect(measures.status).toBe(200);
    expect(measures.body.version).toBe(2);
    expect((await school.post(url, { version: 1, handledBy: 'x', measures: 'x' })).status).toBe(409);
    expect((await school.post(url, { version: 2, handledBy: 'M. de Vries', measures: 'x', outcome: 'upheld' })).body.invalidParams[0]).toMatchObject({ name: 'closedOn', code: 'outcomeWithoutClose' });
    expect((await school.post(url, { version: 2, handledBy: 'M. de Vries', measures: 'x', closedOn: '2026-04-01', outcome: 'upheld' })).body.invalidParams[0]).toMatchObject({ name: 'closedOn', code: 'beforeReceived' });
    const closed = await school.post(url, { version: 2, handledBy: 'M. de Vries', measures: 'Vervangende docent ingezet; lesrooster gedeeld', closedOn: '2026-05-04', outcome: 'upheld', outcomeNote: 'Gegrond; lessen ingehaald' });
    expect(closed.status).toBe(200);
    expect(closed.body.history.map((v: { version: number; closedOn: string | null }) => [v.version, v.closedOn])).toEqual([[1, null], [2, null], [3, '2026-05-04']]);
    expect((await school.post(url, { version: 3, handledBy: 'x', measures: 'x' })).body.invalidParams[0]).toMatchObject({ name: 'closedOn', code: 'alreadyClosed' });
    // The rows themselves cannot be changed or removed.
    await expect(t.koers.db.query(`UPDATE complaint_version SET measures = 'weg' WHERE complaint_id = $1`, [participantComplaint])).rejects.toThrow(/append-only/);
    await expect(t.koers.db.query(`DELETE FROM complaint WHERE id = $1`, [orgComplaint])).rejects.toThrow(/append-only/);
  });

  it('shows the participant\'s complaint to the provider and its municipality only; lists search, filter, sort, page and export', async () => {
    const own = await school.get('/api/v1/complaints?sort=receivedOn');
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([participantComplaint, orgComplaint]);
    expect((await school.get('/api/v1/complaints?status=open')).body.items.map((i: { id: string }) => i.id)).toEqual([orgComplaint]);
    expect((await school.get('/api/v1/complaints?q=klachtindienster')).body.items.map((i: { id: string }) => i.id)).toEqual([participantComplaint]);
    const paged = await school.get('/api/v1/complaints?sort=-receivedOn&pageSize=1&page=2');
    expect([paged.body.total, paged.body.items[0].id]).toEqual([2, participantComplaint]);
    const municipality = await enschede.get('/api/v1/complaints');
    expect(municipality.body.items.map((i: { id: string }) => i.id)).toEqual([participantComplaint]);
    expect((await enschede.get(`/api/v1/complaints/${participantComplaint}`)).body.measures).toContain('Vervangende docent');
    expect((await enschede.get(`/api/v1/complaints/${orgComplaint}`)).status).toBe(404);
    expect((await almelo.get('/api/v1/complaints')).body.items).toEqual([]);
    expect((await almelo.get(`/api/v1/complaints/${participantComplaint}`)).status).toBe(404);
    expect((await oost.get('/api/v1/complaints')).body.items).toEqual([]);
    expect((await oost.get(`/api/v1/complaints/${participantComplaint}`)).status).toBe(404);
    for (const c of [manager, officer]) expect((await c.get('/api/v1/complaints')).status).toBe(404);
    const csv = await school.get('/api/v1/complaints/export?format=csv&sort=receivedOn');
    expect(csv.status).toBe(200);
    const lines = String(csv.body).trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Klachtindienster');
    expect(lines[1]).toContain('Gegrond');
    expect((await school.get('/api/v1/complaints/export?format=xlsx')).status).toBe(200);
    // A participant's complaint is read with that participant as data subject (R-SEC-2).
    const audited = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'complaint.read' AND data_subject_ref IS NOT NULL AND municipality_id = $1`, [referral.municipalityId]);
    expect(audited[0]?.n).toBeGreaterThan(0);
  });

  it("feeds the content report's 5a and the management report's item 6 from the register (000 §4.1, 002 eis 17, 37)", async () => {
    // The content report is Westfriesland's (000 §4.1; Twente's product serves no B1 or Z route): a B1 referral there.
    const hoorn = await aUser(t, 'consultant', 'hoorn');
    const wf = await aReportReferral({ db: t.koers.db, userId: hoorn.id, contractId: 'westfriesland' }, 'hoorn', 'taalpunt-westfriesland', 'b1_language', { referredOn: '2026-01-12', startedOn: '2026-02-02' });
    const taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const column = async (period: string) => {
      const res = await taalpunt.get(`/api/v1/reports/content-report?contractId=westfriesland&quarter=2026-Q2&scope=hoorn`);
      expect(res.status).toBe(200);
      return res.body.routes.find((r: { route: string }) => r.route === 'b1').columns.find((c: { period: string }) => c.period === period).complaints;
    };
    expect(await column('2026-Q2')).toBe(0);
    for (const receivedOn of ['2026-03-30', '2026-04-02', '2026-05-11']) {
      expect((await taalpunt.post('/api/v1/complaints', { receivedOn, from: { kind: 'participant', referralId: wf.referralId }, subject: 'Rooster' })).status).toBe(200);
    }
    // The organisation's complaint belongs to no referral: not in 5a (docs/complaints.md).
    await taalpunt.post('/api/v1/complaints', { receivedOn: '2026-04-02', from: { kind: 'organisation', name: 'Buurthuis' }, subject: 'Zaal' });
    expect([await column('2026-Q1'), await column('2026-Q2')]).toEqual([1, 2]);
    // The contract-level ladder's "rise in complaints" (R-ESC-2): distinct complainants, never one person.
    const wfManager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland'));
    const rising = async () => {
      const res = await wfManager.get('/api/v1/escalations?contractId=westfriesland&quarter=2026-Q2');
      expect(res.status).toBe(200);
      managerBodies.push(JSON.stringify(res.body));
      const row = res.body.providers.find((x: { provider: string }) => x.provider === 'taalpunt-westfriesland');
      expect(row).toBeDefined();
      return (row.proposal?.patterns ?? []).filter((x: { kind: string }) => x.kind === 'complaintsRising');
    };
    // Q1 one complainant, Q2 two (the participant twice, Buurthuis): below the minimum of three.
    expect(await rising()).toEqual([]);
    await taalpunt.post('/api/v1/complaints', { receivedOn: '2026-05-20', from: { kind: 'organisation', name: 'Wijkteam' }, subject: 'Geen terugkoppeling' });
    expect(await rising()).toEqual([expect.objectContaining({ provider: 'taalpunt-westfriesland', quarters: ['2026-Q1', '2026-Q2'], detail: expect.stringContaining('3 klagers in 2026-Q2, 1 in 2026-Q1') })]);
    const management = await school.get(`/api/v1/reports/management-report?contractId=${TW}&quarter=2026-Q2`);
    expect(management.status).toBe(200);
    expect(management.body.rows.find((r: { scope: string }) => r.scope === 'enschede')?.complaints).toBe(1);
    expect((await school.get(`/api/v1/reports/management-report?contractId=${TW}&quarter=2026-Q1`)).body.rows.find((r: { scope: string }) => r.scope === 'enschede')?.complaints).toBe(0);
  });

  it('gives the contract manager counts per provider and quarter, and no complainant in any body', async () => {
    const totals = await asManager('/api/v1/complaints/totals');
    expect(totals.status).toBe(200);
    expect(totals.body.items).toEqual([{ contractId: TW, contractName: expect.any(String), providerCode: SCHOOL, providerName: expect.any(String), quarter: '2026-Q2', received: 2, fromParticipants: 1, fromOrganisations: 1, closed: 1, upheld: 1 }]);
    expect((await asManager('/api/v1/complaints/totals?from=2026-05-01')).body.items[0]).toMatchObject({ received: 1, fromParticipants: 0 });
    expect((await asManager(`/api/v1/complaints/${participantComplaint}`)).status).toBe(404);
    expect((await asManager('/api/v1/complaints/export?format=csv')).status).toBe(404);
    for (const c of [school, enschede, officer]) expect((await c.get('/api/v1/complaints/totals')).status).toBe(404);
    const needles = [referral.participantId, referral.referralId, participantComplaint, orgComplaint, NAME.family, NAME.bsn, NAME.clientNumber, SUBJECT, ORG_SUBJECT, 'Stichting Werkplaats'];
    for (const body of managerBodies) for (const n of needles) expect(body, n).not.toContain(n);
  });
});
