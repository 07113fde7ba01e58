// Request and response schemas of the portfolio (issue #12, R-MAP-3). Dutch reasons for every refusal.
import { z } from 'zod';
import { MapThemes } from '../../domain/participation.js';
import { PortfolioItemKinds, ProfileAnswers, ProfileQuestions } from '../../domain/portfolio.js';
import { int, str } from '../../platform/http/input.js';

const text = (max: number) => str('Vul tekst in of laat het veld leeg.').max(max, `Hoogstens ${max} tekens.`).nullable().default(null);

export const PortfolioItemCreate = z.object({
  referralId: z.uuid('Kies de aanmelding waarvoor dit onderdeel is.').describe('The participation or MAP referral to this provider the item belongs to'),
  kind: z.enum(PortfolioItemKinds, 'Kies een soort: bewijsstuk, reflectie of opdracht.'),
  title: str('Vul een titel in.').trim().min(1, 'Vul een titel in.').max(200, 'Hoogstens 200 tekens.'),
  body: text(5000).describe('The reflection, the assignment or what the evidence shows'),
  theme: z.enum(MapThemes, "Kies een van de acht MAP-thema's of geen.").nullable().default(null).describe('The MAP theme the item belongs to, when any'),
});
export type PortfolioItemCreate = z.infer<typeof PortfolioItemCreate>;

export const PortfolioFile = z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), recordedAt: z.string(), recordedBy: z.string() });
export type PortfolioFile = z.infer<typeof PortfolioFile>;

export const PortfolioItem = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  referralId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(PortfolioItemKinds),
  title: z.string(),
  body: z.string().nullable(),
  theme: z.enum(MapThemes).nullable(),
  recordedBy: z.string().describe('The name of who added the item'),
  recordedAt: z.string(),
  files: z.array(PortfolioFile).describe('Files with the item, oldest first'),
});
export type PortfolioItem = z.infer<typeof PortfolioItem>;

export const PortfolioItemList = z.object({ items: z.array(PortfolioItem) });
export type PortfolioItemList = z.infer<typeof PortfolioItemList>;

const ProfileEntry = z.object({
  answer: z.enum(ProfileAnswers, 'Kies ja, nee of mee bezig, of laat leeg.').nullable().default(null),
  note: text(1000),
});
const ThemeEntry = z.object({
  learned: text(3000).describe('001 Bijlage 3: what the client learned about this theme'),
  practised: text(3000).describe('001 Bijlage 3: what the client put into practice, with which learning goals'),
});

export const PortfolioAnnexContent = z.object({
  profile: z.object(Object.fromEntries(ProfileQuestions.map((q) => [q, ProfileEntry.default({ answer: null, note: null })])) as Record<(typeof ProfileQuestions)[number], z.ZodDefault<typeof ProfileEntry>>)
    .describe('001 Bijlage 3 "algemeen klantbeeld": can make a CV, work-fit, diploma valuation'),
  themes: z.object(Object.fromEntries(MapThemes.map((t) => [t, ThemeEntry.default({ learned: null, practised: null })])) as Record<(typeof MapThemes)[number], z.ZodDefault<typeof ThemeEntry>>)
    .describe('Per MAP theme (001 §3) what was learned and practised'),
});
export type PortfolioAnnexContent = z.infer<typeof PortfolioAnnexContent>;

export const PortfolioAnnexWrite = PortfolioAnnexContent.extend({
  referralId: z.uuid('Kies de aanmelding waarvoor dit deel is.').describe('A MAP or B1-route participation referral to this provider'),
  version: int('Geef de versie mee die u heeft gezien.').min(0, 'Geef de versie mee die u heeft gezien.').describe('The version read (0 when there was none): saving over a newer one is refused (409)'),
});
export type PortfolioAnnexWrite = z.infer<typeof PortfolioAnnexWrite>;

export const MissingItem = z.union([
  z.object({ part: z.literal('profile'), question: z.enum(ProfileQuestions), label: z.string() }),
  z.object({ part: z.literal('theme'), theme: z.enum(MapThemes), field: z.enum(['learned', 'practised']), label: z.string() }),
]);

export const PortfolioAnnex = z.object({
  kind: z.enum(['annex', 'evidenceOnly', 'none']).describe("'annex': MAP or B1-route participation, with the Bijlage 3 part; 'evidenceOnly': Z-route participation, no Bijlage 3 part and no completeness rule (R-MAP-3)"),
  version: z.number().int().describe('The current version, 0 when nothing was saved yet'),
  content: PortfolioAnnexContent,
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
  completeness: z.object({ complete: z.boolean(), missing: z.array(MissingItem).describe('Named in Dutch in label') }).nullable().describe('null without a Bijlage 3 part'),
  writeReferralId: z.uuid().nullable().describe("The acting provider's latest MAP or B1-route participation referral of the participant, under which it saves this part; null for everyone else"),
});
export type PortfolioAnnex = z.infer<typeof PortfolioAnnex>;

// Loose, as SignedPlanHeaders: Fastify replaces request.headers with the parsed value, and the cookie must stay.
export const PortfolioFileHeaders = z.looseObject({ 'x-file-name': str().max(1000, 'De bestandsnaam is te lang.').optional().describe('The file name, URI-encoded; a BSN in it is masked') });
