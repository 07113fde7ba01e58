// The eight MAP themes per participant (R-MAP-1, 001 §3; migration 0020 map_theme_progress): read by
// everyone who sees the participant, written by its participation or MAP provider (the same decision
// as the activities, service.ts). One row per theme holds the current status; who changed it and when
// is in the audit log (the status is a working state, not a fact that reports count, unlike the ladder).
import type { MapTheme, MapThemeStatus } from '../../domain/participation.js';
import { mapPracticalStatus, mapReadiness } from '../../domain/participation.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Queryable } from '../../platform/db.js';
import type { AppDeps } from '../../platform/http/server.js';
import type { MapProgress, MapThemeUpdate } from './schemas.js';
import { hoursOf, readParticipant, writeRoom } from './service.js';
import { unsafeActivitiesOf } from './store.js';
import { raiseEndConversationSignal } from '../signals/raisers/map-end-conversation.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

interface ThemeRow {
  theme: MapTheme;
  status: MapThemeStatus;
  note: string | null;
  recordedBy: string;
  recordedAt: Date | string;
}

async function progressOf(q: Queryable, participantId: string): Promise<MapProgress> {
  const rows = await q.query<ThemeRow>(
    `SELECT t.theme, t.status, t.note, u.name AS "recordedBy", t.recorded_at AS "recordedAt" FROM map_theme_progress t JOIN app_user u ON u.id = t.recorded_by WHERE t.participant_id = $1`,
    [participantId],
  );
  const byTheme = new Map(rows.map((r) => [r.theme, r]));
  const practical = mapPracticalStatus(hoursOf(await unsafeActivitiesOf(q, participantId)));
  const readiness = mapReadiness(Object.fromEntries(rows.map((r) => [r.theme, r.status])), practical);
  return {
    themes: readiness.themes.map((t) => {
      const r = byTheme.get(t.theme);
      return { ...t, note: r?.note ?? null, recordedBy: r?.recordedBy ?? null, recordedAt: r === undefined ? null : new Date(r.recordedAt).toISOString() };
    }),
    done: readiness.done,
    practical,
    readyForEndConversation: readiness.readyForEndConversation,
  };
}

export function getMapProgress(deps: Deps, ctx: RequestContext, participantId: string): Promise<MapProgress> {
  return readParticipant(deps, ctx, participantId, (tx) => progressOf(tx, participantId));
}

export async function setMapTheme(deps: Deps, ctx: RequestContext, participantId: string, theme: MapTheme, body: MapThemeUpdate): Promise<MapProgress> {
  const out = await deps.db.transaction(async (tx) => {
    const room = await writeRoom(tx, deps, ctx, 'participation.record', participantId, body.referralId);
    if (!room.ok) return room;
    await tx.query(
      `INSERT INTO map_theme_progress (participant_id, theme, status, note, provider_id, municipality_id, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (participant_id, theme) DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, provider_id = EXCLUDED.provider_id, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
      [participantId, theme, body.status, body.note, room.referral.providerId, room.referral.municipalityId, ctx.actor.userId, deps.clock.now()],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'ok', subjects: [{ participantId, municipalityId: room.referral.municipalityId }], objectType: 'mapTheme', objectId: participantId, summary: `${theme}: ${body.status}` });
    // R-MAP-1: the eighth theme done may make the MAP ready for its end conversation.
    await raiseEndConversationSignal(tx, deps.contracts, participantId, deps.clock.today());
    return { ok: true as const, progress: await progressOf(tx, participantId) };
  });
  if (!out.ok) throw out.error;
  return out.progress;
}
