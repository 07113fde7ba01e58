// Issue #17 (operations): GET /metrics in Prometheus' format, the health check with the job runner and the
// outbox, and one trace id shared by the log line and the audit line of a request. Real server, real
// database (PGlite and PostgreSQL), a real HTTP client.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TOKEN = 'metrics-token-for-the-test-0123';
const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logLines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

describe(`operations on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ config: { metricsToken: TOKEN }, logger: { level: 'info', stream: logStream } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const scrape = async (authorization?: string) => {
    const res = await fetch(`${t.url}/metrics`, { headers: authorization === undefined ? {} : { authorization } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  it('GET /metrics: 404 without the token, the exposition with it', async () => {
    const anonymous = await scrape();
    expect(anonymous.status).toBe(404);
    expect(anonymous.type).toContain('application/problem+json');
    expect((await scrape(`Bearer ${TOKEN.slice(1)}x`)).status).toBe(404);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.type).toContain('text/plain; version=0.0.4');
    expect(ok.text).toContain('# TYPE koers_http_requests_total counter');
    expect(ok.text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  it('counts by route template: never an id, a search or a BSN from the URL as sent', async () => {
    const c = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const input = aParticipantInput();
    const created = await c.post('/api/v1/participants', input);
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect((await c.get(`/api/v1/participants/${id}`)).status).toBe(200);
    expect((await c.get(`/api/v1/participants/${randomUUID()}`)).status).toBe(404);
    expect((await c.get('/api/v1/participants?q=Jansen-zoekterm')).status).toBe(200);
    await c.get('/api/v1/no-such-route/111222333');
    const { text } = await scrape(`Bearer ${TOKEN}`);
    expect(text).toContain('koers_http_requests_total{method="GET",route="/api/v1/participants/:id",status="200"} 1');
    expect(text).toContain('koers_http_requests_total{method="GET",route="/api/v1/participants/:id",status="404"} 1');
    expect(text).toMatch(/koers_http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/);
    expect(text).toMatch(/koers_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/participants"\} 1/);
    expect(typeof input.bsn).toBe('string');
    for (const leak of [id, 'Jansen-zoekterm', '111222333', input.bsn as string]) expect(text).not.toContain(leak);
  });

  it('the outbox lengths in /metrics and /api/ready follow the table', async () => {
    const before = await new Client(t.url).get('/api/ready');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: 'ready', database: DB_KIND, jobs: { scheduledRun: { running: false, lastEndedAt: null, lastOutcome: null } } });
    const pending = Number(before.body.outbox.pending);
    await t.koers.db.query(
      `INSERT INTO outbox (id, dedupe_key, recipient, subject, body, created_at) VALUES ($1, $2, 'a@test.koers', 'Onderwerp', 'Tekst', now() - interval '2 hours'),
              ($3, $4, 'b@test.koers', 'Onderwerp', 'Tekst', now()),
              ($5, $6, 'c@test.koers', 'Onderwerp', 'Tekst', now())`,
      [randomUUID(), `ops-${randomUUID()}`, randomUUID(), `ops-${randomUUID()}`, randomUUID(), `ops-${randomUUID()}`],
    );
    await t.koers.db.query(`UPDATE outbox SET status = 'failed', attempts = 5, last_error = 'refused' WHERE recipient = 'c@test.koers'`);
    const after = await new Client(t.url).get('/api/ready');
    expect(after.body.outbox).toMatchObject({ pending: pending + 2, failed: Number(before.body.outbox.failed) + 1 });
    expect(after.body.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(7200);
    const { text } = await scrape(`Bearer ${TOKEN}`);
    expect(text).toContain(`koers_outbox_messages{status="pending"} ${pending + 2}`);
    expect(Number(/^koers_outbox_oldest_pending_seconds (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(7200);
  });

  it("a caller's traceparent is the trace id of the log line and of the audit line; no query string in the log", async () => {
    const c = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    expect((await c.post('/api/v1/participants', aParticipantInput())).status).toBe(201); // a list with a person is audited
    const trace = randomUUID().replace(/-/g, '');
    const res = await c.request('GET', '/api/v1/participants?q=geheime-zoekterm', undefined, { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    expect(res.status).toBe(200);
    const mine = logLines.filter((l) => l.traceId === trace);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(JSON.stringify(logLines)).not.toContain('geheime-zoekterm');
    const audit = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE trace_id = $1 AND foreign_operation_id = '00f067aa0ba902b7'`, [trace]);
    expect(audit[0]?.n).toBeGreaterThan(0);
    // Without a traceparent each request gets its own 32-hex trace id, in the log and the audit alike.
    await c.get('/api/v1/participants');
    const last = logLines.filter((l) => l.msg === 'request completed').at(-1);
    expect(String(last?.traceId)).toMatch(/^[0-9a-f]{32}$/);
    const own = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE trace_id = $1`, [String(last?.traceId)]);
    expect(own[0]?.n).toBeGreaterThan(0);
  });
});
