// Dutch words for issue #5 (GLOSSARY.md): status, skills, reports, scaling, exams and route events.
import type { ProgressStatus, ReportKind, RouteState, Scaling, Skill } from '../../api/progress';

export const statusLabels: Record<ProgressStatus, string> = {
  onTrack: 'Op schema',
  atRisk: 'Risico op achterstand',
  behind: 'Achter op schema',
};

// The participant's words for the status are in src/web/i18n/nl.json and en.json (issue #12).

export const statusOptions = Object.entries(statusLabels) as [ProgressStatus, string][];

export const skillLabels: Record<string, string> = {
  reading: 'Lezen',
  writing: 'Schrijven',
  listening: 'Luisteren',
  speaking: 'Spreken',
  knm: 'KNM',
  map: 'MAP',
  pvt: 'PVT',
};

export const skills: readonly Skill[] = ['reading', 'writing', 'listening', 'speaking'];
export const skillOptions = skills.map((s) => [s, skillLabels[s] ?? s] as const);
export const levelOptions = (['A0', 'A1', 'A2', 'B1', 'B2'] as const).map((l) => [l, l] as const);

const componentStatusLabels: Record<string, string> = {
  notStarted: 'Nog niet begonnen',
  inProgress: 'Bezig',
  passed: 'Behaald',
  exempt: 'Vrijgesteld',
};

/** A level (A2) or, for KNM/MAP/PVT, a status. */
export function levelText(value: string | null): string {
  if (value === null) return 'Onbekend';
  return componentStatusLabels[value] ?? value;
}

export function label(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}

export const reportKindLabels: Record<ReportKind, string> = {
  progress: 'Voortgangsrapportage',
  final: 'Eindrapportage',
};

export const reportStatusLabels = { draft: 'Concept', submitted: 'Ingediend' } as const;

export const invoiceLabels = { mayInvoice: 'Mag gefactureerd worden', mayNotInvoice: 'Mag niet gefactureerd worden' } as const;

export const scalingDirectionLabels: Record<Scaling['direction'], string> = { down: 'Afschalen', up: 'Opschalen' };
export const scalingStatusLabels: Record<Scaling['status'], string> = {
  requested: 'Wacht op besluit gemeente',
  approved: 'Goedgekeurd',
  refused: 'Afgewezen',
};

export function scalingTitle(s: Pick<Scaling, 'direction' | 'skill' | 'fromLevel' | 'toLevel'>): string {
  return `${scalingDirectionLabels[s.direction]} ${label(skillLabels, s.skill).toLowerCase()} van ${s.fromLevel} naar ${s.toLevel}`;
}

export const examPartLabels: Record<string, string> = { ...skillLabels, knm: 'KNM' };
export const examPartOptions = (['reading', 'writing', 'listening', 'speaking', 'knm'] as const).map((p) => [p, examPartLabels[p] ?? p] as const);
export const examResultLabels: Record<string, string> = { pending: 'Nog geen uitslag', passed: 'Geslaagd', failed: 'Niet geslaagd' };

export const routeEventLabels: Record<string, string> = {
  routeChanged: 'Leerroute gewijzigd',
  onHold: 'Tijdelijk gestopt (on hold)',
  resumed: 'Weer begonnen',
  droppedOut: 'Uitgevallen',
  movedAway: 'Verhuisd naar een andere gemeente',
  providerSwitched: 'Naar een andere aanbieder',
  handOverHeld: 'Warme overdracht gehouden',
  routeEnded: 'Leerroute beëindigd',
};

export const routeStateLabels: Record<RouteState, string> = {
  running: 'Loopt',
  onHold: 'Tijdelijk gestopt',
  droppedOut: 'Uitgevallen',
  movedAway: 'Verhuisd',
  ended: 'Beëindigd',
};

export const holdReasonLabels: Record<string, string> = { pregnancy: 'Zwangerschap', illness: 'Ziekte', other: 'Andere reden' };
export const dropOutReasonLabels: Record<string, string> = { medical: 'Medisch', death: 'Overleden', moved: 'Verhuisd', other: 'Andere reden' };
export const attendeeLabels: Record<string, string> = {
  participant: 'Inburgeraar',
  oldProvider: 'Oude aanbieder',
  newProvider: 'Nieuwe aanbieder',
  municipality: 'Gemeente',
};

/** 12.5 → '12,5'. */
export function formatNumber(value: number): string {
  return value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
}

