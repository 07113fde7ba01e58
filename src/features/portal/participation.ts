// Issue #12 (R-PRT-2, "my participation activities and MAP progress"; 001 Bijlage 1): what the
// participant's page "Mijn activiteiten" shows, in one read — their activities (kind, place, dates,
// hours), the hours per kind, and when they follow a MAP the eight themes and the practical part against
// its 40 hours. Only what the participant needs: the provider's note and who typed it in stay on the
// staff routes (src/features/participation), which read the same rows.
// Access as every participant read: the participant reads their own (scope 'self'), staff whatever
// findParticipantRef gives them; outside one's room a logged denial and 404. Audited in the same
// transaction (readParticipant, R-SEC-2).
import { z } from 'zod';
import { MapThemes, MapThemeStatuses, mapPracticalStatus, mapReadiness, minutesByActivityKind, ParticipationActivityKinds, type MapTheme, type MapThemeStatus } from '../../domain/participation.js';
import { referralInScope, SqlParams, type RequestContext, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import type { AppDeps } from '../../platform/http/server.js';
import { hoursOf, productOf, readParticipant } from '../participation/service.js';
import { unsafeActivitiesOf } from '../participation/store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

const KindMinutes = z.object(Object.fromEntries(ParticipationActivityKinds.map((k) => [k, z.number().int()])) as Record<(typeof ParticipationActivityKinds)[number], z.ZodNumber>);

export const MyParticipation = z.object({
  activities: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(ParticipationActivityKinds),
      organisation: z.string().describe('The organisation or place'),
      localFacilityName: z.string().nullable().describe('000 §4.1 3g: the local facility, when the activity is linked to one'),
      startDate: z.string(),
      endDate: z.string(),
      minutes: z.number().int(),
      providerName: z.string().describe('Who registered it: the participation or MAP provider'),
    }),
  ).describe('Current versions, oldest first'),
  totalMinutes: z.number().int(),
  byActivityKind: KindMinutes.describe('R-HRS-1: minutes per activity kind'),
  map: z
    .object({
      themes: z.array(z.object({ theme: z.enum(MapThemes), status: z.enum(MapThemeStatuses) })),
      done: z.number().int(),
      practical: z.object({ minutes: z.number().int(), requiredMinutes: z.number().int(), met: z.boolean(), remainingMinutes: z.number().int() }).describe('001 §3: at least 40 hours'),
    })
    .nullable()
    .describe('R-MAP-1: null when the participant follows no MAP (no MAP referral in scope and no MAP activity)'),
});
export type MyParticipation = z.infer<typeof MyParticipation>;

/** Whether a referral in the reader's room is for a MAP product (the product kind is contract data). */
async function hasMapReferral(q: Queryable, deps: Deps, scope: Scope, participantId: string): Promise<boolean> {
  const p = new SqlParams();
  const rows = await q.query<{ contractId: string; productCode: string }>(
    `SELECT r.contract_id AS "contractId", r.product_code AS "productCode" FROM referral r WHERE r.participant_id = ${p.add(participantId)} AND ${referralInScope(scope, p)}`,
    p.values,
  );
  return rows.some((r) => productOf(deps.contracts, r)?.kind === 'map');
}

async function mapThemesOf(q: Queryable, participantId: string): Promise<Partial<Record<MapTheme, MapThemeStatus>>> {
  const rows = await q.query<{ theme: MapTheme; status: MapThemeStatus }>(`SELECT theme, status FROM map_theme_progress WHERE participant_id = $1`, [participantId]);
  return Object.fromEntries(rows.map((r) => [r.theme, r.status]));
}

export function getMyParticipation(deps: Deps, ctx: RequestContext, participantId: string): Promise<MyParticipation> {
  return readParticipant(deps, ctx, participantId, async (tx) => {
    const rows = await unsafeActivitiesOf(tx, participantId);
    const hours = hoursOf(rows);
    const followsMap = rows.some((r) => r.productKind === 'map') || (await hasMapReferral(tx, deps, ctx.scope, participantId));
    const practical = mapPracticalStatus(hours);
    const readiness = followsMap ? mapReadiness(await mapThemesOf(tx, participantId), practical) : undefined;
    return {
      activities: rows.map((r) => ({ id: r.id, kind: r.kind, organisation: r.organisation, localFacilityName: r.localFacility ? (r.localFacilityName ?? r.organisation) : null, startDate: r.startDate, endDate: r.endDate, minutes: r.minutes, providerName: r.providerName })),
      totalMinutes: hours.reduce((s, a) => s + a.minutes, 0),
      byActivityKind: minutesByActivityKind(hours),
      map: readiness === undefined ? null : { themes: readiness.themes, done: readiness.done, practical },
    };
  });
}
