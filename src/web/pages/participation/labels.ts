// Dutch names of the participation kinds, MAP themes and ladder (issue #12; 001 §3, 001 Bijlage 5 item 16).
import { THEME_NL } from '../../../domain/portfolio';
export const activityKindLabels: Record<string, string> = {
  volunteering: 'Vrijwilligerswerk',
  workExperience: 'Werkervaringsplek',
  workOrientation: 'Werkoriëntatie',
  internship: 'Stage',
  companyVisit: 'Bedrijfsbezoek',
  localActivity: 'Lokale activiteit',
};

// The eight MAP themes' Dutch names: one table, shared with the portfolio PDF (src/domain/portfolio.ts).
export const mapThemeLabels: Record<string, string> = THEME_NL;

export const mapStatusLabels: Record<string, string> = { notStarted: 'Niet begonnen', inProgress: 'Bezig', done: 'Afgerond' };

export const ladderMomentLabels: Record<string, string> = { atReferral: 'Bij aanmelding', during: 'Tijdens het traject', atEnd: 'Aan het einde' };

/** Trede 1 tot en met 6 van de participatieladder. */
export const ladderStepLabels: Record<string, string> = {
  '1': 'Trede 1: geïsoleerd',
  '2': 'Trede 2: sociale contacten buiten de deur',
  '3': 'Trede 3: deelname aan georganiseerde activiteiten',
  '4': 'Trede 4: onbetaald werk',
  '5': 'Trede 5: betaald werk met ondersteuning',
  '6': 'Trede 6: betaald werk',
};

/** 2340 minutes → "39" (hours, one decimal where needed). */
export function hoursText(minutes: number): string {
  return (minutes / 60).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
}
