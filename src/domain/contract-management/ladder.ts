// R-ESC-2 (000 §5 "Contractmanagementniveau"): the contract-level ladder for one provider under one
// contract — intensified contract meetings with improvement terms → formal warning with a mandatory
// improvement plan and stricter monitoring → legal steps. Koers proposes a step from patterns (KPIs,
// deadline compliance, complaints) and the contract manager decides; each step keeps its date, decision
// and grounds. "Het gaat hierbij niet om individuele inburgeraars, maar om patronen": no input of this
// file has a participant, and a pattern counts only over at least `minCases` cases.
import { compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { EscalationPattern, LadderStep, LadderStepName } from './contract-data.js';

/** A pattern that holds, as shown with the proposal and frozen with the step it grounded. */
export interface TriggeredPattern {
  kind: EscalationPattern['kind'];
  /** The provider it is about; null for a contract-wide figure (a KPI over every provider of a route). */
  provider: string | null;
  /** The KPI's route for a contract-wide figure; null otherwise. */
  route: string | null;
  /** The quarters it held in, oldest first. */
  quarters: string[];
  detail: string;
}

export interface KpiSeries {
  key: string;
  label: string;
  route: string;
  /** Oldest first; the last is the quarter looked at. */
  values: readonly { quarter: string; share: number | null; denominator: number | null; meetsTarget: boolean | null }[];
}

export interface ComplianceFigure {
  provider: string;
  label: string;
  share: number | null;
  denominator: number | null;
}

/** A provider's distinct complainants per quarter of receipt (R-CM-3), oldest first; the last is the quarter looked at. */
export interface ComplaintSeries {
  provider: string;
  label: string;
  values: readonly { quarter: string; complainants: number }[];
}

export interface PatternFacts {
  quarter: string;
  kpis: readonly KpiSeries[];
  compliance: readonly ComplianceFigure[];
  /** Absent: no complaint figures read (the pattern then never holds). */
  complaints?: readonly ComplaintSeries[];
}

/** 'complaintsRising' without a minimum in the contract file: three complainants (assumption, docs/complaints.md). */
export const DEFAULT_MIN_COMPLAINANTS = 3;

const pct = (n: number): string => `${(Math.round(n * 1000) / 10).toLocaleString('nl-NL')}%`;

/**
 * The patterns that hold in the facts. A KPI: below target in each of the last `quartersRunning`
 * quarters, each with at least `minCases` in its denominator (a suppressed figure has none, so it never
 * counts). Deadline compliance: the quarter's share below the norm over at least `minCases` steps.
 * Complaints: the quarter's distinct complainants more than the quarter before's, and at least the minimum.
 */
export function triggeredPatterns(patterns: readonly EscalationPattern[], facts: PatternFacts): TriggeredPattern[] {
  const out: TriggeredPattern[] = [];
  for (const p of patterns) {
    if (p.kind === 'kpiBelowTarget') {
      for (const k of facts.kpis) {
        const last = k.values.slice(-p.quartersRunning);
        const holds = last.length === p.quartersRunning && last.every((v) => v.meetsTarget === false && v.share !== null && (v.denominator ?? 0) >= p.minCases);
        if (holds) out.push({ kind: p.kind, provider: null, route: k.route, quarters: last.map((v) => v.quarter), detail: `${k.label}: onder de streefwaarde in ${last.map((v) => `${v.quarter} (${pct(v.share ?? 0)})`).join(' en ')}.` });
      }
    } else if (p.kind === 'deadlineComplianceBelowNorm') {
      for (const c of facts.compliance) {
        if (c.share === null || (c.denominator ?? 0) < p.minCases || c.share >= p.normShare) continue;
        out.push({ kind: p.kind, provider: c.provider, route: null, quarters: [facts.quarter], detail: `${c.label}: ${pct(c.share)} op tijd in ${facts.quarter}, norm ${pct(p.normShare)}.` });
      }
    } else {
      const min = p.minComplainants ?? DEFAULT_MIN_COMPLAINANTS;
      for (const c of facts.complaints ?? []) {
        const [before, now] = c.values.slice(-2);
        if (before === undefined || now === undefined || now.quarter !== facts.quarter || now.complainants < min || now.complainants <= before.complainants) continue;
        out.push({ kind: p.kind, provider: c.provider, route: null, quarters: [before.quarter, now.quarter], detail: `${c.label}: ${String(now.complainants)} klagers in ${now.quarter}, ${String(before.complainants)} in ${before.quarter}.` });
      }
    }
  }
  return out;
}

/** The patterns that bear on one provider: its own, and the contract-wide KPIs of the routes it serves. */
export function patternsFor(triggered: readonly TriggeredPattern[], provider: string, kpiRoutesOfProvider: ReadonlySet<string>): TriggeredPattern[] {
  return triggered.filter((t) => (t.provider === null ? t.route !== null && kpiRoutesOfProvider.has(t.route) : t.provider === provider));
}

// ---- The state machine ---------------------------------------------------------------------------

export interface StepRecord {
  step: LadderStepName;
  decidedOn: IsoDate;
  decision: string;
  grounds: string;
  termUntil: IsoDate | null;
  patterns: readonly TriggeredPattern[];
}

export interface LadderCase {
  steps: readonly StepRecord[];
  closedOn: IsoDate | null;
}

/** What the contract manager records to open a step. There is no participant in it: by construction. */
export interface OpenStepInput {
  step: LadderStepName;
  decidedOn: IsoDate;
  decision: string;
  grounds: string;
  termUntil: IsoDate | null;
}

/** The step to open next: the first for no case (or a closed one), the one after the last, or null at the top. */
export function nextStep(ladder: readonly LadderStep[], c: LadderCase | undefined): LadderStep | null {
  if (c === undefined || c.closedOn !== null) return ladder[0] ?? null;
  const last = c.steps.at(-1);
  const i = last === undefined ? 0 : ladder.findIndex((s) => s.step === last.step) + 1;
  return ladder[i] ?? null;
}

export interface Refusal {
  field: 'step' | 'decidedOn' | 'decision' | 'grounds' | 'termUntil';
  code: string;
  reason: string;
}

const MIN_TEXT = 10;

/** Why the step cannot be opened, or null: in order, no skipping, not before the last step, with date, decision and grounds. */
export function refuseStep(ladder: readonly LadderStep[], c: LadderCase | undefined, input: OpenStepInput, today: IsoDate): Refusal | null {
  const next = nextStep(ladder, c);
  if (next === null) return { field: 'step', code: 'ladderEnd', reason: 'De laatste stap van de escalatieladder is al gezet.' };
  if (input.step !== next.step) return { field: 'step', code: 'notNext', reason: `Stappen gaan op volgorde en worden niet overgeslagen: de volgende stap is "${next.name}".` };
  if (compareDates(input.decidedOn, today) > 0) return { field: 'decidedOn', code: 'future', reason: 'Een besluit ligt niet in de toekomst: kies vandaag of een eerdere datum.' };
  const last = c !== undefined && c.closedOn === null ? c.steps.at(-1) : undefined;
  if (last !== undefined && compareDates(input.decidedOn, last.decidedOn) < 0) return { field: 'decidedOn', code: 'beforeLast', reason: `De vorige stap is op ${last.decidedOn} genomen; deze stap kan niet eerder zijn.` };
  if (input.decision.trim().length < MIN_TEXT) return { field: 'decision', code: 'required', reason: 'Beschrijf het besluit (minstens 10 tekens).' };
  if (input.grounds.trim().length < MIN_TEXT) return { field: 'grounds', code: 'required', reason: 'Geef de gronden voor deze stap (minstens 10 tekens): de patronen en wat al is geprobeerd.' };
  if (next.requiresTerm && input.termUntil === null) return { field: 'termUntil', code: 'required', reason: 'Deze stap heeft een termijn: kies de datum waarop de verbetering zichtbaar moet zijn.' };
  if (input.termUntil !== null && compareDates(input.termUntil, input.decidedOn) <= 0) return { field: 'termUntil', code: 'notAfter', reason: 'De termijn ligt na de datum van het besluit.' };
  return null;
}

/** Why a case cannot be closed, or null. Closing needs grounds too: the improvement that was seen. */
export function refuseClose(c: LadderCase | undefined, closedOn: IsoDate, grounds: string, today: IsoDate): Refusal | null {
  const last = c?.steps.at(-1);
  if (c === undefined || c.closedOn !== null || last === undefined) return { field: 'step', code: 'notOpen', reason: 'Er loopt geen escalatie om af te sluiten.' };
  if (compareDates(closedOn, today) > 0 || compareDates(closedOn, last.decidedOn) < 0) return { field: 'decidedOn', code: 'outOfRange', reason: `Kies een datum vanaf ${last.decidedOn} tot en met vandaag.` };
  if (grounds.trim().length < MIN_TEXT) return { field: 'grounds', code: 'required', reason: 'Geef de gronden voor het afsluiten (minstens 10 tekens).' };
  return null;
}

/** The proposal for one provider: the next step and the patterns that call for it; null without patterns or at the top. */
export function proposeStep(ladder: readonly LadderStep[], c: LadderCase | undefined, patterns: readonly TriggeredPattern[]): { step: LadderStep; patterns: TriggeredPattern[] } | null {
  const step = nextStep(ladder, c);
  return step === null || patterns.length === 0 ? null : { step, patterns: [...patterns] };
}
