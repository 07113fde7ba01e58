// R-RTE-4 (003 art. 10.7, 11): the hours statement (urenverklaring) with proof of participation, for a
// move to another municipality or a switch of provider. A download of personal data: audited.
import { passedParts } from '../../domain/exams.js';
import { hourKindOf, HourKinds } from '../../domain/hours.js';
import { isCefrLevel } from '../../domain/levels.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { unsafeHourFacts } from '../hours/store.js';
import { progressFacts } from './assessment.js';
import { fileOrDeny, inTransaction, type Deps } from './overview.js';
import { renderHoursStatementPdf } from './pdf.js';
import { examAttempts, latestReferral, routeEvents } from './store.js';

const KIND_NL: Record<string, string> = { language: 'Taal (incl. KNM)', participation: 'Participatie', mapPractical: 'MAP-praktijk', deficiencySubject: 'Deficiëntievakken', studySkills: 'Studievaardigheden', internship: 'Stage' };
const PART_NL: Record<string, string> = { reading: 'lezen', writing: 'schrijven', listening: 'luisteren', speaking: 'spreken', knm: 'KNM' };

export async function hoursStatementPdf(deps: Deps, ctx: RequestContext, participantId: string): Promise<{ fileName: string; content: Buffer }> {
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'report.download');
    const today = deps.clock.today();
    const referral = await latestReferral(tx, ctx.scope, participantId);
    const facts = await progressFacts(tx, deps.contracts, file, referral, today);
    const hours = await unsafeHourFacts(tx, participantId);
    const byKind = new Map<string, number>();
    for (const h of hours) byKind.set(hourKindOf(h.kind), (byKind.get(hourKindOf(h.kind)) ?? 0) + h.minutes);
    const attempts = await examAttempts(tx, participantId);
    const passed = passedParts(attempts.filter((a) => a.takenOn !== null).map((a) => ({ id: a.id, part: a.part as never, takenOn: a.takenOn ?? a.registeredOn, level: isCefrLevel(a.level) ? a.level : null, result: a.result })));
    const last = (await routeEvents(tx, participantId)).filter((e) => e.type === 'movedAway' || e.type === 'providerSwitched').at(-1);
    const content = await renderHoursStatementPdf({
      participant: { givenName: file.givenName, familyName: file.familyName, dateOfBirth: file.dateOfBirth, clientNumber: file.clientNumber, bsnLastFour: file.bsnLastFour },
      municipalityName: file.municipalityName,
      providerName: referral?.providerName ?? '—',
      generatedOn: today,
      reason: last === undefined ? 'Op verzoek' : last.type === 'movedAway' ? `Verhuizing per ${last.onDate}` : `Wissel van aanbieder per ${last.onDate}`,
      byKind: HourKinds.filter((k) => (byKind.get(k) ?? 0) > 0).map((k) => [KIND_NL[k] ?? k, (byKind.get(k) ?? 0) / 60]),
      totalHours: facts.hoursMade,
      firstLessonOn: hours[0]?.date ?? null,
      lastLessonOn: hours.at(-1)?.date ?? null,
      attendancePercentage: facts.attendance.percentage,
      passedParts: passed.map((p) => `${PART_NL[p.part] ?? p.part}${p.level === null ? '' : ` ${p.level}`}`),
    });
    await recordAudit(tx, deps.crypto, ctx, { name: 'report.download', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'hoursStatement', objectId: participantId });
    return { fileName: `urenverklaring-${today}.pdf`, content };
  });
}
