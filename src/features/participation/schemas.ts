// Request and response schemas of participation activities and the participation ladder (issue #12:
// R-MAP-1, R-MAP-2, R-MAP-4, R-HRS-1). Dutch reasons for every refusal of the input.
import { z } from 'zod';
import { LadderMoments, MapThemes, MapThemeStatuses, ParticipationActivityKinds } from '../../domain/participation.js';
import { int, IsoDate, str } from '../../platform/http/input.js';

const KIND_REASON = 'Kies een soort activiteit: vrijwilligerswerk, werkervaring, werkoriëntatie, stage, bedrijfsbezoek of lokale activiteit.';
const MAX_MINUTES = 2000 * 60;

const ActivityFields = z.object({
  kind: z.enum(ParticipationActivityKinds, KIND_REASON),
  organisation: str('Vul de organisatie of plaats in.').trim().min(1, 'Vul de organisatie of plaats in.').max(200, 'Hoogstens 200 tekens.').describe('The organisation or place of the activity'),
  localFacility: z.boolean('Geef aan of dit een lokale voorziening is.').default(false).describe('000 §4.1 3g: the participant is linked to a local activity or facility'),
  localFacilityName: str('Vul de naam van de voorziening in.').trim().min(1, 'Vul de naam van de voorziening in.').max(200, 'Hoogstens 200 tekens.').nullable().default(null),
  startDate: IsoDate,
  endDate: IsoDate,
  minutes: int('Vul het aantal minuten in.', 'Vul hele minuten in.').min(1, 'Een activiteit heeft minstens 1 minuut.').max(MAX_MINUTES, 'Hoogstens 2000 uur per activiteit.').describe('The hours spent, in minutes'),
  note: str('Vul een toelichting in of laat het veld leeg.').max(1000, 'Hoogstens 1000 tekens.').nullable().default(null),
});

type Fields = z.infer<typeof ActivityFields>;
const consistent = (v: Fields, ctx: z.RefinementCtx) => {
  if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'De einddatum ligt vóór de begindatum.' });
  if (!v.localFacility && v.localFacilityName !== null) ctx.addIssue({ code: 'custom', path: ['localFacilityName'], message: 'Een naam van een voorziening hoort alleen bij een lokale voorziening.' });
};

export const ActivityCreate = ActivityFields.extend({
  referralId: z.uuid('Kies de aanmelding waarvoor deze activiteit is.').describe('The participation or MAP referral to this provider the activity serves'),
}).superRefine(consistent);
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const ActivityCorrection = ActivityFields.extend({
  version: int('Geef de versie mee die u heeft gezien.').min(1).describe('The version read: a correction of an older version is refused (409)'),
}).superRefine(consistent);
export type ActivityCorrection = z.infer<typeof ActivityCorrection>;

export const Activity = z.object({
  id: z.uuid().describe('The activity across its versions'),
  version: z.number().int(),
  participantId: z.uuid(),
  referralId: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  productKind: z.enum(['participation', 'map']),
  hourKind: z.enum(['participation', 'mapPractical', 'internship']).describe('R-HRS-1: the hour kind the minutes count as'),
  kind: z.enum(ParticipationActivityKinds),
  organisation: z.string(),
  localFacility: z.boolean(),
  localFacilityName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  minutes: z.number().int(),
  note: z.string().nullable(),
  recordedBy: z.string().describe('The name of who registered this version'),
  recordedAt: z.string(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityList = z.object({ items: z.array(Activity) });
export type ActivityList = z.infer<typeof ActivityList>;

const KindMinutes = z.object(Object.fromEntries(ParticipationActivityKinds.map((k) => [k, z.number().int()])) as Record<(typeof ParticipationActivityKinds)[number], z.ZodNumber>);

export const ParticipationSummary = z.object({
  totalMinutes: z.number().int(),
  byActivityKind: KindMinutes.describe('R-MAP-2: minutes per activity kind'),
  byHourKind: z.object({ participation: z.number().int(), mapPractical: z.number().int(), internship: z.number().int() }).describe('R-HRS-1: minutes per hour kind'),
  mapPractical: z.object({ minutes: z.number().int(), requiredMinutes: z.number().int(), met: z.boolean(), remainingMinutes: z.number().int() }).describe('R-MAP-1: the practical part against its 40-hour minimum (001 §3)'),
  meetingsDue: z.array(z.object({ n: z.number().int(), reachedOn: z.string() })).describe('001 §2.3.2: a meeting per 200 participation hours (Z-route participation referrals)'),
  localFacilities: z.array(z.string()).describe('000 §4.1 3g: the local facilities the participant is linked to'),
});
export type ParticipationSummary = z.infer<typeof ParticipationSummary>;

export const LadderCreate = z.object({
  referralId: z.uuid('Kies de aanmelding waarvoor deze trede is.'),
  step: int('Kies een trede van 1 tot en met 6.', 'Kies een trede van 1 tot en met 6.').min(1, 'Kies een trede van 1 tot en met 6.').max(6, 'Kies een trede van 1 tot en met 6.'),
  moment: z.enum(LadderMoments, 'Kies het moment: bij aanmelding, tijdens het traject of aan het einde.'),
  recordedOn: IsoDate,
});
export type LadderCreate = z.infer<typeof LadderCreate>;

export const LadderRecordOut = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  providerName: z.string(),
  step: z.number().int(),
  moment: z.enum(LadderMoments),
  recordedOn: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type LadderRecordOut = z.infer<typeof LadderRecordOut>;

export const Ladder = z.object({
  history: z.array(LadderRecordOut).describe('Every record, oldest first: nothing is ever removed (R-MAP-4)'),
  latest: z.object({ atReferral: LadderRecordOut.nullable(), during: LadderRecordOut.nullable(), atEnd: LadderRecordOut.nullable() }).describe('The step that counts per moment'),
  raisedDuring: z.boolean().describe('001 Bijlage 5 item 16b: the step during the route is above the step at referral'),
});
export type Ladder = z.infer<typeof Ladder>;

export const ActivityImportResult = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  created: z.number().int().describe('Activities registered for the first time'),
  changed: z.number().int().describe('Activities corrected: a new version, the old one kept'),
  unchanged: z.number().int().describe('Rows equal to what was registered: the same file twice changes nothing'),
});

export const MapThemeParams = z.object({
  id: z.uuid('Onbekende inburgeraar.'),
  theme: z.enum(MapThemes, 'Kies een van de acht MAP-thema\'s.'),
});

export const MapThemeUpdate = z.object({
  referralId: z.uuid('Kies de aanmelding waarvoor dit thema is.'),
  status: z.enum(MapThemeStatuses, 'Kies: niet begonnen, bezig of afgerond.'),
  note: str('Vul een toelichting in of laat het veld leeg.').max(1000, 'Hoogstens 1000 tekens.').nullable().default(null),
});
export type MapThemeUpdate = z.infer<typeof MapThemeUpdate>;

export const MapProgress = z.object({
  themes: z.array(
    z.object({
      theme: z.enum(MapThemes),
      status: z.enum(MapThemeStatuses),
      note: z.string().nullable(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string().nullable(),
    }),
  ).describe('The eight themes of 001 §3, in its order; a theme nobody recorded is notStarted'),
  done: z.number().int(),
  practical: z.object({ minutes: z.number().int(), requiredMinutes: z.number().int(), met: z.boolean(), remainingMinutes: z.number().int() }),
  readyForEndConversation: z.boolean().describe('All eight themes done and the 40 practical hours met (001 §3)'),
});
export type MapProgress = z.infer<typeof MapProgress>;
