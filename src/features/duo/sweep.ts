// R-EXC-4 (issue #15): the deliveries that follow from facts Koers registers elsewhere. The PIP is queued in
// the transaction that approves the plan (deliveries.ts); the others are found by a sweep at the start of
// every delivery round, so every writer of the fact (a screen, an import, the demo generator, a correction)
// queues it without knowing DUO. Each delivery has a dedupe key from its cause, so a sweep that finds the
// same fact again adds nothing, and the fact itself is durable: a crash between the fact and its delivery
// loses nothing, the next round queues it. The berichtId is fixed when the row is written.
//   - MAP: the latest end conversation held (map_end_conversation.held_on, kind 'held'; issue #12).
//   - PVT: the PVT recorded as passed (level_record skill 'pvt', current 'passed'; its recorded_on).
//     Assumption: the participation declaration is signed on the day the PVT is recorded as done.
//   - Z-route: the end of the route (route_event 'routeEnded') of a participant on the Z-route.
//   - Gevolgde Uren: per calendar month, once the month is over, the cumulative hours up to its end of a
//     participant with hours in it: language lessons (attendance, capped at each lesson, plus make-up, and
//     the provider's pushed 'language' hours) as ParticipatieAlsTaalles; on the Z-route the participation
//     hours (participation, MAP practice, internship) as ParticipatieactiviteitenBredeIntake.
//   - Inburgeringsaanbod: a started referral (referral.started_on) for a language or education product,
//     on behalf of its provider (002 eis 26: the provider's data owed to DUO goes via the municipality);
//     the institution is resolved from DUO's list when the row is sent (delivery-runner.ts).
// Only participants not purged. No BSN in any row.
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { addMonths } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/iso-date.js';

const INSERT = `INSERT INTO duo_delivery (id, municipality_id, participant_id, provider_id, dedupe_key, api, bericht_id, body, status)`;

/** Queues what the facts owe DUO and is not queued yet; returns how many rows were added. */
export async function queueDeliveriesFromFacts(q: Queryable, contracts: ContractRegistry, today: IsoDate): Promise<number> {
  let added = 0;
  const run = async (sql: string, values: unknown[] = []) => {
    const rows = await q.query(`${sql} ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1`, values);
    added += rows.length;
  };
  // MAP: the latest held end conversation; a later date is a change (a new key).
  await run(`${INSERT}
    SELECT gen_random_uuid(), e.municipality_id, e.participant_id, NULL, 'map:' || e.participant_id || ':' || e.held_on, 'MAP', gen_random_uuid(),
      jsonb_build_object('datumEindgesprekMap', e.held_on::text), 'pending'
    FROM (SELECT DISTINCT ON (participant_id) participant_id, municipality_id, held_on FROM map_end_conversation WHERE kind = 'held' ORDER BY participant_id, version DESC) e
    JOIN participant p ON p.id = e.participant_id AND p.purged_at IS NULL`);
  // PVT: the latest record of the PVT as passed.
  await run(`${INSERT}
    SELECT gen_random_uuid(), l.municipality_id, l.participant_id, NULL, 'pvt:' || l.participant_id || ':' || l.recorded_on, 'PVT', gen_random_uuid(),
      jsonb_build_object('datumOndertekeningPvt', l.recorded_on::text), 'pending'
    FROM (SELECT DISTINCT ON (participant_id) participant_id, municipality_id, recorded_on, current FROM level_record WHERE skill = 'pvt' ORDER BY participant_id, recorded_at DESC, id DESC) l
    JOIN participant p ON p.id = l.participant_id AND p.purged_at IS NULL
    WHERE l.current = 'passed'`);
  // Z-route: the latest end of the route of a participant on the Z-route.
  await run(`${INSERT}
    SELECT gen_random_uuid(), e.municipality_id, e.participant_id, NULL, 'zroute:' || e.participant_id || ':' || e.on_date, 'Zroute', gen_random_uuid(),
      jsonb_build_object('datumAfrondingZroute', e.on_date::text), 'pending'
    FROM (SELECT DISTINCT ON (participant_id) participant_id, municipality_id, on_date FROM route_event WHERE type = 'routeEnded' ORDER BY participant_id, on_date DESC, recorded_at DESC) e
    JOIN participant p ON p.id = e.participant_id AND p.purged_at IS NULL AND p.route = 'z'`);
  // Gevolgde Uren: the month before today's, once it is over.
  const month = `${addMonths(today, -1).slice(0, 7)}-01`;
  const next = `${today.slice(0, 7)}-01`;
  await run(
    `${INSERT}
    SELECT gen_random_uuid(), p.municipality_id, p.id, NULL, 'uren-taalles:' || p.id || ':' || $1, 'UrenTaalles', gen_random_uuid(),
      jsonb_build_object('uren', least(9999, floor((coalesce(a.minutes, 0) + coalesce(h.minutes, 0)) / 60.0))::int), 'pending'
    FROM participant p
    LEFT JOIN (SELECT participant_id, sum(attended_minutes + least(made_up_minutes, greatest(offered_minutes - attended_minutes, 0))) AS minutes,
                 bool_or(month = $1::date) AS recent
               FROM attendance_month WHERE month < $2::date GROUP BY participant_id) a ON a.participant_id = p.id
    LEFT JOIN (SELECT participant_id, sum(minutes) AS minutes, bool_or(date >= $1::date) AS recent
               FROM hours_entry WHERE NOT superseded AND kind = 'language' AND date < $2::date GROUP BY participant_id) h ON h.participant_id = p.id
    WHERE p.purged_at IS NULL AND (a.recent OR h.recent)`,
    [month, next],
  );
  await run(
    `${INSERT}
    SELECT gen_random_uuid(), p.municipality_id, p.id, NULL, 'uren-participatie:' || p.id || ':' || $1, 'UrenParticipatie', gen_random_uuid(),
      jsonb_build_object('uren', least(9999, floor(h.minutes / 60.0))::int), 'pending'
    FROM participant p
    JOIN (SELECT participant_id, sum(minutes) AS minutes, bool_or(date >= $1::date) AS recent
          FROM hours_entry WHERE NOT superseded AND kind IN ('participation', 'mapPractical', 'internship') AND date < $2::date GROUP BY participant_id) h ON h.participant_id = p.id
    WHERE p.purged_at IS NULL AND p.route = 'z' AND h.recent`,
    [month, next],
  );
  // Inburgeringsaanbod: a started referral of a language or education product, for its provider.
  const started = await q.query<{ id: string; contractId: string; productCode: string }>(
    `SELECT r.id, r.contract_id AS "contractId", r.product_code AS "productCode" FROM referral r JOIN participant p ON p.id = r.participant_id AND p.purged_at IS NULL
     WHERE r.started_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM duo_delivery d WHERE d.dedupe_key = 'aanbod:' || r.id)`,
  );
  const ids = started.filter((r) => ['language', 'education'].includes(contracts.byId(r.contractId)?.products.find((x) => x.code === r.productCode)?.kind ?? '')).map((r) => r.id);
  if (ids.length > 0) {
    // Assumption: a placement in a group for illiterate participants is literacy education for an illiterate ('A'); else 'NVT'.
    await run(
      `${INSERT}
      SELECT gen_random_uuid(), r.municipality_id, r.participant_id, r.provider_id, 'aanbod:' || r.id, 'Inburgeringsaanbod', gen_random_uuid(),
        jsonb_build_object('datumInburgeringsaanbod', r.started_on::text, 'verwachteStartdatumOpleiding', r.started_on::text,
          'indicatorAlfabetiseringsonderwijs', CASE WHEN EXISTS (SELECT 1 FROM group_member gm WHERE gm.referral_id = r.id AND gm.literacy = 'illiterate') THEN 'A' ELSE 'NVT' END),
        'pending'
      FROM referral r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
  }
  return added;
}
