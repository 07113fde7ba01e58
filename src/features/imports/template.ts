// The downloadable sheet of a month of attendance per group (R-EXC-2, R-ATT-7): one row per lesson that
// has taken place × member on that date, prefilled with what is recorded (otherwise present, as the
// lesson page defaults), so filling in only the absences and uploading it back is enough.
import { loadExcelJs } from '../../platform/exceljs.js';
import type { RequestContext } from '../../platform/access.js';
import { participantInScope, SqlParams } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findGroup, lessonAttendance, listLessons, listMembers } from '../groups/store.js';
import { COLUMNS, FIELDS, HEADERS, yesNo, type Field } from './rows.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock'>;
type SheetRow = Record<Field, string>;

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export async function templateRows(deps: Deps, ctx: RequestContext, groupId: string, month: string): Promise<{ groupName: string; rows: SheetRow[] }> {
  const today = deps.clock.today();
  const out = await deps.db.transaction(async (tx) => {
    const group = await findGroup(tx, ctx.scope, groupId);
    if (group === undefined) return undefined;
    // Lessons still to come or cancelled by the provider cannot be recorded (R-ATT-1, R-GRP-2).
    const lessons = (await listLessons(tx, groupId, `${month}-01`, lastDay(month))).filter((l) => !l.cancelledByProvider && l.date <= today);
    const rows: SheetRow[] = [];
    const subjects = new Map<string, string>();
    for (const l of lessons) {
      const members = await listMembers(tx, ctx.scope, groupId, l.date);
      const recorded = new Map((await lessonAttendance(tx, l.id)).map((a) => [a.participantId, a]));
      const p = new SqlParams();
      const ids = p.add(members.map((m) => m.participantId));
      const clientNumbers = new Map(
        (await tx.query<{ id: string; clientNumber: string | null }>(`SELECT p.id, p.client_number AS "clientNumber" FROM participant p WHERE p.id = ANY(${ids}::uuid[]) AND ${participantInScope(ctx.scope, p)}`, p.values)).map((r) => [r.id, r.clientNumber]),
      );
      for (const m of members) {
        subjects.set(m.participantId, m.municipalityId);
        const a = recorded.get(m.participantId);
        rows.push({
          lessonId: l.id,
          lessonDate: l.date,
          lessonStart: l.startTime,
          participantId: m.participantId,
          clientNumber: clientNumbers.get(m.participantId) ?? '',
          name: `${m.givenName} ${m.familyName}`,
          present: yesNo(a?.present ?? true),
          minutesAttended: a === undefined ? '' : String(a.minutesAttended),
          reason: a?.reason ?? '',
          calledIn: yesNo(a?.calledIn ?? false),
        });
      }
    }
    // The sheet shows names and attendance: a read of each member's data (R-SEC-2).
    await recordAudit(tx, deps.crypto, ctx, { name: 'attendance.read', status: 'ok', subjects: [...subjects].map(([participantId, municipalityId]) => ({ participantId, municipalityId })), objectType: 'group', objectId: groupId, summary: `template ${month}` });
    return { groupName: group.name, rows };
  });
  if (out === undefined) throw notFound();
  return out;
}

const csvCell = (v: string) => (/[";,\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** ';'-separated with a BOM: what Dutch Excel opens correctly by double-click. */
export function toCsv(rows: readonly SheetRow[]): string {
  const lines = [HEADERS.join(';'), ...rows.map((r) => FIELDS.map((f) => csvCell(r[f])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(rows: readonly SheetRow[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Aanwezigheid');
  ws.columns = FIELDS.map((f) => ({ header: COLUMNS[f], key: f, width: f === 'lessonId' || f === 'participantId' ? 38 : 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  // ja/nee as a drop-down: fewer typing errors to report back.
  for (const f of ['present', 'calledIn'] as const) {
    const col = FIELDS.indexOf(f) + 1;
    for (let i = 2; i <= rows.length + 1; i++) ws.getCell(i, col).dataValidation = { type: 'list', allowBlank: true, formulae: ['"ja,nee"'] };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
