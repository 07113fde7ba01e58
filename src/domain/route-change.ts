// Route changes (R-RTE-1, R-RTE-2), pure.
//
// 001 §2.3.4: "De gemeente kan … binnen een termijn van 1,5 jaar de … leerroute opnieuw vaststellen
// c.q. wijzigen. Indien er sprake is van bijzondere gevallen, kan men afwijken van de termijn van 1,5
// jaar. Het wijzigen van onderwijsroute naar B1-route is tijdens het gehele inburgeringstraject
// mogelijk." 002 eis 50: "in de eerste 18 maanden van de inburgeringstermijn". The provider signals a
// misfit "in ieder geval binnen 12 maanden" (001 §2.3.4), "uiterlijk binnen 12 maanden na start van de
// inburgeringstermijn" (002 eis 49). What carries over is 001 §2.3.5.
import { addMonths, compareDates } from './calendar.js';
import type { IsoDate, Route, RouteChangeRules } from './contract.js';
import { passedParts, type ExamAttempt, type PassedPart } from './exams.js';
import { formatDateNl, formatHoursNl } from './levels.js';
import { routeNameNl } from './route-names.js';

/** The Onderwijsroute (002): towards mbo or towards hbo/wo. */
export const EducationRoutes = ['education_mbo', 'education_hbo_wo'] as const satisfies readonly Route[];

export function isEducationRoute(route: Route): boolean {
  return (EducationRoutes as readonly Route[]).includes(route);
}

/**
 * The B1-route and its municipal variant B1-entree (002 §1.1: "een vierde route … de B1-entree route").
 */
// NOTE: no source says whether Onderwijsroute → B1-entree counts as "onderwijsroute naar B1-route"; Koers
// treats B1-entree as a form of the B1-route, as 002 §1.1 describes it.
export function isB1Route(route: Route): boolean {
  return route === 'b1' || route === 'b1_entree';
}

/** The route's name (route-names.ts) with its article, as in a sentence: de B1-route. */
const theRoute = (route: Route): string => `de ${routeNameNl(route)}`;

export interface RouteChangeRequest {
  from: Route;
  to: Route;
  termStartedOn: IsoDate;
  requestedOn: IsoDate;
  /** The municipality's recorded reason for a change after the 18 months ("bijzondere gevallen"). */
  exceptionReason?: string | null;
}

/** Why a change is allowed: inside the period, Onderwijsroute → B1 at any time, or a recorded exception. */
export type RouteChangeBasis = 'withinPeriod' | 'educationToB1' | 'exception';

export interface RouteChangeDecision {
  allowed: boolean;
  basis: RouteChangeBasis | null;
  /** The last day of the regular period: the start of the term plus 18 months. */
  latestRegularChangeOn: IsoDate;
  /** True when only a recorded exception can allow this change. */
  exceptionRequired: boolean;
  /** Plain Dutch. */
  reasons: string[];
}

/**
 * R-RTE-1: the last day a route may change without an exception. The day 18 months after the start of
 * the term itself still counts, as a due date does everywhere in Koers (deadline.ts).
 */
// NOTE: SPEC R-RTE-1 says "within 18 months of the term"; the seeds fix the start: 002 eis 50 "in de eerste
// 18 maanden van de inburgeringstermijn" (001 §2.3.4 "binnen een termijn van 1,5 jaar").
export function latestRouteChangeOn(termStartedOn: IsoDate, rules: Pick<RouteChangeRules, 'withinMonthsOfTerm'>): IsoDate {
  return addMonths(termStartedOn, rules.withinMonthsOfTerm);
}

/** R-RTE-1: the provider signals a misfit with the route at the latest 12 months after the start of the term. */
export function misfitSignalDueOn(termStartedOn: IsoDate, rules: Pick<RouteChangeRules, 'misfitSignalWithinMonths'>): IsoDate {
  return addMonths(termStartedOn, rules.misfitSignalWithinMonths);
}

/** R-RTE-1: may the municipality change the route on this day, and on what basis. */
export function checkRouteChange(request: RouteChangeRequest, rules: Pick<RouteChangeRules, 'withinMonthsOfTerm'>): RouteChangeDecision {
  const latest = latestRouteChangeOn(request.termStartedOn, rules);
  const months = rules.withinMonthsOfTerm;
  const to = theRoute(request.to);
  if (request.from === request.to) {
    return { allowed: false, basis: null, latestRegularChangeOn: latest, exceptionRequired: false, reasons: [`De leerroute is al ${to}.`] };
  }
  if (isEducationRoute(request.from) && isB1Route(request.to)) {
    return {
      allowed: true,
      basis: 'educationToB1',
      latestRegularChangeOn: latest,
      exceptionRequired: false,
      reasons: [`Van de Onderwijsroute naar ${to} wisselen kan tijdens de hele termijn.`],
    };
  }
  if (compareDates(request.requestedOn, latest) <= 0) {
    return {
      allowed: true,
      basis: 'withinPeriod',
      latestRegularChangeOn: latest,
      exceptionRequired: false,
      reasons: [`De wijziging valt in de eerste ${months} maanden van de termijn (tot en met ${formatDateNl(latest)}).`],
    };
  }
  const late = `De eerste ${months} maanden van de termijn zijn voorbij (tot en met ${formatDateNl(latest)}).`;
  const exception = request.exceptionReason?.trim() ?? '';
  if (exception === '') {
    return {
      allowed: false,
      basis: null,
      latestRegularChangeOn: latest,
      exceptionRequired: true,
      reasons: [late, 'Wijzigen kan nu alleen als uitzondering. De gemeente moet de reden vastleggen.'],
    };
  }
  return {
    allowed: true,
    basis: 'exception',
    latestRegularChangeOn: latest,
    exceptionRequired: true,
    reasons: [late, `De gemeente maakt een uitzondering: ${exception}`],
  };
}

export interface RouteProgress {
  /** Course minutes followed so far (hours.ts keeps minutes). */
  followedMinutes: number;
  /** Every exam attempt so far, with its result. */
  attempts: readonly ExamAttempt[];
}

export interface RouteCarryOver {
  /** The minutes followed, credited to the new route. */
  creditedMinutes: number;
  /** What is left of the new route's hour norm after the credit; null when no norm is given. */
  remainingNormMinutes: number | null;
  /** Attempts count as attempts of the integration exam (001 §2.3.5); unchanged, so the count of two goes on. */
  attempts: ExamAttempt[];
  passedParts: PassedPart[];
  /** 001 §2.3.4: warm hand-over with participant, old and new provider and municipality; a new learning plan. */
  handoverRequired: true;
  newLearningPlanRequired: true;
  /** Plain Dutch: what carries over and why. */
  notes: string[];
}

/**
 * R-RTE-2 (001 §2.3.5): what carries over to the new route. Hours followed are credited (to the Z-route
 * norm of 800 hours when moving to the Z-route: "de reeds gevolgde cursussen worden in mindering
 * gebracht op de urennorm van de zelfredzaamheidsroute"); exam attempts and passed parts keep counting;
 * the financial settlement is agreed per participant.
 */
export function carryOverOnRouteChange(from: Route, to: Route, progress: RouteProgress, newRouteNormHours: number | null = null): RouteCarryOver {
  const credited = Math.max(0, progress.followedMinutes);
  const remaining = newRouteNormHours === null ? null : Math.max(0, Math.round(newRouteNormHours * 60) - credited);
  const notes: string[] = [];
  const hours = formatHoursNl(credited / 60);
  if (to === 'z') notes.push(`De ${hours} gevolgde uren gaan af van de urennorm van de Z-route.`);
  else if (isB1Route(to)) notes.push(`Bij de intensiteit van ${theRoute(to)} telt mee dat al ${hours} uur is gevolgd.`);
  else notes.push(`Er zijn al ${hours} uur gevolgd. Die tellen mee.`);
  if (remaining !== null && newRouteNormHours !== null) notes.push(`Van de ${formatHoursNl(newRouteNormHours)} uur zijn er nog ${formatHoursNl(remaining / 60)} over.`);
  const passed = passedParts(progress.attempts);
  if (isEducationRoute(to) && !isEducationRoute(from)) {
    notes.push('Gedane examenpogingen en behaalde onderdelen tellen mee, op ten minste niveau B1.');
  } else {
    notes.push('Gedane examenpogingen en behaalde onderdelen tellen mee voor het inburgeringsexamen.');
  }
  notes.push('De financiële afwikkeling spreekt de gemeente per inburgeraar af.');
  return {
    creditedMinutes: credited,
    remainingNormMinutes: remaining,
    attempts: [...progress.attempts],
    passedParts: passed,
    handoverRequired: true,
    newLearningPlanRequired: true,
    notes,
  };
}
