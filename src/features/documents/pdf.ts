// Server-side PDFs of a referral and of one learning-plan version (R-REF-6, R-REF-7), rendered with
// pdfmake 0.3 (new API: setFonts, createPdf().getBuffer(); ARCHITECTURE §6). Pure apart from reading
// the bundled font files: the data comes in as plain objects, the bytes go out.
//
// CVE-2026-26801: pdfmake downloads any URL and reads any local path named in a document definition
// (images, fonts). We deny every URL and allow exactly the font files chosen below, so nothing that
// reaches a definition — a participant's name, a plan's notes — can make the server fetch or read.
//
// R-PAR-2: the inputs carry no BSN; at most its last four digits, shown masked as *****1234.
import { createRequire } from 'node:module';
import type pdfmakeModule from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { isValidBsn } from '../../domain/bsn.js';
import { MAP_THEME_NAMES } from '../../domain/map-learning-plan.js';
import type { MapTheme } from '../../domain/participation.js';
import { routeNameNl } from '../../domain/route-names.js';

export type Level = 'A0' | 'A1' | 'A2' | 'B1' | 'B2';
export type PlanRoute = 'b1' | 'z' | 'education_mbo' | 'education_hbo_wo' | 'b1_entree';

/**
 * The learning plan's content as stored in learning_plan.content (R-REF-6). Mirrors the lead's zod
 * schema `LearningPlanContent` (src/features/referrals/schemas.ts) on purpose, so this file does not
 * depend on the referral feature.
 */
export interface LearningPlanContentShape {
  route: PlanRoute;
  targetLevels: { reading: Level; writing: Level; listening: Level; speaking: Level };
  weeklySchedule: { dayParts: number; evening: boolean; weekend: boolean; online: boolean; blended: boolean };
  map: { included: boolean; practicalPart: string; practicalHours: number; themes?: { theme: MapTheme; approach: string }[] };
  childCare: { needed: boolean; days: string[]; times: string; changes: string };
  expectedDurationMonths: number;
  notes?: string;
}

/** Who the document is about: enough to recognise the person, never the full BSN. */
export interface PdfParticipant {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  clientNumber: string | null;
  /** Last four BSN digits (participant.bsn_last_four), printed masked. */
  bsnLastFour: string | null;
}

export interface ReferralPdfData {
  participant: PdfParticipant;
  municipalityName: string;
  providerName: string;
  productName: string;
  referredOn: string;
  acknowledgementDueDate: string;
  acknowledgedOn: string | null;
  /** Dutch label of the referral's status. */
  statusLabel: string;
  contractId: string;
  contractVersion: number;
  /** The business date the document is made on (the settable clock). */
  generatedOn: string;
}

export interface LearningPlanPdfData {
  participant: PdfParticipant;
  municipalityName: string;
  providerName: string;
  productName: string;
  version: number;
  status: 'submitted' | 'returned' | 'approved';
  content: LearningPlanContentShape;
  submittedOn: string;
  submittedAt: Date;
  submittedByName: string;
  decidedOn: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  remarks: string | null;
  generatedOn: string;
}

// ---- fonts and access policies (configured once, on first use) ----

const require = createRequire(import.meta.url);

/** Roboto ships with pdfmake (fonts/Roboto.js); if a packaging ever drops it, PDF standard Helvetica needs no file. */
function chooseFonts(): { family: string; fonts: TFontDictionary } {
  try {
    const roboto = require('pdfmake/fonts/Roboto.js') as TFontDictionary;
    if (roboto.Roboto !== undefined) return { family: 'Roboto', fonts: { Roboto: roboto.Roboto } };
  } catch {
    // fall through to the standard font
  }
  return { family: 'Helvetica', fonts: { Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } } };
}

let configured: Promise<{ pdfmake: typeof pdfmakeModule; family: string }> | undefined;

/**
 * pdfmake with the fonts and the access policies set, before any document is made with it. Issue #16:
 * pdfmake (with pdfkit and fontkit) takes ~160–220 ms to import, so it is imported on the first PDF, not
 * at start; every PDF awaits this one promise, so none can be rendered before the policies are in place.
 */
function configure(): Promise<{ pdfmake: typeof pdfmakeModule; family: string }> {
  configured ??= import('pdfmake').then(
    ({ default: pdfmake }) => {
      const { family, fonts } = chooseFonts();
      const allowed = new Set<string>(Object.values(fonts).flatMap((f) => Object.values(f).flat().filter((v): v is string => typeof v === 'string')));
      pdfmake.setFonts(fonts);
      pdfmake.setUrlAccessPolicy(() => false);
      pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
      return { pdfmake, family };
    },
    (err: unknown) => {
      configured = undefined;
      throw err;
    },
  );
  return configured;
}

// ---- Dutch wording ----

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 'YYYY-MM-DD' → '23 december 2026' (a calendar date, no time zone involved: ARCHITECTURE §2.5). */
export function dutchDate(iso: string | null): string {
  if (iso === null) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

const TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

function dutchMoment(on: string | null, at: Date | null): string {
  if (on === null) return '—';
  return at === null ? dutchDate(on) : `${dutchDate(on)}, ${TIME.format(at)} uur`;
}

export function maskedBsn(lastFour: string | null): string {
  return lastFour !== null && /^\d{4}$/.test(lastFour) ? `*****${lastFour}` : '—';
}

/** R-PAR-2: a client number that is itself a BSN (some municipalities used one) is shown masked. */
export function isBsnLike(clientNumber: string): boolean {
  return isValidBsn(clientNumber.replace(/\D/g, ''));
}

const PLAN_STATUS: Record<LearningPlanPdfData['status'], string> = {
  submitted: 'Ingediend, wacht op besluit van de gemeente',
  returned: 'Teruggestuurd door de gemeente',
  approved: 'Goedgekeurd door de gemeente',
};

const DAYS: Record<string, string> = { mon: 'maandag', tue: 'dinsdag', wed: 'woensdag', thu: 'donderdag', fri: 'vrijdag', sat: 'zaterdag', sun: 'zondag' };

const yesNo = (v: boolean): string => (v ? 'ja' : 'nee');
const orDash = (v: string | null | undefined): string => (v === null || v === undefined || v.trim() === '' ? '—' : v);
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---- building blocks ----

const STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 11, color: '#444444', margin: [0, 0, 0, 14] },
  heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
  label: { bold: true },
  small: { fontSize: 8, color: '#555555' },
};

/** A two-column table of label and value; every value is plain text, never a node pdfmake would resolve. */
export function facts(rows: readonly [string, string][]): Content {
  return {
    table: { widths: [170, '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]) },
    layout: 'lightHorizontalLines',
  };
}

export function participantFacts(p: PdfParticipant): [string, string][] {
  return [
    ['Inburgeraar', `${p.givenName} ${p.familyName}`],
    ['Geboortedatum', dutchDate(p.dateOfBirth)],
    ['Klantnummer gemeente', p.clientNumber !== null && isBsnLike(p.clientNumber) ? maskedBsn(p.clientNumber.replace(/\D/g, '').slice(5)) : orDash(p.clientNumber)],
    ['BSN (laatste 4 cijfers)', maskedBsn(p.bsnLastFour)],
  ];
}

export function definition(family: string, title: string, subtitle: string, generatedOn: string, body: Content[]): TDocumentDefinitions {
  return {
    // Generic metadata: the info dictionary is readable without opening the document, so no name in it.
    info: { title, subject: 'Inburgering (Wet inburgering 2021)', creator: 'Koers', producer: 'Koers' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { font: family, fontSize: 10, lineHeight: 1.2 },
    styles: STYLES,
    content: [{ text: title, style: 'title' }, { text: subtitle, style: 'subtitle' }, ...body],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: `Gemaakt met Koers op ${dutchDate(generatedOn)}. Vertrouwelijk: bevat persoonsgegevens.`, style: 'small' },
        { text: `Pagina ${currentPage} van ${pageCount}`, style: 'small', alignment: 'right', width: 90 },
      ],
      margin: [50, 20, 50, 0],
    }),
  };
}

/** Renders a definition under the locked-down policies (exported for the CVE-2026-26801 test). */
export async function render(doc: (family: string) => TDocumentDefinitions): Promise<Buffer> {
  const { pdfmake, family } = await configure();
  return pdfmake.createPdf(doc(family)).getBuffer();
}

// ---- the two documents ----

/** The referral (aanmelding, R-REF-1/R-REF-7) as the municipality sent it to the provider. */
export function referralDocument(family: string, d: ReferralPdfData): TDocumentDefinitions {
  return definition(family, 'Aanmelding inburgering', `Gemeente ${d.municipalityName} aan ${d.providerName}`, d.generatedOn, [
    { text: 'Inburgeraar', style: 'heading' },
    facts(participantFacts(d.participant)),
    { text: 'Aanmelding', style: 'heading' },
    facts([
      ['Gemeente', d.municipalityName],
      ['Aanbieder', d.providerName],
      ['Perceel', d.productName],
      ['Aangemeld op', dutchDate(d.referredOn)],
      ['Ontvangst bevestigen uiterlijk', dutchDate(d.acknowledgementDueDate)],
      ['Ontvangst bevestigd op', dutchDate(d.acknowledgedOn)],
      ['Status', capitalise(d.statusLabel)],
      ['Contract', `${d.contractId}, versie ${d.contractVersion}`],
    ]),
  ]);
}

export function renderReferralPdf(data: ReferralPdfData): Promise<Buffer> {
  return render((family) => referralDocument(family, data));
}

/** One version of the learning plan (leerplan, R-REF-6) with the municipality's decision on it. */
export function learningPlanDocument(family: string, d: LearningPlanPdfData): TDocumentDefinitions {
  const c = d.content;
  const s = c.weeklySchedule;
  const forms = [s.evening ? 'avond' : null, s.weekend ? 'weekend' : null, s.online ? 'online' : null, s.blended ? 'blended' : null].filter((v) => v !== null);
  const decided: [string, string][] =
    d.status === 'submitted'
      ? [['Besluit', 'Nog niet genomen']]
      : [
          ['Besluit', d.status === 'approved' ? 'Goedgekeurd' : 'Teruggestuurd'],
          ['Besloten op', dutchMoment(d.decidedOn, d.decidedAt)],
          ['Besloten door', orDash(d.decidedByName)],
          ['Opmerkingen van de gemeente', orDash(d.remarks)],
        ];
  return definition(family, `Leerplan, versie ${d.version}`, `${d.providerName} voor gemeente ${d.municipalityName}, perceel ${d.productName}`, d.generatedOn, [
    { text: 'Inburgeraar', style: 'heading' },
    facts(participantFacts(d.participant)),
    { text: 'Leerplan', style: 'heading' },
    facts([
      ['Versie', String(d.version)],
      ['Status', PLAN_STATUS[d.status]],
      ['Leerroute', routeNameNl(c.route)],
      ['Verwachte duur', `${c.expectedDurationMonths} ${c.expectedDurationMonths === 1 ? 'maand' : 'maanden'}`],
    ]),
    { text: 'Beoogde taalniveaus', style: 'heading' },
    facts([
      ['Lezen', c.targetLevels.reading],
      ['Schrijven', c.targetLevels.writing],
      ['Luisteren', c.targetLevels.listening],
      ['Spreken', c.targetLevels.speaking],
    ]),
    { text: 'Lesrooster per week', style: 'heading' },
    facts([
      ['Dagdelen per week', String(s.dayParts)],
      ['Vorm', forms.length > 0 ? forms.join(', ') : 'overdag, op locatie'],
    ]),
    { text: 'Module Arbeidsmarkt en Participatie (MAP)', style: 'heading' },
    facts([
      ['MAP in het leerplan', yesNo(c.map.included)],
      ['Praktijkdeel', orDash(c.map.practicalPart)],
      ['Uren praktijkdeel', String(c.map.practicalHours)],
      // 001 §3 (issue #12): how each theme is dealt with, in a MAP referral's own plan.
      ...(c.map.themes ?? []).map((t): [string, string] => [MAP_THEME_NAMES[t.theme], t.approach]),
    ]),
    { text: 'Kinderopvang', style: 'heading' },
    facts([
      ['Kinderopvang nodig', yesNo(c.childCare.needed)],
      ['Dagen', c.childCare.days.length > 0 ? c.childCare.days.map((day) => DAYS[day] ?? day).join(', ') : '—'],
      ['Tijden', orDash(c.childCare.times)],
      ['Wijzigingen', orDash(c.childCare.changes)],
    ]),
    ...(c.notes !== undefined && c.notes.trim() !== '' ? [{ text: 'Opmerkingen', style: 'heading' }, { text: c.notes }] : []),
    { text: 'Indiening en besluit', style: 'heading' },
    facts([['Ingediend op', dutchMoment(d.submittedOn, d.submittedAt)], ['Ingediend door', d.submittedByName], ...decided]),
  ]);
}

export function renderLearningPlanPdf(data: LearningPlanPdfData): Promise<Buffer> {
  return render((family) => learningPlanDocument(family, data));
}

/** Attachment names carry the client number or the record id, never a BSN (R-PAR-2). */
export function pdfFileName(prefix: 'aanmelding' | 'leerplan' | 'portfolio', clientNumber: string | null, id: string, version?: number): string {
  const usable = clientNumber !== null && /[A-Za-z0-9]/.test(clientNumber) && !isBsnLike(clientNumber);
  const key = usable ? clientNumber.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) : id;
  return `${prefix}-${key}${version === undefined ? '' : `-v${version}`}.pdf`;
}
