// Issue #17: the Prometheus exposition of src/platform/metrics.ts.
import { describe, expect, it } from 'vitest';
import { DURATION_BUCKETS, labelValue, mayScrape, Metrics, observeJob } from './metrics.js';

const lines = (text: string, prefix: string) => text.split('\n').filter((l) => l.startsWith(prefix));

describe('Metrics', () => {
  it('counts requests per method, route template and status', () => {
    const m = new Metrics();
    m.observeRequest('GET', '/api/v1/participants/:id', 200, 0.01);
    m.observeRequest('GET', '/api/v1/participants/:id', 200, 0.02);
    m.observeRequest('GET', '/api/v1/participants/:id', 404, 0.003);
    const text = m.render();
    expect(lines(text, 'koers_http_requests_total{')).toEqual([
      'koers_http_requests_total{method="GET",route="/api/v1/participants/:id",status="200"} 2',
      'koers_http_requests_total{method="GET",route="/api/v1/participants/:id",status="404"} 1',
    ]);
  });

  it('keeps the duration buckets cumulative, with +Inf, sum and count', () => {
    const m = new Metrics();
    for (const s of [0.004, 0.2, 0.2, 40]) m.observeRequest('POST', '/api/v1/imports/attendance', 201, s);
    const text = m.render();
    const bucket = (le: string) => lines(text, `koers_http_request_duration_seconds_bucket{method="POST",route="/api/v1/imports/attendance",le="${le}"}`)[0]?.split(' ').at(-1);
    expect(bucket('0.005')).toBe('1');
    expect(bucket('0.1')).toBe('1');
    expect(bucket('0.25')).toBe('3');
    expect(bucket(String(DURATION_BUCKETS.at(-1)))).toBe('3'); // 40 s is above the last bound
    expect(bucket('+Inf')).toBe('4');
    expect(lines(text, 'koers_http_request_duration_seconds_count')[0]).toMatch(/ 4$/);
    expect(Number(lines(text, 'koers_http_request_duration_seconds_sum')[0]?.split(' ').at(-1))).toBeCloseTo(40.404, 6);
  });

  it('escapes label values as the text format wants', () => {
    expect(labelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });

  it('prints each gauge with HELP and TYPE, and its samples', () => {
    const text = new Metrics().render([{ name: 'koers_outbox_messages', help: 'Mail.', samples: [{ labels: { status: 'pending' }, value: 3 }] }]);
    expect(text).toContain('# HELP koers_outbox_messages Mail.\n# TYPE koers_outbox_messages gauge\nkoers_outbox_messages{status="pending"} 3\n');
  });

  it('observeJob records ok, skipped and failed runs and passes the error on', async () => {
    const m = new Metrics();
    let t = 0;
    const now = () => new Date(1_700_000_000_000 + t++ * 1000);
    await observeJob(m, 'scheduled-run', now, () => Promise.resolve({ raised: 1 }));
    await observeJob(m, 'scheduled-run', now, () => Promise.resolve('skipped' as const));
    await expect(observeJob(m, 'scheduled-run', now, () => Promise.reject(new Error('db gone')))).rejects.toThrow('db gone');
    const text = m.render();
    expect(lines(text, 'koers_job_runs_total{')).toEqual([
      'koers_job_runs_total{job="scheduled-run",outcome="failed"} 1',
      'koers_job_runs_total{job="scheduled-run",outcome="ok"} 1',
      'koers_job_runs_total{job="scheduled-run",outcome="skipped"} 1',
    ]);
    expect(m.job('scheduled-run')).toMatchObject({ running: false, lastOutcome: 'failed', lastEndedAt: new Date(1_700_000_005_000) });
  });
});

describe('mayScrape', () => {
  const token = 'a-token-of-sixteen-chars';
  it('asks for the bearer token when one is configured, in and outside production', () => {
    for (const production of [true, false]) {
      expect(mayScrape(`Bearer ${token}`, token, production)).toBe(true);
      expect(mayScrape(`Bearer ${token}x`, token, production)).toBe(false);
      expect(mayScrape(token, token, production)).toBe(false);
      expect(mayScrape(undefined, token, production)).toBe(false);
    }
  });
  it('without a token: open outside production, closed in production', () => {
    expect(mayScrape(undefined, undefined, false)).toBe(true);
    expect(mayScrape(undefined, undefined, true)).toBe(false);
    expect(mayScrape('Bearer anything', '', true)).toBe(false);
  });
});
