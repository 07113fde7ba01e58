// R-EXC-3: exports of whole filtered lists as XLSX and CSV, streamed by the server: the header row, every
// row of the filtered list (not one page), the room's scope, the formula guard, CSV with BOM and ';',
// a bad format as problem+json, and the audit lines of the read.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_NAMES } from '../src/domain/route-names.js';
import { organisationId } from '../src/features/organisations/store.js';
import { sha256 } from '../src/platform/crypto.js';
import { enqueueMail } from '../src/platform/outbox.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const LEERHUIS = organisationId('provider', 'leerhuis-noord');

/** The reply as bytes (Client reads text), with the client's session cookie. */
async function download(t: TestKoers, c: Client, url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const cookie = (c as unknown as { cookie: string }).cookie;
  const res = await fetch(t.url + url, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function readXlsx(bytes: Buffer): Promise<(string | number | Date | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  const rows: (string | number | Date | null)[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === undefined ? null : (v as string | number | Date | null))));
  });
  return rows;
}

function readCsv(bytes: Buffer): { bom: boolean; lines: string[][] } {
  const text = bytes.toString('utf8');
  const bom = text.startsWith('\uFEFF');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
  return { bom, lines: lines.map((l) => l.split(';')) };
}

describe(`exports on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let otherConsultant: Client;
  let taalpunt: Client;
  const taalpuntReferralIds: string[] = [];
  const leerhuisReferralIds: string[] = [];

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-01' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    otherConsultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const refer = async (input: Record<string, unknown>, providerId: string) => {
      const res = await consultant.post('/api/v1/participants', aParticipantInput({ ...input, referral: { providerId, productCode: 'b1_language' } }));
      if (res.status !== 201) throw new Error(`fixture: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.referrals[0].id as string;
    };
    // 30 for Taalpunt: more than a page of 25. Two "Mei Wang"s, told apart by date of birth; one name a
    // spreadsheet would run as a formula.
    taalpuntReferralIds.push(await refer({ givenName: 'Mei', familyName: 'Wang', dateOfBirth: '1988-03-02', clientNumber: 'K-1001' }, TAALPUNT));
    taalpuntReferralIds.push(await refer({ givenName: 'Mei', familyName: 'Wang', dateOfBirth: '1994-11-20', clientNumber: 'K-1002' }, TAALPUNT));
    taalpuntReferralIds.push(await refer({ givenName: '=HYPERLINK("http://x")', familyName: '@Formule' }, TAALPUNT));
    for (let i = 0; i < 27; i++) taalpuntReferralIds.push(await refer({}, TAALPUNT));
    for (let i = 0; i < 3; i++) leerhuisReferralIds.push(await refer({}, LEERHUIS));
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('R-EXC-3: the provider\'s XLSX holds a header row and every one of its 30 referrals (not a page of 25), none of another provider, under a file name without a name', async () => {
    const listed = await taalpunt.get('/api/v1/referrals?pageSize=25');
    expect(listed.body.items).toHaveLength(25);
    expect(listed.body.total).toBe(30);

    const res = await download(t, taalpunt, '/api/v1/referrals/export?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="aanmeldingen-2026-12-01.xlsx"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const rows = await readXlsx(res.bytes);
    expect(rows[0]).toEqual([
      'Achternaam', 'Voornaam', 'Geboortedatum', 'Klantnummer', 'Aanbieder', 'Perceel', 'Status',
      'Aangemeld op', 'Ontvangstbevestiging uiterlijk', 'Bevestigd op', 'Aanmelding-id',
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(30);
    const ids = body.map((r) => r[10]);
    expect(new Set(ids)).toEqual(new Set(taalpuntReferralIds));
    for (const id of leerhuisReferralIds) expect(ids).not.toContain(id);
    // Dates are date cells, the two Mei Wangs are told apart by them.
    const wangs = body.filter((r) => r[0] === 'Wang');
    expect(wangs.map((r) => (r[2] as Date).toISOString().slice(0, 10)).sort()).toEqual(['1988-03-02', '1994-11-20']);
  });

  it('R-EXC-3: a cell starting with = or @ gets a leading apostrophe in XLSX and CSV, so no spreadsheet runs it', async () => {
    const xlsx = await readXlsx((await download(t, taalpunt, '/api/v1/referrals/export?format=xlsx&q=Formule')).bytes);
    expect(xlsx.slice(1)).toHaveLength(1);
    expect(xlsx[1]?.[0]).toBe("'@Formule");
    expect(xlsx[1]?.[1]).toBe(`'=HYPERLINK("http://x")`);
    const csv = (await download(t, taalpunt, '/api/v1/referrals/export?format=csv&q=Formule')).bytes.toString('utf8');
    expect(csv).toContain(`'@Formule;"'=HYPERLINK(""http://x"")"`);
  });

  it('R-EXC-3: the CSV starts with a BOM, separates with ";" and follows the list\'s search (the two Mei Wangs, with date of birth and client number)', async () => {
    const res = await download(t, taalpunt, '/api/v1/referrals/export?format=csv&q=wang&sort=name');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="aanmeldingen-2026-12-01.csv"');
    const { bom, lines } = readCsv(res.bytes);
    expect(bom).toBe(true);
    expect(lines[0]?.slice(0, 4)).toEqual(['Achternaam', 'Voornaam', 'Geboortedatum', 'Klantnummer']);
    expect(lines.slice(1).map((l) => l.slice(0, 4))).toEqual([
      ['Wang', 'Mei', '1988-03-02', 'K-1001'],
      ['Wang', 'Mei', '1994-11-20', 'K-1002'],
    ]);
  });

  it('R-EXC-3: another municipality\'s consultant exports an empty list of Hoorn\'s referrals (header only)', async () => {
    const res = await download(t, otherConsultant, '/api/v1/referrals/export?format=csv');
    expect(res.status).toBe(200);
    const { lines } = readCsv(res.bytes);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toBe('Achternaam');
  });

  it('a bad format is a problem+json 400 naming the field, and writes no audit line', async () => {
    const before = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE summary LIKE 'export%'`);
    for (const url of ['/api/v1/referrals/export?format=pdf', '/api/v1/participants/export', '/api/v1/signals/export?format=XLSX', '/api/v1/attendance-rates/export?format=']) {
      const res = await consultant.get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'format' })]);
    }
    const after = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE summary LIKE 'export%'`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('R-SEC-2: an export writes one audit line per participant in it, named as the list read and marked as an export with the count', async () => {
    const { rows } = { rows: await readXlsx((await download(t, consultant, '/api/v1/referrals/export?format=xlsx&status=referred')).bytes) };
    expect(rows.slice(1)).toHaveLength(33);
    const lines = await t.koers.db.query<{ name: string; summary: string; n: number }>(
      `SELECT name, summary, count(*)::int AS n FROM audit_event WHERE summary LIKE 'export xlsx%' AND name = 'referral.list' AND actor_role = 'consultant' GROUP BY name, summary`,
    );
    expect(lines).toEqual([{ name: 'referral.list', summary: 'export xlsx batch 1: 33 rows', n: 33 }]);
  });

  it('R-EXC-3: the participant export holds every participant of the search, no BSN; the work-list and attendance exports answer with their headers', async () => {
    const participants = await readXlsx((await download(t, consultant, '/api/v1/participants/export?format=xlsx')).bytes);
    const total = (await consultant.get('/api/v1/participants?pageSize=1')).body.total as number;
    expect(total).toBe(33);
    expect(participants.slice(1)).toHaveLength(33);
    expect(participants[0]).not.toContain('BSN');
    // The route by its official name from the one table (src/domain/route-names.ts), not its code.
    const routeColumn = (participants[0] ?? []).indexOf('Leerroute');
    const officialNames = Object.values(ROUTE_NAMES).map((n) => n.nl);
    expect(participants.slice(1).every((row) => officialNames.includes(String(row[routeColumn])))).toBe(true);
    const other = readCsv((await download(t, otherConsultant, '/api/v1/participants/export?format=csv')).bytes);
    expect(other.lines).toEqual([expect.arrayContaining(['Achternaam', 'Geboortedatum'])]);

    // Every referral owes an acknowledgement: 33 pending steps for Hoorn, 30 for Taalpunt.
    const work = readCsv((await download(t, consultant, '/api/v1/signals/export?format=csv')).bytes);
    expect(work.lines[0]?.[0]).toBe('Wat moet er gebeuren');
    expect(work.lines.slice(1)).toHaveLength(33);
    const providerWork = readCsv((await download(t, taalpunt, '/api/v1/signals/export?format=csv&addressee=provider')).bytes);
    expect(providerWork.lines.slice(1)).toHaveLength(30);
    expect(providerWork.lines.slice(1).every((l) => l[0] === 'Ontvangst bevestigen')).toBe(true);

    const rates = await download(t, consultant, '/api/v1/attendance-rates/export?format=xlsx&from=2026-11-01&to=2026-11-30');
    expect(rates.status).toBe(200);
    expect(rates.headers.get('content-disposition')).toBe('attachment; filename="aanwezigheid-2026-12-01.xlsx"');
    expect((await readXlsx(rates.bytes))[0]?.slice(0, 3)).toEqual(['Achternaam', 'Voornaam', 'Geboortedatum']);
  });

  it('an export outside the room is the list\'s refusal: a teacher gets 404 as on the list', async () => {
    const teacher = await Client.loggedIn(t, await aUser(t, 'teacher', 'taalpunt-westfriesland'));
    expect((await teacher.get('/api/v1/referrals')).status).toBe(404);
    expect((await teacher.get('/api/v1/referrals/export?format=csv')).status).toBe(404);
    expect((await teacher.get('/api/v1/attendance-rates/export?format=csv')).status).toBe((await teacher.get('/api/v1/attendance-rates')).status);
  });
});

// Issue #10: the group, outbox and API key lists exported like the lists of people: the list's search,
// order, permission and room; every row of the filtered list; no secret and no message text.
describe(`exports of the group, outbox and API key lists on ${DB_KIND}`, () => {
  let t: TestKoers;
  let taalpunt: Client;
  let leerhuis: Client;
  let admin: Client;
  let teacher: Client;
  const taalpuntGroups: string[] = [];
  let leerhuisGroup = '';
  const group = (name: string, location: string, over: Record<string, unknown> = {}) => ({
    name, levelBand: 'a2b1', literacy: 'literate', location, schedule: [{ weekday: 2, startTime: '09:00', minutes: 180, kind: 'language' }], activeFrom: '2026-11-01', ...over,
  });
  const made = async (res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    if (r.status !== 201) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-01' });
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    leerhuis = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    const teacherUser = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    teacher = await Client.loggedIn(t, teacherUser);
    taalpuntGroups.push((await made(taalpunt.post('/api/v1/groups', group('B1 ochtend', 'Hoorn', { teacherUserId: teacherUser.id })))).id);
    taalpuntGroups.push((await made(taalpunt.post('/api/v1/groups', group('Alfa middag', 'Hoorn', { levelBand: 'fastAlfa', literacy: 'illiterate' })))).id);
    taalpuntGroups.push((await made(taalpunt.post('/api/v1/groups', group('Z avond', 'Enkhuizen', { levelBand: 'z' })))).id);
    leerhuisGroup = (await made(leerhuis.post('/api/v1/groups', group('Leerhuis ochtend', 'Hoorn')))).id;
    // 30 mails (more than a page of 25), one a password reset with a working link.
    await t.koers.db.transaction(async (tx) => {
      for (let i = 0; i < 29; i++) {
        await enqueueMail(tx, { dedupeKey: `export-test:${i}`, municipalityId: null, recipients: [`ontvanger${String(i).padStart(2, '0')}@test.koers`], subject: `Ontvangstbevestiging te laat ${i}`, body: `Aanmelding ${i}` });
      }
      await enqueueMail(tx, { dedupeKey: 'export-test:reset', municipalityId: null, recipients: ['herstel@test.koers'], subject: 'Wachtwoord herstellen', body: 'Open /wachtwoord-herstellen#GEHEIM-herstel-token' });
    });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('R-EXC-3: the group XLSX holds the header and every group of the provider (not a page; the list\'s room, search and order), none of another provider', async () => {
    const paged = await taalpunt.get('/api/v1/groups?pageSize=2&page=2');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
    const res = await download(t, taalpunt, '/api/v1/groups/export?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="groepen-2026-12-01.xlsx"');
    const rows = await readXlsx(res.bytes);
    expect(rows[0]).toEqual(['Naam', 'Niveau', 'Geletterdheid', 'Locatie', 'Docent', 'Deelnemers', 'Maximum', 'Actief vanaf', 'Actief tot', 'Groep-id']);
    expect(rows.slice(1).map((r) => r[9])).toEqual((await taalpunt.get('/api/v1/groups')).body.items.map((g: { id: string }) => g.id));
    expect(new Set(rows.slice(1).map((r) => r[9]))).toEqual(new Set(taalpuntGroups));
    expect(rows.find((r) => r[0] === 'B1 ochtend')?.slice(1, 7)).toEqual(['A2-B1', 'Alfabeet', 'Hoorn', 'Test teacher', 0, 15]);
    expect(rows.find((r) => r[0] === 'Alfa middag')?.[4]).toBe('Nog geen docent');

    // Searched and sorted as the list: the Hoorn groups, by level (Alfa before A2-B1).
    const listed = (await taalpunt.get('/api/v1/groups?q=hoorn&sort=level')).body.items.map((g: { name: string }) => g.name);
    expect(listed).toEqual(['Alfa middag', 'B1 ochtend']);
    const csv = readCsv((await download(t, taalpunt, '/api/v1/groups/export?format=csv&q=hoorn&sort=level')).bytes);
    expect(csv.bom).toBe(true);
    expect(csv.lines.slice(1).map((l) => l[0])).toEqual(listed);
    // Another provider exports its own group only; a teacher only the group it teaches.
    const other = readCsv((await download(t, leerhuis, '/api/v1/groups/export?format=csv')).bytes);
    expect(other.lines.slice(1).map((l) => l[9])).toEqual([leerhuisGroup]);
    const taught = readCsv((await download(t, teacher, '/api/v1/groups/export?format=csv')).bytes);
    expect(taught.lines.slice(1).map((l) => l[0])).toEqual(['B1 ochtend']);
  });

  it('R-EXC-3: the outbox export holds every mail of the filtered list (not a page of 25), audited as the outbox read, without the message text', async () => {
    const listed = await admin.get('/api/v1/outbox?q=test.koers&pageSize=25');
    expect(listed.body.total).toBe(30);
    expect(listed.body.items).toHaveLength(25);
    const res = await download(t, admin, '/api/v1/outbox/export?format=xlsx&q=test.koers');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="uitgaande-mail-2026-12-01.xlsx"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const rows = await readXlsx(res.bytes);
    expect(rows[0]).toEqual(['Aangemaakt', 'Aan', 'Onderwerp', 'Status', 'Pogingen', 'Verzonden', 'Laatste fout', 'Bericht-id']);
    expect(rows.slice(1)).toHaveLength(30);
    // The list's order (newest first) for its first page.
    expect(rows.slice(1, 26).map((r) => r[7])).toEqual(listed.body.items.map((m: { id: string }) => m.id));
    expect(String(rows[1]?.[0])).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect(rows[1]?.[3]).toBe('Wacht op verzending');
    const lines = await t.koers.db.query<{ summary: string }>(`SELECT summary FROM audit_event WHERE name = 'outbox.list' AND summary LIKE 'export xlsx%'`);
    expect(lines.map((l) => l.summary)).toEqual(['export xlsx batch 1: 30 mails']);

    // Searched and sorted as the list; the reset link is in no export (nor any message text).
    const csv = await download(t, admin, '/api/v1/outbox/export?format=csv&q=ontvanger&sort=recipient');
    const text = csv.bytes.toString('utf8');
    expect(text).not.toContain('GEHEIM');
    expect(text).not.toContain('Aanmelding 1');
    const { lines: csvLines } = readCsv(csv.bytes);
    expect(csvLines.slice(1).map((l) => l[1])).toEqual(Array.from({ length: 29 }, (_, i) => `ontvanger${String(i).padStart(2, '0')}@test.koers`));
    expect((await download(t, admin, '/api/v1/outbox/export?format=csv&q=herstel')).bytes.toString('utf8')).not.toContain('GEHEIM');
  });

  it('R-EXC-3: the outbox export is the admin\'s as the list is: a coordinator gets 404', async () => {
    expect((await taalpunt.get('/api/v1/outbox')).status).toBe(404);
    const res = await taalpunt.get('/api/v1/outbox/export?format=csv');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('R-EXC-3: the API key export lists the provider\'s keys with name, hint, dates and status, never the key or its hash', async () => {
    const first = await made(taalpunt.post('/api/v1/api-keys', { name: 'Leerlingvolgsysteem' }));
    const second = await made(taalpunt.post('/api/v1/api-keys', { name: 'Roostersysteem' }));
    expect((await taalpunt.request('DELETE', `/api/v1/api-keys/${second.id}`)).status).toBe(200);
    await made(leerhuis.post('/api/v1/api-keys', { name: 'Leerhuis-systeem' }));

    const res = await download(t, taalpunt, '/api/v1/api-keys/export?format=xlsx');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="koppelingen-2026-12-01.xlsx"');
    const rows = await readXlsx(res.bytes);
    expect(rows[0]).toEqual(['Naam', 'Eindigt op', 'Gemaakt', 'Gemaakt door', 'Laatst gebruikt', 'Status', 'Ingetrokken op', 'Koppeling-id']);
    // The list's order: active keys first.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['Leerlingvolgsysteem', `…${String(first.key).slice(-4)}`, 'Actief'],
      ['Roostersysteem', `…${String(second.key).slice(-4)}`, 'Ingetrokken'],
    ]);
    const csv = (await download(t, taalpunt, '/api/v1/api-keys/export?format=csv')).bytes.toString('utf8');
    for (const k of [first, second]) {
      expect(csv).not.toContain(k.key);
      expect(csv).not.toContain(sha256(k.key));
    }
    // Searched and sorted as the list; another provider sees its own key only.
    const byName = readCsv((await download(t, taalpunt, '/api/v1/api-keys/export?format=csv&q=rooster&sort=-name')).bytes);
    expect(byName.lines.slice(1).map((l) => l[0])).toEqual(['Roostersysteem']);
    expect((await taalpunt.get('/api/v1/api-keys?sort=-name')).body.items.map((k: { name: string }) => k.name)).toEqual(['Roostersysteem', 'Leerlingvolgsysteem']);
    const paged = (await taalpunt.get('/api/v1/api-keys?sort=name&pageSize=1&page=2')).body;
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [expect.objectContaining({ name: 'Roostersysteem' })] });
    expect(readCsv((await download(t, taalpunt, '/api/v1/api-keys/export?format=csv&sort=name')).bytes).lines).toHaveLength(3);
    const other = readCsv((await download(t, leerhuis, '/api/v1/api-keys/export?format=csv')).bytes);
    expect(other.lines.slice(1).map((l) => l[0])).toEqual(['Leerhuis-systeem']);
  });

  it('a bad format or sort on these exports is a problem+json 400 naming the field, and writes no audit line', async () => {
    const before = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    for (const [c, url, field] of [
      [taalpunt, '/api/v1/groups/export?format=pdf', 'format'],
      [taalpunt, '/api/v1/groups/export', 'format'],
      [admin, '/api/v1/outbox/export?format=XLSX', 'format'],
      [taalpunt, '/api/v1/api-keys/export?format=', 'format'],
      [taalpunt, '/api/v1/groups/export?format=csv&sort=bsn', 'sort'],
    ] as const) {
      const res = await c.get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: field })]);
    }
    const after = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
