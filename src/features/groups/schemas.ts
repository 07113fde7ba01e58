// Request and response schemas of groups, lessons and attendance (R-GRP-1, R-GRP-2, R-ATT-1, R-ATT-2, R-ATT-3).
import { z } from 'zod';
import { ExportFormat } from '../../platform/http/export.js';
import { int, IsoDate, queryInt, str } from '../../platform/http/input.js';

export const LevelBands = ['fastAlfa', 'a0a1', 'a1a2', 'a2b1', 'z', 'exam', 'map'] as const;
export const LessonKinds = ['language', 'knm', 'participation', 'mapPractice', 'makeUp', 'deficiencySubject', 'examTraining'] as const;
export const Literacy = z.enum(['literate', 'illiterate']);
export type Literacy = z.infer<typeof Literacy>;
export const LessonKind = z.enum(LessonKinds);
export type LessonKind = z.infer<typeof LessonKind>;

/** 001 §1.3: Alfa and Z groups hold at most 15; assumption: no group ever above 30 (class_group.size_limit). */
export const SMALL_GROUP_LIMIT = 15;
export const MAX_GROUP_SIZE = 30;
/** Assumption: a group with no limit given is sized like the contract's Alfa/Z groups. */
export const DEFAULT_GROUP_SIZE = 15;

const Time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Vul een tijd in als UU:MM.');
const Minutes = int().min(1, 'Minimaal 1 minuut.').max(600, 'Maximaal 600 minuten.');

export const ScheduleSlot = z.object({
  weekday: int().min(1, 'Dag 1 (maandag) t/m 7 (zondag).').max(7, 'Dag 1 (maandag) t/m 7 (zondag).'),
  startTime: Time,
  minutes: Minutes,
  kind: LessonKind,
});
export type ScheduleSlot = z.infer<typeof ScheduleSlot>;

export const GroupCreate = z.object({
  name: str().trim().min(1, 'Geef de groep een naam.').max(200),
  levelBand: z.enum(LevelBands),
  literacy: Literacy,
  location: str().trim().min(1, 'Vul de locatie in.').max(200),
  sizeLimit: int().min(1, 'Minimaal 1.').max(MAX_GROUP_SIZE, `Maximaal ${MAX_GROUP_SIZE}.`).optional(),
  teacherUserId: z.uuid('Onbekende docent.').nullable().optional(),
  schedule: z.array(ScheduleSlot).max(20),
  activeFrom: IsoDate,
  activeTo: IsoDate.nullable().optional(),
});
export type GroupCreate = z.infer<typeof GroupCreate>;

export const Group = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  name: z.string(),
  levelBand: z.enum(LevelBands),
  literacy: Literacy,
  location: z.string(),
  sizeLimit: z.number().int(),
  teacherUserId: z.uuid().nullable(),
  teacherName: z.string().nullable().describe("The teacher's name; null while the group has none"),
  schedule: z.array(ScheduleSlot),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  memberCount: z.number().int(),
});
export type Group = z.infer<typeof Group>;

export const GroupSorts = ['name', '-name', 'level', '-level', 'location', '-location', 'teacher', '-teacher', 'members', '-members', 'activeFrom', '-activeFrom'] as const;
export type GroupSort = (typeof GroupSorts)[number];

/** The group list's search and order (issue #10 item 5); the export takes the same (and no page). */
export const GroupFilterQuery = z.object({
  q: str().trim().max(100).optional().describe("Part of the group's name, location or teacher's name"),
  sort: z.enum(GroupSorts).default('name'),
});
export const GroupListQuery = GroupFilterQuery.extend({
  page: queryInt().min(1).default(1),
  pageSize: queryInt().min(1).max(1000).default(1000).describe('Without it, every group (at most 1000): the move dialog offers them all'),
});
export type GroupListQuery = z.infer<typeof GroupListQuery>;
export const GroupPage = z.object({ items: z.array(Group), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const GroupExportQuery = GroupFilterQuery.extend({ format: ExportFormat });
export type GroupExportQuery = z.infer<typeof GroupExportQuery>;

export const GroupDetail = Group.extend({
  members: z.array(
    z.object({
      participantId: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: z.string().describe('Tells two members of the same name apart (never the BSN)'),
      referralId: z.uuid(),
      literacy: Literacy,
      memberFrom: z.string(),
      memberTo: z.string().nullable(),
      attendanceThisMonth: z.number().nullable().describe('R-ATT-3: attended / offered minutes this month, in percent; null when nothing was offered'),
      normPercent: z.number().describe("R-ATT-3: the attendance norm of this member's contract version, in percent"),
    }),
  ),
});

export const MemberAdd = z.object({
  participantId: z.uuid('Kies een inburgeraar.'),
  referralId: z.uuid('Kies een aanmelding.'),
  from: IsoDate,
  // 003 art. 9.9: stated when placing, since the participant record has no literacy yet.
  literacy: Literacy,
});
export const MemberMove = z.object({ toGroupId: z.uuid('Kies een groep.'), on: IsoDate });
export const Membership = z.object({ groupId: z.uuid(), participantId: z.uuid(), memberFrom: z.string(), memberTo: z.string().nullable() });
export const GroupMemberParams = z.object({ id: z.uuid('Onbekend id.'), participantId: z.uuid('Onbekend id.') });

export const LessonRange = z.object({ from: IsoDate, to: IsoDate });
export const Lesson = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  date: z.string(),
  startTime: z.string(),
  minutes: z.number().int(),
  kind: LessonKind,
  cancelledByProvider: z.boolean(),
});
export type Lesson = z.infer<typeof Lesson>;
export const LessonPatch = z
  .object({ date: IsoDate, startTime: Time, minutes: Minutes, kind: LessonKind, cancelledByProvider: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Geef minstens één wijziging.');

export const RosterRow = z.object({
  participantId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  /** False while nothing is recorded: the row shows the default (present, the lesson's minutes). */
  recorded: z.boolean(),
  present: z.boolean(),
  minutesAttended: z.number().int(),
  reason: z.string().nullable(),
  calledIn: z.boolean(),
  classification: z.enum(['authorised', 'unauthorised']).nullable(),
  version: z.number().int(),
});
export const LessonPage = z.object({ lesson: Lesson, roster: z.array(RosterRow), changed: z.number().int().optional() });
export type LessonPage = z.infer<typeof LessonPage>;

export const AttendanceEntry = z.object({
  participantId: z.uuid('Onbekende inburgeraar.'),
  present: z.boolean(),
  minutesAttended: int().min(0).max(600).optional(),
  reason: str().trim().min(1).max(500).nullable().optional(),
  calledIn: z.boolean(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;
export const AttendanceBody = z.array(AttendanceEntry).max(MAX_GROUP_SIZE * 2);

export const AttendanceQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const ParticipantAttendance = z.object({
  from: z.string(),
  to: z.string(),
  rate: z.object({ offeredMinutes: z.number().int(), attendedMinutes: z.number().int(), percentage: z.number().nullable() }),
  belowNorm: z.boolean(),
  normPercent: z.number().describe("R-ATT-3: the attendance norm of the participant's contract version, in percent"),
  absences: z.array(
    z.object({
      lessonId: z.uuid(),
      date: z.string(),
      kind: LessonKind,
      reason: z.string().nullable(),
      calledIn: z.boolean(),
      classification: z.enum(['authorised', 'unauthorised']).nullable(),
    }),
  ),
  byMonth: z.array(z.object({ month: z.string(), percentage: z.number().nullable() })),
});

export const ClassificationParams = z.object({ lessonId: z.uuid('Onbekend id.'), participantId: z.uuid('Onbekend id.') });
export const ClassificationBody = z.object({ classification: z.enum(['authorised', 'unauthorised']) });
export const ClassificationResult = z.object({ lessonId: z.uuid(), participantId: z.uuid(), classification: z.enum(['authorised', 'unauthorised']), version: z.number().int() });
