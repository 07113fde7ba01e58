// The portfolio as one PDF (issue #12, R-MAP-3): what the provider hands over to the municipality at
// the end conversation (001 Bijlage 3: "besproken en overgedragen aan de gemeente"). Rendered with the
// documents' pdfmake set-up (its locked-down URL and file policies, its layout); the data comes in as
// plain objects. The uploaded files are listed by name: their own bytes are downloaded apart.
import type { Content } from 'pdfmake/interfaces.js';
import { MapThemes } from '../../domain/participation.js';
import { PROFILE_ANSWER_NL, ProfileQuestions, questionNl, THEME_NL } from '../../domain/portfolio.js';
import { definition, dutchDate, facts, participantFacts, render, type PdfParticipant } from '../documents/pdf.js';
import type { PortfolioAnnex, PortfolioItem } from './schemas.js';

export interface PortfolioPdfData {
  participant: PdfParticipant;
  municipalityName: string;
  items: readonly PortfolioItem[];
  annex: Omit<PortfolioAnnex, 'writeReferralId'>;
  generatedOn: string;
}

const KIND_NL: Record<PortfolioItem['kind'], string> = { evidence: 'Bewijsstuk', reflection: 'Reflectie', assignment: 'Opdracht' };
const orDash = (v: string | null | undefined): string => (v === null || v === undefined || v.trim() === '' ? '—' : v);
// The calendar day in the Netherlands of a recorded moment (ARCHITECTURE §2.5: business dates are Dutch).
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayOf = (isoMoment: string): string => dutchDate(DAY.format(new Date(isoMoment)));

function annexPart(a: PortfolioPdfData['annex']): Content[] {
  if (a.kind === 'none') return [{ text: 'Deze inburgeraar heeft geen aanmelding voor participatie of de MAP: Bijlage 3 hoort er niet bij.' }];
  if (a.kind !== 'annex') return [{ text: 'Dit is een portfolio van de Z-route: het bestaat uit bewijsstukken, reflecties en opdrachten, zonder het deel van Bijlage 3.' }];
  const c = a.completeness;
  return [
    { text: c === null || c.complete ? 'Het deel van Bijlage 3 is compleet.' : `Nog niet compleet: ${c.missing.map((m) => m.label).join('; ')}.` },
    { text: 'Algemeen klantbeeld', style: 'heading' },
    facts(ProfileQuestions.map((q) => {
      const e = a.content.profile[q];
      const answer = e.answer === null ? '—' : PROFILE_ANSWER_NL[e.answer];
      return [questionNl(q), e.note === null || e.note.trim() === '' ? answer : `${answer}. ${e.note}`];
    })),
    ...MapThemes.flatMap((t): Content[] => [
      { text: `MAP-onderdeel: ${THEME_NL[t]}`, style: 'heading' },
      facts([
        ['Wat geleerd', orDash(a.content.themes[t].learned)],
        ['In praktijk gebracht, met welke leerdoelen', orDash(a.content.themes[t].practised)],
      ]),
    ]),
    ...(a.recordedAt === null ? [] : [{ text: `Versie ${a.version}, vastgelegd door ${orDash(a.recordedBy)} op ${dayOf(a.recordedAt)}.`, style: 'small' }]),
  ];
}

function itemPart(items: readonly PortfolioItem[]): Content[] {
  if (items.length === 0) return [{ text: 'Nog geen bewijsstukken, reflecties of opdrachten.' }];
  return items.flatMap((i): Content[] => [
    { text: `${KIND_NL[i.kind]}: ${i.title}`, style: 'label', margin: [0, 8, 0, 2] },
    facts([
      ['MAP-onderdeel', i.theme === null ? '—' : THEME_NL[i.theme]],
      ['Toegevoegd', `${dayOf(i.recordedAt)} door ${i.recordedBy} (${i.providerName})`],
      ['Tekst', orDash(i.body)],
      ['Bestanden', i.files.length === 0 ? '—' : i.files.map((f) => `${f.fileName} (${Math.max(1, Math.round(f.sizeBytes / 1024))} kB)`).join(', ')],
    ]),
  ]);
}

export function renderPortfolioPdf(d: PortfolioPdfData): Promise<Buffer> {
  return render((family) =>
    definition(family, 'Portfolio', `Voor de overdracht aan gemeente ${d.municipalityName} bij het eindgesprek`, d.generatedOn, [
      { text: 'Inburgeraar', style: 'heading' },
      facts(participantFacts(d.participant)),
      { text: 'Bijlage 3: klantbeeld en MAP-onderdelen', style: 'heading' },
      ...annexPart(d.annex),
      { text: 'Bewijsstukken, reflecties en opdrachten', style: 'heading' },
      ...itemPart(d.items),
    ]),
  );
}
