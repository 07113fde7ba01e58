// Final report (R-END-1, R-END-2), pure.
//
// 000 §4.5: "De eindrapportage wordt uiterlijk twee weken na afronding van de leerroute door
// Opdrachtnemer aangeleverd", also "wanneer een inburgeraar uitstroomt naar een andere leerroute".
// 001 §2.3.1: "In het geval dat de beoogde doelen niet zijn behaald, wordt hier in de rapportage een
// toelichting op gegeven en volgt een gesprek met de gemeente. … Indien de doelen niet behaald zijn,
// beoordeelt de Gemeente of alsnog gefactureerd mag worden."
import type { ContractVersion, HolidayCalendar, IsoDate, Route } from './contract.js';
import { computeDeadline } from './deadline.js';
import type { CefrLevel } from './levels.js';

/**
 * R-END-1: the day the final report is due, from the contract deadline `finalReport` (2 weeks in every
 * contract, 000 §4.5) counted from the day the route ended or the participant left it. Two weeks are
 * 14 calendar days; a due date on a weekend or public holiday moves to the next working day (R-CON-4),
 * as for every deadline in Koers.
 */
export function finalReportDueOn(endedOn: IsoDate, version: { deadlines: Pick<ContractVersion['deadlines'], 'finalReport'>; holidayCalendar: HolidayCalendar }): IsoDate {
  return computeDeadline(endedOn, version.deadlines.finalReport, version.holidayCalendar);
}

export interface FieldError {
  field: string;
  /** Plain Dutch. */
  message: string;
}

/** The provider's final report, as far as the rules check it. */
export interface FinalReportDraft {
  route: Route;
  /** 000 §4.5 (Z) "een beoordeling of de doelen … zijn behaald"; 001 §2.3.1 "bereikte doelen". */
  goalsReached: boolean | null;
  /** R-END-2: why the goals were not reached; required then. */
  notReachedExplanation?: string | null;
  /** 000 §4.5: advice for what follows (B1: exam training, participation, work; Z: participation, day care, work). */
  advice?: string | null;
  /** 000 §4.5 (B1): "het behaalde eindniveau (A2/B1/B2)". */
  endLevel?: CefrLevel | null;
}

/** The end levels a B1-route final report may state (000 §4.5). */
export const B1EndLevels: readonly CefrLevel[] = ['A2', 'B1', 'B2'];

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';

/** R-END-1 / R-END-2: the field errors of a final report the provider submits; empty when it is complete. */
export function validateFinalReport(draft: FinalReportDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (draft.goalsReached === null) errors.push({ field: 'goalsReached', message: 'Geef aan of de doelen zijn behaald.' });
  if (draft.goalsReached === false && blank(draft.notReachedExplanation)) {
    errors.push({ field: 'notReachedExplanation', message: 'De doelen zijn niet behaald. Leg uit waarom.' });
  }
  if (blank(draft.advice)) errors.push({ field: 'advice', message: 'Geef een advies voor na de leerroute.' });
  if (draft.route === 'b1' || draft.route === 'b1_entree') {
    if (draft.endLevel === null || draft.endLevel === undefined) errors.push({ field: 'endLevel', message: 'Vul het behaalde eindniveau in (A2, B1 of B2).' });
    else if (!B1EndLevels.includes(draft.endLevel)) errors.push({ field: 'endLevel', message: 'Het eindniveau moet A2, B1 of B2 zijn.' });
  }
  return errors;
}

export type InvoicingDecision = 'invoice' | 'noInvoice';

/** The municipality's assessment after the final report (001 §2.3.1). */
export interface MunicipalityAssessment {
  /** The talk with the municipality that follows when goals are not reached. */
  talkHeldOn?: IsoDate | null;
  /** Whether the final product may still be invoiced; the municipality decides. */
  invoicingDecision?: InvoicingDecision | null;
  decisionReason?: string | null;
}

/**
 * R-END-2: when the goals are not reached, the municipality records the talk and decides, with a reason,
 * whether the final product may still be invoiced. When the goals are reached nothing is required.
 */
export function validateMunicipalityAssessment(goalsReached: boolean, assessment: MunicipalityAssessment): FieldError[] {
  if (goalsReached) return [];
  const errors: FieldError[] = [];
  if (assessment.talkHeldOn === null || assessment.talkHeldOn === undefined) {
    errors.push({ field: 'talkHeldOn', message: 'De doelen zijn niet behaald. Vul de datum van het gesprek met de gemeente in.' });
  }
  if (assessment.invoicingDecision === null || assessment.invoicingDecision === undefined) {
    errors.push({ field: 'invoicingDecision', message: 'De gemeente beslist of het eindproduct toch gefactureerd mag worden. Kies ja of nee.' });
  }
  if (blank(assessment.decisionReason)) errors.push({ field: 'decisionReason', message: 'Schrijf op waarom de gemeente zo beslist.' });
  return errors;
}

/** R-END-2: may the final product be invoiced? Yes when the goals are reached; else only by the municipality's decision. */
export function mayInvoiceFinalProduct(goalsReached: boolean, assessment: MunicipalityAssessment): boolean {
  return goalsReached || (validateMunicipalityAssessment(goalsReached, assessment).length === 0 && assessment.invoicingDecision === 'invoice');
}
