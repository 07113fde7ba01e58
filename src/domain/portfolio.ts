// The portfolio (R-MAP-3), pure. A portfolio collects evidence, reflections and assignments for the
// Z-route, B1-route participation and the MAP; for MAP and B1-route participation it also holds the
// part of 001 Bijlage 3: "een algemeen klantbeeld" (can the client make a CV, is the client work-fit,
// was the diploma valued) and, per MAP theme, what the client learned and put into practice with which
// learning goals. Only that part has a completeness rule.
//
// Choice for the Z-route (R-MAP-3): 001 Bijlage 3 is the format of "B1-route Participatie en MAP"; a
// Z-route portfolio has no Bijlage 3 part, so it holds evidence and reflections only and has no
// completeness rule (portfolioKind 'evidenceOnly', completeness undefined).
import { MapThemes, type MapTheme } from './participation.js';

export const PortfolioItemKinds = ['evidence', 'reflection', 'assignment'] as const;
export type PortfolioItemKind = (typeof PortfolioItemKinds)[number];

/** 001 Bijlage 3 "algemeen klantbeeld": three questions, each yes / no / in progress. */
export const ProfileQuestions = ['canMakeCv', 'workFit', 'diplomaValuation'] as const;
export type ProfileQuestion = (typeof ProfileQuestions)[number];
export const ProfileAnswers = ['yes', 'no', 'inProgress'] as const;
export type ProfileAnswer = (typeof ProfileAnswers)[number];

export interface AnnexContent {
  profile: Record<ProfileQuestion, { answer: ProfileAnswer | null; note: string | null }>;
  themes: Record<MapTheme, { learned: string | null; practised: string | null }>;
}

/** One missing item, named so that the screen and the PDF can say which. */
export type MissingItem = { part: 'profile'; question: ProfileQuestion } | { part: 'theme'; theme: MapTheme; field: 'learned' | 'practised' };

export interface Completeness {
  complete: boolean;
  missing: MissingItem[];
}

/** The product of a referral as far as the portfolio cares (src/domain/contract.ts Product). */
export interface PortfolioProduct {
  kind: string;
  routes: readonly string[];
}

/**
 * Which portfolio a participant has: 'annex' when any referral is for the MAP or for a participation
 * product of the B1 route (001 Bijlage 3), 'evidenceOnly' when its participation is Z-route only, and
 * 'none' without a participation or MAP referral.
 */
export function portfolioKind(products: readonly PortfolioProduct[]): 'annex' | 'evidenceOnly' | 'none' {
  if (products.some((p) => p.kind === 'map' || (p.kind === 'participation' && p.routes.includes('b1')))) return 'annex';
  if (products.some((p) => p.kind === 'participation')) return 'evidenceOnly';
  return 'none';
}

const filled = (s: string | null | undefined): boolean => s !== null && s !== undefined && s.trim() !== '';

/** An empty Bijlage 3 part: nothing answered, nothing written. */
export function emptyAnnex(): AnnexContent {
  return {
    profile: Object.fromEntries(ProfileQuestions.map((q) => [q, { answer: null, note: null }])) as AnnexContent['profile'],
    themes: Object.fromEntries(MapThemes.map((t) => [t, { learned: null, practised: null }])) as AnnexContent['themes'],
  };
}

/**
 * R-MAP-3: the Bijlage 3 part is complete when each of the three profile questions has an answer (any
 * of yes, no, in progress: "no CV yet" is part of the picture the municipality takes over) and, for
 * every one of the eight MAP themes, both texts are written (not blank). Missing items are listed in
 * the order of 001 Bijlage 3: the profile first, then the themes in the order of 001 §3.
 */
export function annexCompleteness(annex: AnnexContent | undefined): Completeness {
  const a = annex ?? emptyAnnex();
  const missing: MissingItem[] = [];
  for (const question of ProfileQuestions) if (a.profile[question]?.answer == null) missing.push({ part: 'profile', question });
  for (const theme of MapThemes) {
    const t = a.themes[theme];
    if (!filled(t?.learned)) missing.push({ part: 'theme', theme, field: 'learned' });
    if (!filled(t?.practised)) missing.push({ part: 'theme', theme, field: 'practised' });
  }
  return { complete: missing.length === 0, missing };
}

const QUESTION_NL: Record<ProfileQuestion, string> = { canMakeCv: 'Kan een cv maken', workFit: 'Werkfit', diplomaValuation: 'Diplomawaardering' };
export const PROFILE_ANSWER_NL: Record<ProfileAnswer, string> = { yes: 'ja', no: 'nee', inProgress: 'mee bezig' };
export const THEME_NL: Record<MapTheme, string> = {
  careerOrientation: 'Loopbaanoriëntatie',
  employeeCompetences: 'Werknemerscompetenties',
  realisticJobImage: 'Reëel beroepsbeeld',
  jobChances: 'Kansen op de arbeidsmarkt',
  professionalCompetences: 'Beroepscompetenties',
  network: 'Netwerk',
  findingWork: 'Werk vinden',
  workCulture: 'Werkcultuur in Nederland',
};

export const questionNl = (q: ProfileQuestion): string => QUESTION_NL[q];

/** A missing item in Dutch, as the screen's "Nog niet compleet: …" and the PDF list it. */
export function missingItemNl(m: MissingItem): string {
  if (m.part === 'profile') return `klantbeeld: ${QUESTION_NL[m.question].toLowerCase()}`;
  return `${THEME_NL[m.theme]}: ${m.field === 'learned' ? 'wat geleerd' : 'wat in praktijk gebracht'}`;
}
