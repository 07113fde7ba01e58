// Builders for the import tests (issue #4, R-EXC-2): a Taalpunt group with members placed through the
// API, many lessons written straight into the table (generating three years of lessons through the API
// would test the generator, not the import), and CSV text or a CSV stream for lessons × members.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createKoers } from '../../src/app.js';
import { organisationId } from '../../src/features/organisations/store.js';
import { SettableClock } from '../../src/platform/clock.js';
import { aParticipantInput, aUser, Client, portOf, testConfig, type TestKoers } from './koers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
export const HEADER = 'les-id;lesdatum;begintijd;deelnemer-id;klantnummer;naam;aanwezig;minuten aanwezig;reden afwezigheid;afgemeld';

export interface World {
  coordinator: Client;
  groupId: string;
  members: string[];
  /** Lessons ordered by date and start. */
  lessons: { id: string; date: string }[];
}

export interface SheetRow {
  lessonId: string;
  participantId: string;
  present?: string;
  minutes?: string;
  reason?: string;
  calledIn?: string;
}

/** A group of `size` members (from `from`) with `lessonCount` lessons of 120 minutes, three a day from `from`. */
export async function aWorld(t: TestKoers, opts: { size: number; lessonCount: number; from: string; consultant?: Client; coordinator?: Client; provider?: string }): Promise<World> {
  const consultant = opts.consultant ?? (await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn')));
  const coordinator = opts.coordinator ?? (await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland')));
  // Another region's provider (its consultant and coordinator given too); Taalpunt by default.
  const providerId = opts.provider === undefined ? TAALPUNT : organisationId('provider', opts.provider);
  const g = await coordinator.post('/api/v1/groups', { name: 'B1 import', levelBand: 'a2b1', literacy: 'literate', location: 'Hoorn', sizeLimit: Math.max(opts.size, 1), schedule: [], activeFrom: opts.from });
  if (g.status !== 201) throw new Error(`group: ${g.status} ${JSON.stringify(g.body)}`);
  const members: string[] = [];
  for (let i = 0; i < opts.size; i++) {
    const p = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId, productCode: 'b1_language' } }));
    if (p.status !== 201) throw new Error(`participant: ${p.status} ${JSON.stringify(p.body)}`);
    const m = await coordinator.post(`/api/v1/groups/${g.body.id}/members`, { participantId: p.body.id, referralId: p.body.referrals[0].id, from: opts.from, literacy: 'literate' });
    if (m.status !== 201) throw new Error(`member: ${m.status} ${JSON.stringify(m.body)}`);
    members.push(p.body.id);
  }
  await t.koers.db.query(
    `INSERT INTO lesson (id, group_id, date, start_time, minutes, kind)
     SELECT gen_random_uuid(), $1, (($2::date + (n / 3)))::date, (ARRAY['09:00','13:00','19:00'])[n % 3 + 1], 120, 'language'
     FROM generate_series(0, $3::int - 1) AS n`,
    [g.body.id, opts.from, opts.lessonCount],
  );
  const lessons = await t.koers.db.query<{ id: string; date: string }>(`SELECT id, date FROM lesson WHERE group_id = $1 ORDER BY date, start_time`, [g.body.id]);
  return { coordinator, groupId: g.body.id, members, lessons };
}

/** The first `count` rows of lessons × members, everyone present unless `edit` says otherwise. */
export function rowsOf(w: World, count: number, edit: (row: SheetRow, i: number) => SheetRow = (r) => r): SheetRow[] {
  const out: SheetRow[] = [];
  for (let i = 0; out.length < count; i++) {
    const lesson = w.lessons[Math.floor(i / w.members.length)];
    if (lesson === undefined) throw new Error('not enough lessons for the rows asked');
    out.push(edit({ lessonId: lesson.id, participantId: w.members[i % w.members.length] ?? '', present: 'ja', calledIn: 'nee' }, out.length));
  }
  return out;
}

export const line = (r: SheetRow) => [r.lessonId, '', '', r.participantId, '', '', r.present ?? '', r.minutes ?? '', r.reason ?? '', r.calledIn ?? ''].join(';');

export function csvOf(rows: readonly SheetRow[]): Buffer {
  return Buffer.from(`${HEADER}\n${rows.map(line).join('\n')}\n`);
}

/** Lessons × members as a CSV byte stream made on the fly: the test never holds the file either. */
export function csvStream(w: World, count: number, options: { pauseAfterBytes?: number; onPulled?: (bytes: number) => void } = {}): ReadableStream<Uint8Array> {
  let i = 0;
  let sent = 0;
  let headerSent = false;
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(enc.encode(`${HEADER}\n`));
        return;
      }
      if (i >= count) return controller.close();
      // After pauseAfterBytes the stream trickles: the server is mid-import for as long as the test wants.
      if (options.pauseAfterBytes !== undefined && sent > options.pauseAfterBytes) await new Promise((r) => setTimeout(r, 200));
      const lines: string[] = [];
      for (let k = 0; k < 500 && i < count; k++, i++) {
        const lesson = w.lessons[Math.floor(i / w.members.length)];
        lines.push(`${lesson?.id ?? ''};${lesson?.date ?? ''};;${w.members[i % w.members.length] ?? ''};;;ja;;;nee`);
      }
      const chunk = enc.encode(`${lines.join('\n')}\n`);
      sent += chunk.length;
      options.onPulled?.(sent);
      controller.enqueue(chunk);
    },
  });
}

/** POSTs a streamed body (fetch needs duplex 'half' for a stream). */
export async function postStream(url: string, cookie: string, body: ReadableStream<Uint8Array>): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body, duplex: 'half' } as RequestInit);
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Logs in and returns the session cookie (for raw fetches the Client cannot make). */
export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 201) throw new Error(`login: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A Koers on a PGlite data directory on disk (the kill test hands the directory to a child process). */
export async function startOnDisk(dataDir: string, secret: string, today: string): Promise<TestKoers> {
  const clock = new SettableClock(today);
  const koers = await createKoers(testConfig({ dataDir, secret }), { clock, logger: false });
  await koers.server.listen({ port: 0, host: '127.0.0.1' });
  return { koers, clock, url: `http://127.0.0.1:${portOf(koers.server)}`, databaseUrl: undefined, stop: () => koers.stop() };
}

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** `koers start` in a child process, as in test/concurrency.int.test.ts; resolves once it listens. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { DATABASE_URL: _drop, ...base } = process.env;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      cwd: ROOT,
      // Issue #9: no second factor for the test accounts (outside demo every staff role needs one by default).
      env: { ...base, KOERS_DEMO: '0', KOERS_MFA_ROLES: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    });
    let out = '';
    const exited = new Promise<void>((done) => p.once('exit', () => done()));
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Koers draait op (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: m[1].replace('localhost', '127.0.0.1'), process: p, exited });
      }
    });
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited:\n${out}`));
    });
  });
}
