// Issue #13 (R-MI-1): the items 1–16 of 001 Bijlage 5 in Bijlage 5's own Dutch wording, each with the path
// of its figure in QuarterlyMiFigures (src/domain/reports/quarterly-mi.ts). The one table of them: the MI
// page (src/web/pages/reports/mi/miRows.ts), its export (src/features/reports/mi-view.ts) and the
// provider's report instance (src/features/reports/mi-document.ts) all read their rows from here, so the
// three can no longer word an item differently. Item 17 is text the provider writes (MI_ENTERED there).
// Definitions: docs/reports.md §1.

// The level bands of item 4 (src/domain/reports/facts.ts LevelBands), with Bijlage 5's letter and name.
const BANDS = [
  ['fastAlfa', 'a', '(snelle) Alfa'],
  ['a0a1', 'b', 'A0 – A1'],
  ['a1a2', 'c', 'A1 – A2'],
  ['a2b1', 'd', 'A2 – B1'],
  ['z', 'e', 'Z'],
  ['exam', 'f', 'Examengroep'],
  ['map', 'g', 'MAP'],
] as const;
// Item 16, the participation ladder (R-MAP-4), per moment and step 1–6.
const LADDER = [
  ['a', 'atReferral', 'bij aanmelding'],
  ['b', 'raisedDuring', 'verhoogd tijdens traject'],
  ['c', 'atEnd', 'einde traject'],
] as const;

export interface MiItem {
  /** Dot path of the figure, e.g. "runningGroups.a0a1" or "ladder.atEnd.3". */
  path: string;
  label: string;
}

export const MI_ITEMS: readonly MiItem[] = [
  { path: 'registered', label: '1a Aantal aangemeld' },
  { path: 'intakeHeld', label: '1b Aantal intake gehad' },
  { path: 'startedRunning', label: '1c Aantal gestart in reguliere klas of opstartklas en dus lopende trajecten' },
  { path: 'startedInStartClass', label: '2 Aantal daadwerkelijk gestarte inburgeringsplichtigen in opstartklas/instreamklas' },
  { path: 'belowAttendanceNorm', label: '3 Aantal inburgeringsplichtigen met < 80% aanwezigheid' },
  ...BANDS.map(([band, letter, nl]) => ({ path: `runningGroups.${band}`, label: `4${letter} Aantal lopende groepen: ${nl}` })),
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

/** Item 16 "(niet voor taalaanbieders)" only where the product has the ladder (its figure is not null). */
export function miItemsFor(figures: readonly object[]): readonly MiItem[] {
  const ladder = figures.some((f) => 'ladder' in f && f.ladder !== null && f.ladder !== undefined);
  return MI_ITEMS.filter((i) => ladder || !i.path.startsWith('ladder.'));
}

/** The number at a dot path of a figures object; null when it is absent or not a number (n.v.t.). */
export function valueAt(f: object, path: string): number | null {
  let node: unknown = f;
  for (const key of path.split('.')) node = node === null || typeof node !== 'object' ? null : (node as Record<string, unknown>)[key];
  return typeof node === 'number' ? node : null;
}
