// Issue #13, R-MI-6 / R-CON-8: report instances, the provider's draft and submission, the frozen report
// and the difference after a correction, the recipients' mail and the report signals — on PGlite and
// PostgreSQL. Centraal Gelderland (001 §4.2): one region-wide quarterly management information per
// contracted provider (six), due "voor de 20ste van de opvolgende maand": 2027-Q1 is due 19 April 2027.
// Today is Saturday 10 April 2027. Sagènn's two Arnhem B1-language referrals, computed on paper:
//   a: referred 10 Jan 2027, intake 20 Jan, started 1 Feb  → Q1: 1a, 1b, 1c; waited 10 Jan → 1 Feb = 22 days
//   b: referred 15 Feb 2027, nothing since                → Q1: 1a; on the waiting list at 31 March (item 5)
// So for Arnhem — B1-route taal in 2027-Q1: 1a = 2, 1b = 1, 1c = 1, 5 = 1, 6 = 22.0; every earlier column 0.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSignalEngine } from '../src/features/referrals/signal-engine.js';
import { reconcileReportSignals, withReportSignals } from '../src/features/reports/report-signals.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aReportReferral, type BuiltReferral } from './support/report-builders.js';

const CG = 'centraal-gelderland';
const Q1 = `${CG}~quarterlyManagementInformation~2027-Q1~region~sagenn`;
const Q2 = `${CG}~quarterlyManagementInformation~2027-Q2~region~sagenn`;
const CELL = 'Arnhem — B1-route taal';
const PROVIDERS = ['echt-nederlands', 'nederlands-de-baas', 'newbees', 'sagenn', 'scalabor', 'taalgericht-2-0'];

type Doc = { sections: { heading: string; table?: { columns: string[]; rows: unknown[][] }; text?: string | null }[] };
const rowOf = (doc: Doc, heading: string, label: string): unknown[] | undefined => doc.sections.find((s) => s.heading === heading)?.table?.rows.find((r) => r[0] === label);

describe(`report submission on ${DB_KIND}`, () => {
  let t: TestKoers;
  let sagenn: Client;
  let newbees: Client;
  let arnhem: Client;
  let manager: Client;
  let officer: Client;
  let outsider: Client;
  let a: BuiltReferral;
  let b: BuiltReferral;
  let managerEmail = '';
  let beforeSubmission: Doc;
  let firstHash = '';

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-04-10' });
    const user = await aUser(t, 'consultant', 'arnhem');
    const r = { db: t.koers.db, userId: user.id, contractId: CG };
    arnhem = await Client.loggedIn(t, user);
    sagenn = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'sagenn'));
    newbees = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'newbees'));
    const m = await aUser(t, 'contractManager', CG);
    managerEmail = m.email;
    manager = await Client.loggedIn(t, m);
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'arnhem'));
    outsider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    a = await aReportReferral(r, 'arnhem', 'sagenn', 'b1_language', { referredOn: '2027-01-10', intakeHeldOn: '2027-01-20', startedOn: '2027-02-01' });
    b = await aReportReferral(r, 'arnhem', 'sagenn', 'b1_language', { referredOn: '2027-02-15' });
    await aReportReferral(r, 'arnhem', 'echt-nederlands', 'b1_language', { referredOn: '2027-01-12' }); // another provider's: never in Sagènn's report
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists the instances each reader sees, with due date and status', async () => {
    const list = (c: Client, extra = '') => c.get(`/api/v1/reports/instances?contractId=${CG}&period=2027-Q1${extra}`);
    const own = await list(sagenn);
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([
      expect.objectContaining({ id: Q1, kind: 'quarterlyManagementInformation', scope: 'region', municipality: null, provider: 'sagenn', period: { id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' }, dueOn: '2027-04-19', status: 'due', periodEnded: true, submittedAt: null, corrections: 0, figuresAvailable: true }),
    ]);
    // The consultant, the contract manager and the policy officer: all six providers' region instances.
    for (const c of [arnhem, manager, officer]) expect(((await list(c)).body.items as { provider: string }[]).map((i) => i.provider).sort()).toEqual(PROVIDERS);
    expect((await list(arnhem, '&q=sag')).body.total).toBe(1);
    expect((await list(arnhem, '&status=late')).body.total).toBe(0);
    // 2026-Q1 … 2027-Q2 end in the default window (1 Jan 2026 – 30 Jun 2027): six quarters; 2026's are late.
    const all = await sagenn.get(`/api/v1/reports/instances?contractId=${CG}&sort=period`);
    expect((all.body.items as { period: { id: string }; status: string }[]).map((i) => `${i.period.id}:${i.status}`)).toEqual(['2026-Q1:late', '2026-Q2:late', '2026-Q3:late', '2026-Q4:late', '2027-Q1:due', '2027-Q2:due']);
    expect((await outsider.get(`/api/v1/reports/instances?contractId=${CG}`)).status).toBe(404);
    expect((await sagenn.get(`/api/v1/reports/instances?from=2027-05-01&to=2027-01-01`)).status).toBe(422);
  });

  it('shows the provider every figure of its own report before submission', async () => {
    const res = await sagenn.get(`/api/v1/reports/instances/${Q1}`);
    expect(res.status).toBe(200);
    expect(res.body.figuresShown).toBe(true);
    expect(res.body.submitted).toBeNull();
    expect(res.body.entered).toEqual([{ key: '17', label: '17 Algemeen vak voor toelichtingen en/of opmerkingen' }]);
    const doc = res.body.current as Doc;
    // Sagènn's contracted products (z_language, b1_language, b1_participation) × the nine municipalities, which all
    // take part in all three (centraal-gelderland.yaml), and item 17: 9 × 3 + 1 = 28 sections.
    expect(doc.sections).toHaveLength(28);
    expect(doc.sections.find((s) => s.heading === CELL)?.table?.columns).toEqual(['Onderdeel', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(rowOf(doc, CELL, '1a Aantal aangemeld')).toEqual(['1a Aantal aangemeld', 0, 0, 0, 2]);
    expect(rowOf(doc, CELL, '1b Aantal intake gehad')).toEqual(['1b Aantal intake gehad', 0, 0, 0, 1]);
    expect(rowOf(doc, CELL, '1c Aantal gestart in reguliere klas of opstartklas en dus lopende trajecten')?.slice(1)).toEqual([0, 0, 0, 1]);
    expect(rowOf(doc, CELL, '5 Aantal inburgeringsplichtigen op wachtlijst')?.slice(1)).toEqual([0, 0, 0, 1]);
    expect(rowOf(doc, CELL, '6 Gemiddelde tijd op wachtlijst (kalenderdagen)')?.slice(1)).toEqual([null, null, null, 22]);
    // Echt Nederlands' referral is not Sagènn's: the Arnhem B1 cell counts 2, not 3, and Echt Nederlands' report has it.
    const other = await arnhem.get(`/api/v1/reports/instances/${CG}~quarterlyManagementInformation~2027-Q1~region~echt-nederlands`);
    expect(other.body.figuresShown).toBe(false); // a region report: other municipalities' small counts
    beforeSubmission = doc;
  });

  it('saves the draft under an optimistic lock and refuses what it cannot submit, in Dutch', async () => {
    const put = (body: unknown) => sagenn.request('PUT', `/api/v1/reports/instances/${Q1}/draft`, body);
    const empty = await sagenn.post(`/api/v1/reports/instances/${Q1}/submissions`, { lockVersion: 0 });
    expect(empty.status).toBe(422);
    expect(empty.body.invalidParams).toEqual([{ name: 'entered.17', code: 'required', reason: 'Vul “17 Algemeen vak voor toelichtingen en/of opmerkingen” in.' }]);
    expect((await put({ entered: { 99: 'x' }, lockVersion: 0 })).status).toBe(422);
    const saved = await put({ entered: { 17: 'Wachtlijst in Arnhem loopt op door een late start in februari.' }, lockVersion: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.lockVersion).toBe(1);
    expect((await put({ entered: { 17: 'ouder' }, lockVersion: 0 })).status).toBe(409);
    expect((await sagenn.post(`/api/v1/reports/instances/${Q1}/submissions`, { lockVersion: 0 })).status).toBe(409);
    // A consultant cannot write a provider's report (no report.submit): 404, nothing told.
    expect((await arnhem.request('PUT', `/api/v1/reports/instances/${Q1}/draft`, { entered: {}, lockVersion: 1 })).status).toBe(404);
    const early = await sagenn.post(`/api/v1/reports/instances/${Q2}/submissions`, { lockVersion: 0 });
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body.invalidParams[0]).toEqual({ name: 'id', code: 'periodNotEnded', reason: 'De periode 2027-Q2 loopt tot en met 30-06-2027. U kunt deze rapportage pas indienen na afloop van de periode.' });
  });

  it('submits: frozen with its hash, the status turns submitted, the contract manager gets a mail without names', async () => {
    const res = await sagenn.post(`/api/v1/reports/instances/${Q1}/submissions`, { lockVersion: 1 });
    expect(res.status).toBe(201);
    expect(res.body.sequence).toBe(1);
    expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    firstHash = res.body.contentHash;
    const [row] = await t.koers.db.query<{ content: string; content_hash: string }>(`SELECT content, content_hash FROM report_submission WHERE instance_key = $1`, [Q1]);
    expect(createHash('sha256').update(row?.content ?? '').digest('hex')).toBe(firstHash);
    const detail = await sagenn.get(`/api/v1/reports/instances/${Q1}`);
    expect(detail.body.instance).toEqual(expect.objectContaining({ status: 'submitted', submittedAt: expect.stringMatching(/^2027-/), corrections: 0 }));
    expect(detail.body.submitted.sections.at(-1)).toEqual({ heading: '17 Algemeen vak voor toelichtingen en/of opmerkingen', text: 'Wachtlijst in Arnhem loopt op door een late start in februari.' });
    expect(detail.body.differences).toEqual({ cells: [], onlySubmitted: [], onlyNow: [] });
    expect(detail.body.submissions).toEqual([expect.objectContaining({ sequence: 1, contractVersion: 1, contentHash: firstHash, correctionReason: null, intact: true })]);
    const mails = await t.koers.db.query<{ recipient: string; subject: string; body: string }>(`SELECT recipient, subject, body FROM outbox WHERE dedupe_key LIKE 'report-submitted:%'`);
    expect(mails.map((m) => m.recipient)).toEqual([managerEmail.toLowerCase()]); // 001 §4.2: recipients [contractManager]
    expect(mails[0]?.subject).toBe('Koers: Kwartaalmanagementinformatie 2027-Q1 ingediend — Regio Centraal Gelderland');
    expect(mails[0]?.body).toContain(`/rapportages/${encodeURIComponent(Q1)}`);
    expect(mails[0]?.body).not.toMatch(/Test|Deelnemer/);
    await expect(t.koers.db.query(`UPDATE report_submission SET content = '{}' WHERE instance_key = $1`, [Q1])).rejects.toThrow(/append-only/);
  });

  it('keeps the frozen report after a fact of the quarter is corrected, and shows both values and the difference', async () => {
    // b was really referred on 28 December 2026, a's intake held on 20 December: both move from 2027-Q1 to 2026-Q4.
    await t.koers.db.query(`UPDATE referral SET referred_on = '2026-12-28' WHERE id = $1`, [b.referralId]);
    await t.koers.db.query(`UPDATE referral SET intake_held_on = '2026-12-20' WHERE id = $1`, [a.referralId]);
    const res = await sagenn.get(`/api/v1/reports/instances/${Q1}`);
    // Exactly the figures shown before submission, with the entered text in item 17.
    const text = { heading: '17 Algemeen vak voor toelichtingen en/of opmerkingen', text: 'Wachtlijst in Arnhem loopt op door een late start in februari.' };
    expect(res.body.submitted).toEqual({ ...beforeSubmission, sections: [...beforeSubmission.sections.slice(0, -1), text] });
    // 1a: Q4 0 → 1, Q1 2 → 1; 1b: Q4 0 → 1, Q1 1 → 0; 5 (stock at 31 Dec): b waiting, 0 → 1. Item 6 (a's wait) unchanged.
    const cell = (row: string, column: string, submitted: number, now: number) => ({ section: CELL, row, column, submitted, now, difference: now - submitted });
    expect(res.body.differences).toEqual({
      cells: [
        cell('1a Aantal aangemeld', '2026-Q4', 0, 1),
        cell('1a Aantal aangemeld', '2027-Q1', 2, 1),
        cell('1b Aantal intake gehad', '2026-Q4', 0, 1),
        cell('1b Aantal intake gehad', '2027-Q1', 1, 0),
        cell('5 Aantal inburgeringsplichtigen op wachtlijst', '2026-Q4', 0, 1),
      ],
      onlySubmitted: [],
      onlyNow: [],
    });
  });

  it('takes a correction as a new row with its reason; the first stays and keeps the status date', async () => {
    expect((await sagenn.post(`/api/v1/reports/instances/${Q1}/submissions`, { lockVersion: 1 })).body.invalidParams[0].name).toBe('correctionReason');
    const res = await sagenn.post(`/api/v1/reports/instances/${Q1}/submissions`, { lockVersion: 1, correctionReason: 'Aanmelddatum gecorrigeerd.' });
    expect(res.status).toBe(201);
    expect(res.body.sequence).toBe(2);
    const detail = await sagenn.get(`/api/v1/reports/instances/${Q1}`);
    expect(detail.body.submissions.map((s: { sequence: number; contentHash: string; correctionReason: string | null }) => [s.sequence, s.contentHash === firstHash, s.correctionReason])).toEqual([[1, true, null], [2, false, 'Aanmelddatum gecorrigeerd.']]);
    expect(detail.body.instance).toEqual(expect.objectContaining({ status: 'submitted', corrections: 1 }));
    expect(detail.body.differences.cells).toEqual([]);
    expect(rowOf(detail.body.submitted as Doc, CELL, '1a Aantal aangemeld')).toEqual(['1a Aantal aangemeld', 0, 0, 1, 1]);
    // The consultant, the contract manager, the policy officer: status, dates and hash of a region report, not its figures.
    for (const c of [arnhem, manager, officer]) {
      const seen = await c.get(`/api/v1/reports/instances/${Q1}`);
      expect(seen.status).toBe(200);
      expect([seen.body.figuresShown, seen.body.submitted, seen.body.current, seen.body.draft, seen.body.submissions.length]).toEqual([false, null, null, null, 2]);
    }
    expect((await newbees.get(`/api/v1/reports/instances/${Q1}`)).status).toBe(404);
    const pdf = await sagenn.bytes(`/api/v1/reports/instances/${Q1}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await arnhem.get(`/api/v1/reports/instances/${Q1}/export?format=xlsx`)).status).toBe(422);
  });

  it('raises one signal per instance due within ten working days or late, idempotently, and resolves the submitted one', async () => {
    const cg = async () =>
      t.koers.db.query<{ cause: string; status: string; n: number }>(
        `SELECT cause, status, count(*)::int AS n FROM signal WHERE period LIKE 'centraal-gelderland~%' GROUP BY cause, status ORDER BY cause, status`,
      );
    await t.koers.db.transaction((tx) => reconcileReportSignals(tx, t.koers.contracts, '2027-04-10'));
    // 2026-Q1…Q4 (in the 460 days looked back) are late for all six providers: 24; 2027-Q1 is due 19 April, six working days
    // after Saturday 10 April (12–16 and 19 April): due for the five providers that have not submitted.
    expect(await cg()).toEqual([{ cause: 'periodicReport.due', status: 'open', n: 5 }, { cause: 'periodicReport.late', status: 'open', n: 24 }]);
    const again = await t.koers.db.transaction((tx) => reconcileReportSignals(tx, t.koers.contracts, '2027-04-10'));
    expect(again.raised).toBe(0);
    // On 20 April the five are late: five late signals raised, the five due ones resolved (the late one replaces them).
    await t.koers.db.transaction((tx) => reconcileReportSignals(tx, t.koers.contracts, '2027-04-20'));
    expect(await cg()).toEqual([{ cause: 'periodicReport.due', status: 'resolved', n: 5 }, { cause: 'periodicReport.late', status: 'open', n: 29 }]);
    // The scheduled run (src/app.ts composes the extension the same way) finds nothing new on the same day.
    await runSignalEngine(t.koers.db, t.koers.contracts, '2027-04-20', withReportSignals(t.koers.contracts));
    expect(await cg()).toEqual([{ cause: 'periodicReport.due', status: 'resolved', n: 5 }, { cause: 'periodicReport.late', status: 'open', n: 29 }]);
  });
});

