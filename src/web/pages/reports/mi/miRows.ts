// The items of 001 Bijlage 5 as the MI page shows them, with the path of their figure in the answer of
// GET /api/v1/reports/quarterly-mi (the same rows as src/features/reports/mi-view.ts, the export).
import type { MiFigures } from '../../../api/managementInfo';

const BANDS = [
  ['fastAlfa', 'a', '(snelle) Alfa'],
  ['a0a1', 'b', 'A0 – A1'],
  ['a1a2', 'c', 'A1 – A2'],
  ['a2b1', 'd', 'A2 – B1'],
  ['z', 'e', 'Z'],
  ['exam', 'f', 'Examengroep'],
  ['map', 'g', 'MAP'],
] as const;
const LADDER = [
  ['a', 'atReferral', 'bij aanmelding'],
  ['b', 'raisedDuring', 'verhoogd tijdens traject'],
  ['c', 'atEnd', 'einde traject'],
] as const;

export const MI_ROWS: readonly { path: string; label: string }[] = [
  { path: 'registered', label: '1a Aantal aangemeld' },
  { path: 'intakeHeld', label: '1b Aantal intake gehad' },
  { path: 'startedRunning', label: '1c Aantal gestart in reguliere klas of opstartklas en dus lopende trajecten' },
  { path: 'startedInStartClass', label: '2 Aantal daadwerkelijk gestarte inburgeringsplichtigen in opstartklas/instreamklas' },
  { path: 'belowAttendanceNorm', label: '3 Aantal inburgeringsplichtigen met < 80% aanwezigheid' },
  ...BANDS.map(([b, letter, nl]) => ({ path: `runningGroups.${b}`, label: `4${letter} Aantal lopende groepen: ${nl}` })),
  { path: 'waiting', label: '5 Aantal inburgeringsplichtigen op wachtlijst' },
  { path: 'averageWaitingDays', label: '6 Gemiddelde tijd op wachtlijst (kalenderdagen)' },
  { path: 'inMilestone1A', label: '7 Aantal inburgeringsplichtigen actief in de eerste mijlpaal (1A)' },
  { path: 'inMilestone1B', label: '8 Aantal inburgeringsplichtigen actief in de tweede mijlpaal (1B)' },
  { path: 'transferredToB1', label: '9 Aantal overgestapt naar de B1-route' },
  { path: 'transferredFromB1', label: '10 Aantal overgestapt van de B1-route' },
  { path: 'transferredToZ', label: '11 Aantal overgestapt naar de Z-route' },
  { path: 'transferredFromZ', label: '12 Aantal overgestapt van de Z-route' },
  { path: 'transferredToEducation', label: '13 Aantal overgestapt naar een andere onderwijsroute' },
  { path: 'transferredFromEducation', label: '14 Aantal overgestapt van een andere onderwijsroute' },
  { path: 'transferredToUnknown', label: '15 Aantal overgestapt waarvan het vervolgtraject onbekend is' },
  ...LADDER.flatMap(([letter, moment, nl]) => [1, 2, 3, 4, 5, 6].map((s) => ({ path: `ladder.${moment}.${String(s)}`, label: `16${letter} Trede ${String(s)} ${nl}` }))),
];

function valueAt(f: MiFigures, path: string): unknown {
  let node: unknown = f;
  for (const key of path.split('.')) node = node === null || typeof node !== 'object' ? null : (node as Record<string, unknown>)[key];
  return node;
}

/** A figure as the page reads it: "niet getoond" when hidden (R-MI-6), "n.v.t." when it does not apply. */
export function miText(f: MiFigures | undefined, path: string): string {
  if (f === undefined) return 'n.v.t.';
  if (f.hidden?.includes(path) === true) return 'niet getoond';
  const v = valueAt(f, path);
  return typeof v === 'number' ? v.toLocaleString('nl-NL', { maximumFractionDigits: 1 }) : 'n.v.t.';
}

/** Item 16 only for a product that has the ladder (not a language product). */
export const rowsFor = (quarters: readonly MiFigures[]) => MI_ROWS.filter((r) => !r.path.startsWith('ladder.') || quarters.some((q) => q.ladder !== null));
