// Issue #17 (operations): the counters behind GET /metrics, in Prometheus' text format (version 0.0.4).
// Labels are route templates ("/api/v1/participants/:id"), methods, status codes and job names: never a
// URL as sent, a query string or anything else a person could be found by. Kept per process; Prometheus
// scrapes every instance and sums them.
import { timingSafeEqual } from 'node:crypto';

/** Upper bounds of the request-duration buckets, in seconds (Prometheus' client defaults, plus 30 s for imports). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

export interface Gauge {
  name: string;
  help: string;
  /** One sample per label set; an empty list still prints the HELP and TYPE lines. */
  samples: readonly { labels?: Readonly<Record<string, string>>; value: number }[];
}

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

export type JobOutcome = 'ok' | 'failed' | 'skipped';

export interface JobState {
  lastStartedAt?: Date;
  lastEndedAt?: Date;
  lastOutcome?: JobOutcome;
  running: boolean;
}

/** A label value as the text format wants it: backslash, double quote and newline escaped. */
export function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelsText(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${labelValue(v)}"`).join(',')}}`;
}

/** A number as the text format wants it (+Inf, -Inf, NaN spelled out). */
function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly jobRuns = new Map<string, number>();
  private readonly jobs = new Map<string, JobState>();

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = JSON.stringify([method, route, String(status)]);
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hKey = JSON.stringify([method, route]);
    let h = this.durations.get(hKey);
    if (h === undefined) {
      h = { buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(hKey, h);
    }
    // Cumulative buckets: an observation counts in every bucket whose bound it does not exceed.
    DURATION_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) h.buckets[i] = (h.buckets[i] ?? 0) + 1;
    });
    h.sum += seconds;
    h.count += 1;
  }

  jobStarted(job: string, at: Date): void {
    this.jobs.set(job, { ...this.jobs.get(job), running: true, lastStartedAt: at });
  }

  jobEnded(job: string, outcome: JobOutcome, at: Date): void {
    this.jobs.set(job, { ...this.jobs.get(job), running: false, lastEndedAt: at, lastOutcome: outcome });
    const key = JSON.stringify([job, outcome]);
    this.jobRuns.set(key, (this.jobRuns.get(key) ?? 0) + 1);
  }

  /** What this process knows of a job, for the health check. */
  job(name: string): JobState | undefined {
    return this.jobs.get(name);
  }

  /** The exposition, with the gauges read at scrape time (queue lengths) after the counters. */
  render(gauges: readonly Gauge[] = []): string {
    const out: string[] = [];
    out.push('# HELP koers_http_requests_total HTTP requests answered, by method, route template and status.', '# TYPE koers_http_requests_total counter');
    for (const [key, n] of [...this.requests].sort()) {
      const [method = '', route = '', status = ''] = JSON.parse(key) as string[];
      out.push(`koers_http_requests_total${labelsText({ method, route, status })} ${n}`);
    }
    out.push('# HELP koers_http_request_duration_seconds Time from request to response, by method and route template.', '# TYPE koers_http_request_duration_seconds histogram');
    for (const [key, h] of [...this.durations].sort()) {
      const [method = '', route = ''] = JSON.parse(key) as string[];
      DURATION_BUCKETS.forEach((bound, i) => out.push(`koers_http_request_duration_seconds_bucket${labelsText({ method, route, le: String(bound) })} ${h.buckets[i] ?? 0}`));
      out.push(`koers_http_request_duration_seconds_bucket${labelsText({ method, route, le: '+Inf' })} ${h.count}`);
      out.push(`koers_http_request_duration_seconds_sum${labelsText({ method, route })} ${numberText(h.sum)}`);
      out.push(`koers_http_request_duration_seconds_count${labelsText({ method, route })} ${h.count}`);
    }
    out.push('# HELP koers_job_runs_total Runs of the background jobs in this process, by job and outcome.', '# TYPE koers_job_runs_total counter');
    for (const [key, n] of [...this.jobRuns].sort()) {
      const [job = '', outcome = ''] = JSON.parse(key) as string[];
      out.push(`koers_job_runs_total${labelsText({ job, outcome })} ${n}`);
    }
    out.push('# HELP koers_job_last_end_timestamp_seconds When a job of this process last ended (Unix time).', '# TYPE koers_job_last_end_timestamp_seconds gauge');
    for (const [job, state] of [...this.jobs].sort(([a], [b]) => a.localeCompare(b))) {
      if (state.lastEndedAt !== undefined) out.push(`koers_job_last_end_timestamp_seconds${labelsText({ job })} ${state.lastEndedAt.getTime() / 1000}`);
    }
    for (const g of gauges) {
      out.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
      for (const s of g.samples) out.push(`${g.name}${labelsText(s.labels)} ${numberText(s.value)}`);
    }
    return `${out.join('\n')}\n`;
  }
}

/**
 * Runs one job and records it: started, then ended with its outcome. 'skipped' is what a run that found
 * another instance holding the lock returns. The job's own error is passed on.
 */
export async function observeJob<T>(metrics: Metrics, job: string, now: () => Date, run: () => Promise<T>): Promise<T> {
  metrics.jobStarted(job, now());
  try {
    const result = await run();
    metrics.jobEnded(job, result === 'skipped' ? 'skipped' : 'ok', now());
    return result;
  } catch (err) {
    metrics.jobEnded(job, 'failed', now());
    throw err;
  }
}

/** Whether the caller may scrape: the configured bearer token, or, without one, anyone outside production. */
export function mayScrape(authorization: string | undefined, token: string | undefined, production: boolean): boolean {
  if (token === undefined || token === '') return !production;
  const given = Buffer.from(authorization?.startsWith('Bearer ') === true ? authorization.slice('Bearer '.length) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
