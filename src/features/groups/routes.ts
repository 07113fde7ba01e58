// Groups, lessons and attendance (issue #4: R-GRP-1, R-GRP-2, R-ATT-1, R-ATT-2, R-ATT-3, R-ATT-4).
import { z } from 'zod';
import { ctxOf } from '../../platform/http/access-hook.js';
import { sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { IdParam } from '../participants/schemas.js';
import { groupColumns } from './export.js';
import { LessonOverview, listLessonsInRange } from './lesson-list.js';
import { classifyAbsence, getLessonPage, getParticipantAttendance, recordAttendance } from './attendance.js';
import {
  AttendanceBody,
  AttendanceQuery,
  ClassificationBody,
  ClassificationParams,
  ClassificationResult,
  Group,
  GroupCreate,
  GroupDetail,
  GroupExportQuery,
  GroupListQuery,
  GroupPage,
  GroupMemberParams,
  Lesson,
  LessonPage,
  LessonPatch,
  LessonRange,
  MemberAdd,
  MemberMove,
  Membership,
  ParticipantAttendance,
} from './schemas.js';
import { addMember, changeLesson, createGroup, generateLessons, getGroup, groupExportSource, listGroupLessons, listGroups, listTeachers, moveMember } from './service.js';

export const registerGroupRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['groups'];
  app.post(
    '/api/v1/groups',
    { config: { permission: 'group.manage' }, schema: { tags, summary: 'Create a group with level band, literacy, size limit and schedule (R-GRP-1)', body: GroupCreate, response: { 201: Group } } },
    async (req, reply) => reply.status(201).send(await createGroup(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/groups',
    {
      config: { permission: 'group.read' },
      schema: { tags, summary: 'Groups in the actor\'s room (a teacher: the groups it teaches): search, sort, page', querystring: GroupListQuery, response: { 200: GroupPage } },
    },
    (req) => listGroups(deps, ctxOf(req), req.query),
  );

  // R-EXC-3: the filtered list of GET /groups (same permission, scope, search and order), streamed.
  app.get(
    '/api/v1/groups/export',
    {
      config: { permission: 'group.read' },
      schema: { tags, summary: 'The filtered group list as XLSX or CSV, every row (R-EXC-3)', querystring: GroupExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) =>
      sendExport(reply, {
        format: req.query.format,
        fileStem: 'groepen',
        today: deps.clock.today(),
        sheetName: 'Groepen',
        columns: groupColumns,
        next: groupExportSource(deps, ctxOf(req), req.query),
      }),
  );

  app.get(
    '/api/v1/groups/:id',
    { config: { permission: 'group.read' }, schema: { tags, summary: 'A group with its members and their attendance this month (R-ATT-3)', params: IdParam, response: { 200: GroupDetail } } },
    (req) => getGroup(deps, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/groups/:id/members',
    {
      config: { permission: 'group.manage' },
      schema: { tags, summary: 'Place a participant referred to this provider; refused when full or literacy would mix (R-GRP-1)', params: IdParam, body: MemberAdd, response: { 201: Membership } },
    },
    async (req, reply) => reply.status(201).send(await addMember(deps, ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/groups/:id/members/:participantId/move',
    {
      config: { permission: 'group.manage' },
      schema: { tags, summary: 'Move a member to another group on a date: closes one membership, opens the next', params: GroupMemberParams, body: MemberMove, response: { 200: Membership } },
    },
    (req) => moveMember(deps, ctxOf(req), req.params.id, req.params.participantId, req.body),
  );

  app.post(
    '/api/v1/groups/:id/lessons/generate',
    {
      config: { permission: 'group.manage' },
      schema: { tags, summary: 'Generate lessons from the schedule; idempotent (R-GRP-2)', params: IdParam, body: LessonRange, response: { 200: z.object({ created: z.number().int(), lessons: z.array(Lesson) }) } },
    },
    (req) => generateLessons(deps, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/groups/:id/lessons',
    {
      config: { permission: 'group.read' },
      schema: { tags, summary: 'The lessons of a group in a period: the week view (R-GRP-2)', params: IdParam, querystring: LessonRange, response: { 200: z.object({ items: z.array(Lesson) }) } },
    },
    (req) => listGroupLessons(deps, ctxOf(req), req.params.id, req.query),
  );

  // Issue #10 item 5: the homes of the teacher and the coordinator (today's and this week's lessons).
  app.get(
    '/api/v1/lessons',
    {
      config: { permission: 'group.read' },
      schema: { tags, summary: "The lessons of the groups in the actor's room in a period (a teacher: the groups it teaches), with whether attendance is recorded", querystring: LessonRange, response: { 200: z.object({ items: z.array(LessonOverview) }) } },
    },
    (req) => listLessonsInRange(deps, ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/teachers',
    {
      config: { permission: 'group.manage' },
      schema: { tags, summary: 'The teachers of the coordinator\'s provider', response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) } },
    },
    (req) => listTeachers(deps, ctxOf(req)),
  );

  app.patch(
    '/api/v1/lessons/:id',
    { config: { permission: 'group.manage' }, schema: { tags, summary: 'Change a lesson, or mark it cancelled by the provider (R-GRP-2)', params: IdParam, body: LessonPatch, response: { 200: Lesson } } },
    (req) => changeLesson(deps, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/lessons/:id',
    { config: { permission: 'attendance.read' }, schema: { tags, summary: 'The lesson with its roster and attendance (present by default)', params: IdParam, response: { 200: LessonPage } } },
    (req) => getLessonPage(deps, ctxOf(req), req.params.id),
  );

  app.put(
    '/api/v1/lessons/:id/attendance',
    {
      config: { permission: 'attendance.record' },
      schema: { tags, summary: 'Record the whole class in one body; corrections are versioned (R-ATT-1) and absence rules run (R-ATT-4)', params: IdParam, body: AttendanceBody, response: { 200: LessonPage } },
    },
    (req) => recordAttendance(deps, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/participants/:id/attendance',
    {
      config: { permission: 'attendance.read' },
      schema: { tags, summary: 'Attendance rate, absences and the rate per month (R-ATT-3)', params: IdParam, querystring: AttendanceQuery, response: { 200: ParticipantAttendance } },
    },
    (req) => getParticipantAttendance(deps, ctxOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/attendance/:lessonId/:participantId/classification',
    {
      config: { permission: 'attendance.classify' },
      schema: { tags, summary: 'The municipality classifies an absence authorised or unauthorised (R-ATT-2)', params: ClassificationParams, body: ClassificationBody, response: { 200: ClassificationResult } },
    },
    (req) => classifyAbsence(deps, ctxOf(req), req.params.lessonId, req.params.participantId, req.body),
  );
};
