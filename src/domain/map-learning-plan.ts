// The learning plan of a MAP referral (issue #12, R-MAP-1), pure. 001 §3: "Voor gezins- en overige
// migranten dient hiervoor een apart leerplan MAP te worden opgesteld"; "De aanbieder geeft in het
// leerplan dus, voor de start van het traject, aan gemeente inzage in hoe en op welke wijze de MAP wordt
// ingezet"; "De MAP bestaat uit een praktijkelement van minimaal 40 uren ... Een voorstel voor het
// praktijkelement ... dient te worden opgenomen in het leerplan." A referral for a product of kind
// `map` has its own learning plan, through the same submit and approval as every plan (R-REF-6); this
// is what it must hold before it can be submitted.
import { MAP_PRACTICAL_MINIMUM_HOURS, MapThemes, type MapTheme } from './participation.js';

/** The Dutch names of the eight themes, as 001 §3 lists them. */
export const MAP_THEME_NAMES: Readonly<Record<MapTheme, string>> = {
  careerOrientation: 'Beroepsoriëntatie',
  employeeCompetences: 'Werknemerscompetenties',
  realisticJobImage: 'Realistisch beroepsbeeld',
  jobChances: 'Beroepskansen',
  professionalCompetences: 'Beroepscompetenties verwerven',
  network: 'Netwerk opbouwen',
  findingWork: 'Werk vinden',
  workCulture: 'Werkcultuur',
};

export interface PlanMapPart {
  included: boolean;
  /** The proposal for the practical part (work placement, volunteering, company visits). */
  practicalPart: string;
  practicalHours: number;
  /** How each theme is dealt with. */
  themes?: readonly { theme: MapTheme; approach: string }[] | undefined;
}

export interface PlanIssue {
  /** The path in the learning-plan event (`content.map.practicalHours`). */
  name: string;
  code: string;
  reason: string;
}

/** The MAP part a MAP referral's learning plan must hold; empty when it is complete. */
export function mapPlanIssues(map: PlanMapPart): PlanIssue[] {
  if (!map.included) return [{ name: 'content.map.included', code: 'mapRequired', reason: 'Dit is een aanmelding voor de MAP: beschrijf in het leerplan hoe de MAP wordt ingezet.' }];
  const out: PlanIssue[] = [];
  if (map.practicalPart.trim() === '') out.push({ name: 'content.map.practicalPart', code: 'required', reason: 'Beschrijf het voorstel voor het praktijkdeel: werkervaringsplek, vrijwilligerswerk of werkbezoeken.' });
  if (map.practicalHours < MAP_PRACTICAL_MINIMUM_HOURS) {
    out.push({ name: 'content.map.practicalHours', code: 'belowMinimum', reason: `Het praktijkdeel van de MAP is minstens ${MAP_PRACTICAL_MINIMUM_HOURS} uur.` });
  }
  for (const theme of MapThemes) {
    const approach = map.themes?.find((t) => t.theme === theme)?.approach ?? '';
    if (approach.trim() === '') out.push({ name: `content.map.themes.${theme}`, code: 'required', reason: `Beschrijf hoe het thema ${MAP_THEME_NAMES[theme]} aan bod komt.` });
  }
  return out;
}
