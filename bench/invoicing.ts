// Benchmark (issue #11): the invoicing run (R-INV-1, R-INV-4) of every provider for every municipality
// over half a year at 50,000 participants — runInvoicing per provider → municipality pair, which reads the
// facts (route-facts.ts), derives the billable events with the pure rules under the contract version,
// records them once and prepares the collective invoice with its lines, history and audit lines — against
// ONE hand-written SQL statement that produces the same lines (participant, route, product, amount, date)
// from the same facts with the same Westfriesland schedule and tariffs. The benchmark checks that both
// give exactly the same lines, then prints both times and the ratio.
//
// Dataset: the demo generator makes the participants (business date BENCH_TODAY); then set-based SQL on
// PostgreSQL gives every participant without a referral a B1 referral, starts every referral on a date
// in the first half of 2026, ends one route in ten early (routeEnded) and lets one in twenty drop out
// (droppedOut), part of both after 30 June, and replaces the demo's registered hours with pushed hours for
// one route in six (hour milestones, see buildFacts). Run: npx tsx bench/invoicing.ts (BENCH_SIZE, default 50000;
// BENCH_ROUNDS, default 3 — each round empties the invoicing tables and runs both again).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createKoers } from '../src/app.js';
import type { Contract } from '../src/domain/contract.js';
import { routePrice } from '../src/domain/invoicing/tariff.js';
import { organisationId } from '../src/features/organisations/store.js';
import { referralsWithFacts } from '../src/features/invoicing/route-facts.js';
import { deriveEvents, paymentTermDaysOf, runInvoicing } from '../src/features/invoicing/run.js';
import { type InvoicingContext, prepareInvoice, recordBillableEvents } from '../src/features/invoicing/store.js';
import { newOperationId, newTraceId } from '../src/platform/audit.js';
import { SettableClock } from '../src/platform/clock.js';
import { startPostgres } from '../scripts/pg-server.mjs';
import { freshPostgresDatabase, testConfig } from '../test/support/koers.js';
import { ms, stats } from './support/stats.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BENCH_TODAY = '2026-07-15';
const FROM = '2026-01-01';
const UP_TO = '2026-06-30';
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const LEERHUIS = organisationId('provider', 'leerhuis-noord');

const log = (msg: string) => console.log(`[invoicing] ${msg}`);
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** A line as both sides give it; the key compares them. */
interface Line {
  participantId: string;
  municipalityId: string;
  providerId: string;
  route: string;
  product: string;
  amountCents: string;
  earnedOn: string;
}
const keyOf = (l: Line) => [l.participantId, l.municipalityId, l.providerId, l.route, l.product, String(l.amountCents), l.earnedOn].join('|');

// The hand-written baseline: per started referral its first end event, the schedule items of its product
// with their amount (route price × share; whole cents for these prices, as the largest-remainder spread
// gives), the day the route's registered hours (the provider's attended lessons and the hours it pushed
// for the referral, every kind, never before the start) reached each hour milestone, and the date each
// item is earned: a start item on the start; an hour milestone on the day reached, if not after the end;
// after an early finish every other item on the finish (002 §2.4 "alle resterende betalingen in één
// keer"); after a drop-out only the first item after the start not reached before it, unless that one
// waits for a progress report. Nothing dated after UP_TO.
const BASELINE = `
  WITH sched AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $9::int[]) AS s(product, item, ord, trigger, share, hours)),
  price AS (SELECT * FROM unnest($6::text[], $7::bigint[]) AS p(product, cents)),
  r AS (
    SELECT r.id, r.participant_id, r.municipality_id, r.provider_id, r.product_code, r.started_on, e.type AS end_type, e.on_date AS end_on
    FROM referral r
    LEFT JOIN LATERAL (
      SELECT type, on_date FROM route_event e
      WHERE e.participant_id = r.participant_id AND (e.referral_id IS NULL OR e.referral_id = r.id) AND e.type IN ('routeEnded', 'droppedOut', 'movedAway')
      ORDER BY on_date, recorded_at, id LIMIT 1) e ON true
    WHERE r.started_on IS NOT NULL AND r.started_on <= $8),
  hrs AS (
    SELECT referral_id, date, sum(sum(minutes)) OVER (PARTITION BY referral_id ORDER BY date) AS total FROM (
      SELECT r.id AS referral_id, l.date, a.minutes_attended AS minutes
        FROM r JOIN attendance a ON a.participant_id = r.participant_id JOIN lesson l ON l.id = a.lesson_id JOIN class_group g ON g.id = l.group_id AND g.provider_id = r.provider_id
       WHERE a.minutes_attended > 0 AND NOT l.cancelled_by_provider AND l.date <= $8
      UNION ALL
      SELECT r.id, h.date, h.minutes FROM r JOIN hours_entry h ON h.referral_id = r.id AND h.provider_id = r.provider_id WHERE NOT h.superseded AND h.date <= $8) f
    GROUP BY referral_id, date),
  reached AS (
    SELECT h.referral_id, s.hours, min(h.date) AS on_date
    FROM hrs h JOIN r ON r.id = h.referral_id JOIN sched s ON s.product = r.product_code AND s.trigger = 'hourMilestone'
    WHERE h.total >= s.hours * 60 GROUP BY h.referral_id, s.hours),
  rs AS (
    SELECT r.*, s.item, s.ord, s.trigger, s.share * p.cents / 10000 AS amount,
      CASE WHEN m.on_date IS NOT NULL THEN greatest(r.started_on, m.on_date) END AS reached
    FROM r JOIN sched s ON s.product = r.product_code JOIN price p ON p.product = r.product_code
    LEFT JOIN reached m ON s.trigger = 'hourMilestone' AND m.referral_id = r.id AND m.hours = s.hours),
  items AS (
    SELECT rs.*, min(ord) FILTER (WHERE trigger <> 'start' AND NOT coalesce(reached <= end_on, false)) OVER (PARTITION BY id) AS drop_out_ord FROM rs),
  earned AS (
    SELECT items.*,
      CASE
        WHEN trigger = 'start' THEN started_on
        WHEN reached IS NOT NULL AND (end_on IS NULL OR reached <= end_on) THEN reached
        WHEN end_type = 'routeEnded' THEN end_on
        WHEN end_type IS NOT NULL AND trigger <> 'progressReport' AND ord = drop_out_ord THEN end_on
      END AS earned_on
    FROM items)
  SELECT participant_id AS "participantId", municipality_id AS "municipalityId", provider_id AS "providerId", product_code AS route, item AS product,
    amount::text AS "amountCents", earned_on::text AS "earnedOn"
  FROM earned WHERE earned_on IS NOT NULL AND earned_on <= $8 AND amount > 0`;

function baselineParams(contract: Contract): unknown[] {
  const schedules = contract.versions[0]?.paymentSchedules ?? [];
  const items = schedules.flatMap((s) => s.items.map((i, ord) => ({ product: s.product, item: i.code, ord, trigger: i.trigger.type, share: i.shareBasisPoints, hours: i.trigger.type === 'hourMilestone' ? i.trigger.hours : 0 })));
  const prices = schedules.map((s) => {
    const p = routePrice(contract, s.product, FROM);
    if (p.kind !== 'price') throw new Error(`no price for ${s.product}`);
    return { product: s.product, cents: p.amountCents };
  });
  return [items.map((i) => i.product), items.map((i) => i.item), items.map((i) => i.ord), items.map((i) => i.trigger), items.map((i) => i.share),
    prices.map((p) => p.product), prices.map((p) => p.cents), UP_TO, items.map((i) => i.hours)];
}

async function step(c: pg.Client, name: string, sql: string, params: unknown[] = []): Promise<void> {
  const t0 = performance.now();
  const r = await c.query(sql, params);
  log(`${name}: ${r.rowCount ?? 0} rows in ${secs(t0)} s`);
}

/** The facts of half a year, set-based, after the demo generator. */
async function buildFacts(c: pg.Client): Promise<void> {
  await step(
    c,
    'referrals for the unreferred',
    `INSERT INTO referral
     SELECT (jsonb_populate_record(NULL::referral, to_jsonb(t) || jsonb_build_object(
       'id', gen_random_uuid(), 'participant_id', p.id, 'municipality_id', p.municipality_id,
       'provider_id', CASE WHEN hashtext(p.id::text) % 2 = 0 THEN $1::uuid ELSE $2::uuid END))).*
     FROM participant p CROSS JOIN (SELECT * FROM referral WHERE product_code = 'b1_language' ORDER BY id LIMIT 1) t
     WHERE NOT EXISTS (SELECT 1 FROM referral r WHERE r.participant_id = p.id)`,
    [TAALPUNT, LEERHUIS],
  );
  // Every route starts on a day of the half year (hashed from its id, so the same on every run).
  await step(c, 'starts', `UPDATE referral SET status = 'running', started_on = $1::date + (abs(hashtext(id::text)) % 181),
       acknowledged_at = coalesce(acknowledged_at, referred_at + interval '1 day'), acknowledged_on = coalesce(acknowledged_on, referred_on + 1)`, [FROM]);
  const coordinator = (await c.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'coordinator.taalpunt@koers.demo'`)).rows[0]?.id;
  await c.query(`DELETE FROM route_event`);
  // Registered hours (R-HRS-1) pay the B1 route's 200/400/600-hour milestones: the demo's own hours make
  // way for pushed hours of one route in six, a day of 24 hours (the column's maximum) every third day from
  // the start, at most 30 of them (720 hours) and none after 30 June — so routes reach none, one, two or
  // all three milestones, some before and some after their end.
  await c.query(`TRUNCATE attendance, hours_entry CASCADE`);
  const batch = (await c.query<{ id: string }>(
    `INSERT INTO hours_batch (id, provider_id, idempotency_key, sha256, items, response, created_by, created_at)
     VALUES (gen_random_uuid(), $1, 'bench-hours', repeat('0', 64), 0, '{}', $2, now()) RETURNING id`,
    [TAALPUNT, coordinator],
  )).rows[0]?.id;
  await step(
    c,
    'pushed hours',
    `INSERT INTO hours_entry (id, provider_id, external_id, participant_id, referral_id, municipality_id, date, kind, minutes, version, batch_id, recorded_by, recorded_at)
     SELECT gen_random_uuid(), r.provider_id, 'bench-' || r.id || '-' || k, r.participant_id, r.id, r.municipality_id, r.started_on + 3 * k, 'language', 1440, 1, $1, $2, now()
     FROM referral r CROSS JOIN generate_series(1, 30) k
     WHERE abs(hashtext(r.id::text || '/hours')) % 6 = 0 AND r.started_on + 3 * k <= $3::date`,
    [batch, coordinator, UP_TO],
  );
  // One route in ten finishes early, one in twenty drops out, 14–180 days after its start (so some after 30 June).
  await step(
    c,
    'route ends',
    `INSERT INTO route_event (id, participant_id, municipality_id, referral_id, type, on_date, details, recorded_by, recorded_at)
     SELECT gen_random_uuid(), r.participant_id, r.municipality_id, r.id, CASE WHEN h % 100 < 10 THEN 'routeEnded' ELSE 'droppedOut' END,
       r.started_on + 14 + (h % 167), '{}'::jsonb, $1, now()
     FROM (SELECT r.*, abs(hashtext(r.id::text || '/end')) AS h FROM referral r) r WHERE r.h % 100 < 15`,
    [coordinator],
  );
  await c.query(`ANALYZE`);
}

async function emptyInvoicing(c: pg.Client): Promise<void> {
  await c.query(`TRUNCATE invoice_line_change, invoice_line, invoice, billable_event, invoice_number_counter CASCADE`);
}

async function main(): Promise<void> {
  const server = await startPostgres();
  process.env.KOERS_TEST_PG_URL = server.url;
  const database = await freshPostgresDatabase();
  const t0 = performance.now();
  const clock = new SettableClock(BENCH_TODAY);
  const koers = await createKoers(testConfig({ databaseUrl: database.url, demo: true, demoSize: SIZE }), { clock });
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    log(`demo generator: ${SIZE} participants in ${secs(t0)} s`);
    await buildFacts(admin);
    const contract = koers.contracts.byId('westfriesland');
    if (contract === undefined) throw new Error('westfriesland contract missing');
    const pairs = contract.providers.flatMap((p) => contract.municipalities.map((m) => ({ providerId: organisationId('provider', p.code), municipalityId: organisationId('municipality', m.code) })));
    const facts = (await admin.query<{ referrals: string; ends: string }>(`SELECT (SELECT count(*) FROM referral WHERE started_on <= $1) AS referrals, (SELECT count(*) FROM route_event WHERE on_date <= $1) AS ends`, [UP_TO])).rows[0];
    log(`${facts?.referrals} routes started in ${FROM}..${UP_TO}, ${facts?.ends} ended or dropped out by ${UP_TO}; ${pairs.length} provider → municipality pairs`);
    const params = baselineParams(contract);
    const ctx: InvoicingContext = { crypto: koers.crypto, clock, who: { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'bench', startedAt: new Date() } } };

    const app: number[] = [];
    const sql: number[] = [];
    let lines = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await emptyInvoicing(admin);
      let s = performance.now();
      let invoices = 0;
      for (const pair of pairs) {
        const result = await runInvoicing(koers.db, koers.contracts, ctx, { ...pair, upTo: UP_TO });
        if (result.skipped.length > 0) throw new Error(`skipped referrals: ${JSON.stringify(result.skipped.slice(0, 3))}`);
        if (result.invoice !== undefined) invoices++;
      }
      app.push(performance.now() - s);
      s = performance.now();
      const expected = (await admin.query<Line>(BASELINE, params)).rows;
      sql.push(performance.now() - s);
      // Same lines: the app's invoice lines with their events against the baseline's rows.
      const got = (await admin.query<Line>(
        `SELECT l.participant_id AS "participantId", l.municipality_id AS "municipalityId", e.provider_id AS "providerId", e.route, e.product_code AS product,
           l.amount_cents::text AS "amountCents", e.earned_on::text AS "earnedOn"
         FROM invoice_line l JOIN billable_event e ON e.id = l.event_id`,
      )).rows;
      const a = new Set(got.map(keyOf));
      const b = new Set(expected.map(keyOf));
      const missing = [...b].filter((k) => !a.has(k));
      const extra = [...a].filter((k) => !b.has(k));
      if (a.size !== got.length || b.size !== expected.length || missing.length > 0 || extra.length > 0) {
        throw new Error(`the lines differ: app ${got.length}, baseline ${expected.length}; missing ${missing.slice(0, 3).join(', ')}; extra ${extra.slice(0, 3).join(', ')}`);
      }
      lines = got.length;
      log(`round ${round + 1}: application ${ms(app[round] ?? 0)} (${invoices} invoices), baseline ${ms(sql[round] ?? 0)}, ${lines} identical lines`);
    }
    // Where the application's time goes: one more round with the three steps of runInvoicing timed apart.
    await emptyInvoicing(admin);
    const parts = { facts: 0, rules: 0, record: 0, prepare: 0 };
    for (const pair of pairs) {
      const input = { ...pair, upTo: UP_TO };
      let s = performance.now();
      await referralsWithFacts(koers.db, input);
      parts.facts += performance.now() - s;
      s = performance.now();
      const { events } = await deriveEvents(koers.db, koers.contracts, input);
      parts.rules += performance.now() - s;
      s = performance.now();
      await koers.db.transaction((tx) => recordBillableEvents(tx, ctx, events));
      parts.record += performance.now() - s;
      s = performance.now();
      await prepareInvoice(koers.db, ctx, { ...input, paymentTermDays: paymentTermDaysOf(koers.contracts, input) });
      parts.prepare += performance.now() - s;
    }
    const a = stats(app);
    const b = stats(sql);
    console.log(`invoicing run, ${SIZE} participants, ${FROM}..${UP_TO}, ${pairs.length} pairs, ${lines} lines, ${ROUNDS} rounds:`);
    console.log(`  application (runInvoicing per pair: facts, rules, events, invoice, lines, history, audit): median ${ms(a.p50)}, mean ${ms(a.mean)}`);
    console.log(`  baseline (one hand-written SELECT of the same lines):                                median ${ms(b.p50)}, mean ${ms(b.mean)}`);
    console.log(`  ratio (median): ${(a.p50 / b.p50).toFixed(1)}x`);
    console.log(`  the application's steps (one more round): reading the facts ${ms(parts.facts)}; deriving the events (reads the facts again + the rules) ${ms(parts.rules)};`);
    console.log(`    recording the events ${ms(parts.record)}; preparing the invoices (lines, history, audit) ${ms(parts.prepare)}`);
  } finally {
    await admin.end();
    await koers.stop();
    await database.drop();
    server.stop();
  }
}

await main();
