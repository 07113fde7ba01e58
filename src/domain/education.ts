// Onderwijsroute intake (R-REF-5, 002 eis 82): "Instroommoment … uiterlijk zes maanden na ondertekening
// PIP. Hiermee zijn er minstens twee instroommomenten per jaar. In de periode tussen de ondertekening
// van het PIP en de instroom organiseert de Opdrachtnemer overbruggingsaanbod."
import { addMonths } from './calendar.js';
import type { EducationRoute, IsoDate } from './contract.js';

export interface EducationIntake {
  /** The first intake moment on or after the PIP was signed. */
  nextIntakeMoment: IsoDate;
  /** Six months (per contract) after signing the PIP: the start may not be later. */
  latestStart: IsoDate;
  /** Does the next regular intake moment fall within the limit? If not, an extra intake is owed. */
  fitsLimit: boolean;
  /** Between signing and intake the provider owes a bridging offer (with at least one physical meeting). */
  bridgingOfferNeeded: boolean;
  /** The date the start is owed by: the next moment when it fits, else the limit itself. */
  startDueDate: IsoDate;
}

/** The intake moments ('MM-DD') of a year as dates. */
function momentsIn(year: number, moments: readonly string[]): IsoDate[] {
  return moments.map((m) => `${year}-${m}`).sort();
}

export function educationIntake(pipSignedOn: IsoDate, rules: EducationRoute): EducationIntake {
  const year = Number(pipSignedOn.slice(0, 4));
  const candidates = [...momentsIn(year, rules.intakeMoments), ...momentsIn(year + 1, rules.intakeMoments)];
  const next = candidates.find((d) => d >= pipSignedOn) ?? candidates[candidates.length - 1] ?? pipSignedOn;
  const latestStart = addMonths(pipSignedOn, rules.maxMonthsAfterPip);
  const fitsLimit = next <= latestStart;
  return {
    nextIntakeMoment: next,
    latestStart,
    fitsLimit,
    bridgingOfferNeeded: next > pipSignedOn,
    startDueDate: fitsLimit ? next : latestStart,
  };
}
