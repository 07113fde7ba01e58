// Request and response schemas of hours (R-HRS-1) and the hours push for providers' own systems (R-EXC-1).
import { z } from 'zod';
import { HourKinds } from '../../domain/hours.js';
import { int, IsoDate, str } from '../../platform/http/input.js';

export const MAX_HOURS_ITEMS = 5000;

export const HoursItem = z.object({
  externalId: str('Geef het eigen id van deze registratie mee.')
    .trim()
    .min(1, 'Geef het eigen id van deze registratie mee.')
    .max(100, 'Het id is hoogstens 100 tekens.')
    .describe('The sending system\'s own id of this entry: the same id again with other values is a correction (a new version), with the same values it changes nothing'),
  participantId: z.uuid('Onbekende inburgeraar.'),
  referralId: z.uuid('Onbekende aanmelding.').describe('The referral to this provider the hours serve'),
  date: IsoDate,
  kind: z.enum(HourKinds, `Kies een soort uren: ${HourKinds.join(', ')}.`),
  minutes: int('Vul het aantal minuten in.', 'Vul hele minuten in.').min(1, 'Minstens 1 minuut.').max(1440, 'Hoogstens 1440 minuten op één dag.'),
  startClass: z.boolean().default(false).describe('R-REF-4: hours in the start class count towards the route hours'),
});
export type HoursItem = z.infer<typeof HoursItem>;

export const HoursBatchBody = z.object({
  items: z.array(HoursItem).min(1, 'Lever minstens één regel aan.').max(MAX_HOURS_ITEMS, `Hoogstens ${MAX_HOURS_ITEMS} regels per batch.`),
});
export type HoursBatchBody = z.infer<typeof HoursBatchBody>;

export const HoursBatchResult = z.object({
  batchId: z.uuid(),
  items: z.number().int(),
  created: z.number().int().describe('Entries registered for the first time'),
  changed: z.number().int().describe('Entries corrected: a new version, the old one kept'),
  unchanged: z.number().int().describe('Entries equal to what was registered'),
});
export type HoursBatchResult = z.infer<typeof HoursBatchResult>;

const KindMinutes = z.object(Object.fromEntries(HourKinds.map((k) => [k, z.number().int()])) as Record<(typeof HourKinds)[number], z.ZodNumber>);

export const ParticipantHours = z.object({
  totalMinutes: z.number().int().describe('Lesson minutes attended plus registered hours, every kind'),
  lessonMinutes: z.number().int().describe('Minutes attended in lessons of Koers groups (cancelled lessons excluded)'),
  registeredMinutes: z.number().int().describe('Minutes pushed by providers\' own systems'),
  nt2LessonMinutes: z.number().int().describe('Language lessons (incl. KNM), the hours R-LVL-3 counts for down-scaling'),
  byKind: KindMinutes,
  activities: z
    .object({
      totalMinutes: z.number().int(),
      byHourKind: z.object({ participation: z.number().int(), mapPractical: z.number().int(), internship: z.number().int() }),
      countedForMilestones: z.array(z.enum(['participation', 'mapPractical', 'internship'])).describe("The hour kinds the contract counts toward the milestones (progress.activityHoursCount); none by default"),
    })
    .describe('Issue #12 (R-HRS-1): the participation activities the participation or MAP provider registered, beside the hours above (not in totalMinutes or byKind)'),
  milestones: z.array(z.object({ hours: z.number().int(), reachedOn: z.string().nullable() })).describe('Reached over the hours above and the activities of countedForMilestones'),
  byWeek: z.array(z.object({ week: z.string().describe('Monday of the ISO week'), minutes: z.number().int() })),
});
export type ParticipantHours = z.infer<typeof ParticipantHours>;
