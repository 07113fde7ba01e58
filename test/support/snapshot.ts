import type { TestKoers } from './koers.js';

/**
 * Tables a refused request may still write to, so they stay out of the comparison: the audit (a refusal
 * of personal data is logged), sessions, login bookkeeping and the migrations themselves.
 */
const NOT_COMPARED = new Set([
  'audit_event',
  'app_session',
  'login_attempt',
  'login_throttle',
  'second_factor',
  'second_factor_enrolment',
  'recovery_code',
  'password_reset',
  'oidc_login',
  'schema_migration',
]);

/** Changes that keep the row counts, as sums of hashes (float8: a number on both PGlite and pg). */
const IN_PLACE: Record<string, string> = {
  'referral.acknowledged': `SELECT count(*) FROM referral WHERE status <> 'referred'`,
  // A MAP theme's status changes in place (issue #12): its hash shows a refused change did not land.
  'map_theme_progress.hash': `SELECT sum(hashtext(participant_id::text || theme || status || COALESCE(note, ''))) FROM map_theme_progress`,
  'referral.lockVersions': `SELECT sum(lock_version) FROM referral`,
  'signal.notOpen': `SELECT count(*) FROM signal WHERE status <> 'open'`,
  // A closed membership, an edited lesson, a corrected attendance row.
  'group_member.closed': `SELECT count(*) FROM group_member WHERE member_to IS NOT NULL`,
  'lesson.hash': `SELECT sum(hashtext(id::text || date || start_time || minutes || kind || cancelled_by_provider)) FROM lesson`,
  'attendance.versions': `SELECT sum(version) FROM attendance`,
  // Issue #5: a saved or submitted report, a decision, an exam result, a route, a revoked key.
  'progress_report.lockVersions': `SELECT sum(lock_version) FROM progress_report`,
  'progress_report.decided': `SELECT count(*) FROM progress_report WHERE invoice_decision IS NOT NULL`,
  'scaling_request.decided': `SELECT count(*) FROM scaling_request WHERE status <> 'requested'`,
  'exam_attempt.resulted': `SELECT count(*) FROM exam_attempt WHERE result <> 'pending'`,
  'participant.routes': `SELECT sum(hashtext(id::text || route)) FROM participant`,
  'api_key.revoked': `SELECT count(*) FROM api_key WHERE revoked_at IS NOT NULL`,
  // Issue #11: an invoice's status, a line checked or credited.
  'invoice.hash': `SELECT sum(hashtext(id::text || status)) FROM invoice`,
  'invoice_line.hash': `SELECT sum(hashtext(id::text || status || coalesce(dispute_reason, ''))) FROM invoice_line`,
};

const statements = new WeakMap<object, Promise<string>>();

/** One statement over every table of the schema (found once per server), so each table a feature adds is covered. */
async function snapshotStatement(t: TestKoers): Promise<string> {
  const tables = await t.koers.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts = tables.map((r) => r.name).filter((n) => !NOT_COMPARED.has(n)).map((n) => [n, `SELECT count(*) FROM ${n}`] as const);
  const columns = [...counts, ...Object.entries(IN_PLACE)].map(([key, sql]) => `COALESCE((${sql}), 0)::float8 AS "${key}"`);
  return `SELECT ${columns.join(',\n  ')}`;
}

/** Counts rows of the tables a request could change, to prove a refused request changed nothing. */
export async function snapshot(t: TestKoers): Promise<Record<string, number>> {
  // An import's rules run right after its commit (issue #16): they belong to the request before, not to the next.
  await t.koers.importRules.drain();
  let sql = statements.get(t.koers);
  if (sql === undefined) {
    sql = snapshotStatement(t);
    statements.set(t.koers, sql);
  }
  const rows = await t.koers.db.query<Record<string, number>>(await sql);
  return rows[0] ?? {};
}
