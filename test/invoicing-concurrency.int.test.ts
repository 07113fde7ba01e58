// Issue #11 acceptance: "Two servers on one PostgreSQL run the invoicing at once: every line exists once
// and the invoice numbers have no gap and no double" (R-INV-1, R-INV-4). Two independent connection
// pools on one database stand for the two servers (the app is stateless, so that is all a server adds
// here); both prepare invoices and credit notes for several providers and municipalities at the same
// moment, round after round. Runs on PostgreSQL only: PGlite is one process with one session, so its
// transactions never overlap and there is nothing to race.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { creditLines, type InvoicingContext, prepareInvoice, recordBillableEvents } from '../src/features/invoicing/store.js';
import type { Invoice, NewBillableEvent } from '../src/features/invoicing/store-types.js';
import { newOperationId, newTraceId } from '../src/platform/audit.js';
import { type Db, openPostgres } from '../src/platform/db.js';
import { APP_ROLE } from '../src/platform/migrate.js';
import { aUser, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const MUNICIPALITIES = ['hoorn', 'enkhuizen', 'medemblik'].map((c) => organisationId('municipality', c));
const PROVIDERS = ['taalpunt-westfriesland', 'leerhuis-noord', 'werkwijs-participatie'].map((c) => organisationId('provider', c));
const ROUNDS = 8;

describe.runIf(DB_KIND === 'postgres')('invoicing by two servers on one PostgreSQL', () => {
  let t: TestKoers;
  let second: Db;
  let ctx: InvoicingContext;
  let userId: string;
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-06-15' });
    second = openPostgres(t.databaseUrl ?? '', { role: APP_ROLE });
    userId = (await aUser(t, 'consultant', 'hoorn')).id;
    ctx = { crypto: t.koers.crypto, clock: t.koers.clock, who: { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'test', startedAt: new Date() } } };
  });
  afterAll(async () => {
    await second?.close();
    await t?.stop();
  });

  /** Per (municipality, provider) `count` participants with a referral, each earning product p<round>. */
  async function earn(round: number, count: number): Promise<void> {
    const events: NewBillableEvent[] = [];
    for (const municipalityId of MUNICIPALITIES) {
      for (const providerId of PROVIDERS) {
        for (let i = 0; i < count; i++) {
          const participantId = randomUUID();
          const referralId = randomUUID();
          await t.koers.db.query(
            `INSERT INTO participant (id, municipality_id, bsn_encrypted, bsn_hash, bsn_last_four, given_name, family_name, date_of_birth, gender, route,
               impeding_health, impeding_justice, impeding_finances, created_at, created_by)
             VALUES ($1, $2, 'x', $3, '1234', 'Test', 'Deelnemer', '1990-01-01', 'unknown', 'b1', false, false, false, now(), $4)`,
            [participantId, municipalityId, randomBytes(16).toString('hex'), userId],
          );
          await t.koers.db.query(
            `INSERT INTO referral (id, municipality_id, participant_id, provider_id, product_code, contract_id, contract_version, status, referred_on, referred_at, referred_by, acknowledgement_due_date)
             VALUES ($1, $2, $3, $4, 'b1_language', 'westfriesland', 1, 'referred', '2026-01-05', now(), $5, '2026-01-12')`,
            [referralId, municipalityId, participantId, providerId, userId],
          );
          events.push({
            participantId, referralId, municipalityId, providerId, route: 'b1', productCode: `p${round}`, earnedOn: '2026-05-31', amountCents: 1000 + round,
            vatCategory: 'E', vatRate: 0, contractId: 'westfriesland', contractVersion: 1, factKind: 'monthEnd', factId: null,
          });
        }
      }
    }
    await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, events));
  }

  it(`${ROUNDS} rounds of both servers preparing every invoice twice and crediting at once: each event on one live line, numbers 1..n per provider`, async () => {
    const servers = [t.koers.db, second];
    let previous: Invoice[] = [];
    const creditNotes = new Map<string, number>();
    for (let round = 1; round <= ROUNDS; round++) {
      await earn(round, 3);
      const prepares = servers.flatMap((db) =>
        MUNICIPALITIES.flatMap((municipalityId) =>
          PROVIDERS.flatMap((providerId) => [1, 2].map(() => prepareInvoice(db, ctx, { providerId, municipalityId, upTo: '2026-06-30' }))),
        ),
      );
      // Meanwhile each server credits the first line of each invoice of the round before (the same lines:
      // one of the two must be refused), so credited events race the prepares that invoice them again.
      const credits = servers.flatMap((db) =>
        previous.map((inv) =>
          creditLines(db, ctx, { providerId: inv.providerId, invoiceId: inv.id, lineIds: [inv.lines[0]?.id ?? ''], reason: 'Test' }).then(
            () => 'credited' as const,
            () => 'refused' as const,
          ),
        ),
      );
      for (const inv of previous) creditNotes.set(inv.providerId, (creditNotes.get(inv.providerId) ?? 0) + 1);
      const [made, outcomes] = await Promise.all([Promise.all(prepares), Promise.all(credits)]);
      previous = made.filter((i): i is Invoice => i !== undefined);
      // Every (municipality, provider) got an invoice. In the first round exactly one each, the other three
      // runs finding nothing; later a run after a credit may invoice the credited event on a second one.
      expect(new Set(previous.map((i) => `${i.municipalityId}|${i.providerId}`)).size).toBe(MUNICIPALITIES.length * PROVIDERS.length);
      if (round === 1) expect(previous.length).toBe(MUNICIPALITIES.length * PROVIDERS.length);
      // Each credited line exactly once.
      expect(outcomes.filter((o) => o === 'credited').length).toBe(outcomes.length / 2);
    }
    // The credited events of the last round are still to be invoiced; one more quiet run picks them up.
    await Promise.all(MUNICIPALITIES.flatMap((municipalityId) => PROVIDERS.map((providerId) => prepareInvoice(t.koers.db, ctx, { providerId, municipalityId, upTo: '2026-06-30' }))));

    const perEvent = await t.koers.db.query<{ live: number; n: number }>(
      `SELECT count(l.id) FILTER (WHERE l.status NOT IN ('credited', 'reversal'))::int AS live, count(*)::int AS n
       FROM billable_event e LEFT JOIN invoice_line l ON l.event_id = e.id GROUP BY e.id`,
    );
    expect(perEvent.length).toBe(ROUNDS * 3 * MUNICIPALITIES.length * PROVIDERS.length);
    expect(perEvent.filter((e) => e.live !== 1)).toEqual([]);
    for (const providerId of PROVIDERS) {
      const numbers = (await t.koers.db.query<{ number: number }>(`SELECT number FROM invoice WHERE provider_id = $1 ORDER BY number`, [providerId])).map((r) => r.number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const kinds = await t.koers.db.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM invoice WHERE provider_id = $1 GROUP BY kind ORDER BY kind`, [providerId]);
      // One credit note for each invoice of the round before, and at least one invoice a round per municipality.
      expect(kinds[0]).toEqual({ kind: 'creditNote', n: creditNotes.get(providerId) });
      expect(kinds[1]?.n).toBeGreaterThanOrEqual(MUNICIPALITIES.length * ROUNDS);
    }
    // No invoice carries another municipality's or provider's event.
    const foreign = await t.koers.db.query(
      `SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN billable_event e ON e.id = l.event_id
       WHERE e.municipality_id <> i.municipality_id OR e.provider_id <> i.provider_id OR l.municipality_id <> i.municipality_id`,
    );
    expect(foreign).toEqual([]);
  });
});
