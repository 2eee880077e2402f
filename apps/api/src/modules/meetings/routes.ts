// /meetings: docking meetings, their participants, requests, schedule, the day, outcomes, signing and agendas.
// The meetings' indicators join the reports' list with this module.
import './indicators.js';
import {
  Agenda,
  AgendaQuery,
  AttendanceBody,
  IdParams,
  Meeting,
  MeetingFigures,
  MeetingInvitation,
  MeetingListQuery,
  MeetingParams,
  MeetingRequest,
  MeetingTransition,
  MeetingUpdate,
  NewMeeting,
  NewMeetingRequest,
  OutcomeBody,
  Paged,
  Participant,
  ParticipantUpdate,
  PlacementBody,
  RequestAnswer,
  RequestListQuery,
  ScheduleBody,
  ScheduleRun,
  SigningBody,
  SigningResult,
  Suggestion,
  WalkIn,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { AgendaService } from './agenda.js';
import type { MeetingService } from './service.js';
import type { SigningService } from './signing.js';

const tags = ['meetings'];
const changes = errorResponses(400, 401, 403, 404, 409);

/** The agenda as JSON or as a file, described per media type for the OpenAPI document. */
const AgendaResponse = {
  description: 'The agenda',
  content: {
    'application/json': { schema: Agenda },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: Type.String({ format: 'binary' }),
    },
    'application/pdf': { schema: Type.String({ format: 'binary' }) },
    'text/calendar': { schema: Type.String() },
  },
};

function sendFile(
  reply: FastifyReply,
  extension: string,
  file: { contentType: string; body: Buffer | string },
) {
  return reply
    .header('content-disposition', `attachment; filename="agenda.${extension}"`)
    .type(file.contentType)
    .send(file.body);
}

interface Options {
  meetings: MeetingService;
  signing: SigningService;
  agendas: AgendaService;
}

export const meetingRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { meetings, signing, agendas },
) => {
  app.get(
    '/meetings',
    {
      schema: {
        tags,
        description: 'Meetings the caller organises or is invited to; `role` keeps one of the two.',
        querystring: MeetingListQuery,
        response: { 200: Paged(Meeting), ...errorResponses(400, 401) },
      },
    },
    async (request) => meetings.list(request.actor, request.query),
  );
  app.post(
    '/meetings',
    {
      schema: {
        tags,
        description: 'By an association coordinator or a college administrator, for their organisation.',
        body: NewMeeting,
        response: { 201: Meeting, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await meetings.create(request.actor, request.body)),
  );
  app.get(
    '/meetings/:id',
    { schema: { tags, params: IdParams, response: { 200: Meeting, ...errorResponses(400, 401, 404) } } },
    async (request) => meetings.get(request.actor, request.params.id),
  );
  app.patch(
    '/meetings/:id',
    { schema: { tags, params: IdParams, body: MeetingUpdate, response: { 200: Meeting, ...changes } } },
    async (request) => meetings.update(request.actor, request.params.id, request.body),
  );
  app.post(
    '/meetings/:id/transitions',
    {
      schema: {
        tags,
        description: 'open → start_scheduling (unanswered requests expire) → publish → hold → close.',
        params: IdParams,
        body: MeetingTransition,
        response: { 200: Meeting, ...changes },
      },
    },
    async (request) => meetings.transition(request.actor, request.params.id, request.body),
  );
  app.get(
    '/meetings/:id/figures',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: MeetingFigures, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => meetings.figures(request.actor, request.params.id),
  );

  // ---- participants
  app.get(
    '/meetings/:id/participants',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Array(Participant), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => meetings.participants(request.actor, request.params.id),
  );
  app.post(
    '/meetings/:id/participants',
    {
      schema: {
        tags,
        description: 'Invites organisations; those already invited are left as they are.',
        params: IdParams,
        body: MeetingInvitation,
        response: { 200: Type.Array(Participant), ...changes },
      },
    },
    async (request) => meetings.invite(request.actor, request.params.id, request.body),
  );
  app.patch(
    '/meetings/:id/participants/:itemId',
    {
      schema: {
        tags,
        description: 'The participant (or the organiser): answer, delegates, listings brought, availability.',
        params: MeetingParams,
        body: ParticipantUpdate,
        response: { 200: Participant, ...changes },
      },
    },
    async (request) =>
      meetings.updateParticipant(request.actor, request.params.id, request.params.itemId, request.body),
  );
  app.post(
    '/meetings/:id/participants/:itemId/check-in',
    { schema: { tags, params: MeetingParams, response: { 200: Participant, ...changes } } },
    async (request) => meetings.checkIn(request.actor, request.params.id, request.params.itemId),
  );

  // ---- requests
  app.get(
    '/meetings/:id/suggestions',
    {
      schema: {
        tags,
        description: "Pairs the matching engine found between participants' listings, with reasons.",
        params: IdParams,
        response: { 200: Type.Array(Suggestion), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => meetings.suggestions(request.actor, request.params.id),
  );
  app.get(
    '/meetings/:id/requests',
    {
      schema: {
        tags,
        description: 'The organiser sees all; a participant its own, sent and received.',
        params: IdParams,
        querystring: RequestListQuery,
        response: { 200: Paged(MeetingRequest), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => meetings.requests(request.actor, request.params.id, request.query),
  );
  app.post(
    '/meetings/:id/requests',
    {
      schema: {
        tags,
        params: IdParams,
        body: NewMeetingRequest,
        response: { 201: MeetingRequest, ...changes },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meetings.createRequest(request.actor, request.params.id, request.body)),
  );
  app.post(
    '/meetings/:id/requests/:itemId/answer',
    {
      schema: {
        tags,
        params: MeetingParams,
        body: RequestAnswer,
        response: { 200: MeetingRequest, ...changes },
      },
    },
    async (request) => meetings.answer(request.actor, request.params.id, request.params.itemId, request.body),
  );

  // ---- schedule and the day
  app.post(
    '/meetings/:id/schedule',
    {
      schema: {
        tags,
        description:
          'Places accepted requests (slots × tables, no clash, availability, fixed meetings kept); answers what could not be placed and why.',
        params: IdParams,
        body: ScheduleBody,
        response: { 200: ScheduleRun, ...changes },
      },
    },
    async (request) => meetings.runSchedule(request.actor, request.params.id, request.body),
  );
  app.put(
    '/meetings/:id/requests/:itemId/placement',
    {
      schema: {
        tags,
        description: 'Moves a meeting to a cell by hand; it is then fixed (the scheduler keeps it).',
        params: MeetingParams,
        body: PlacementBody,
        response: { 200: MeetingRequest, ...changes },
      },
    },
    async (request) => meetings.place(request.actor, request.params.id, request.params.itemId, request.body),
  );
  app.post(
    '/meetings/:id/requests/:itemId/attendance',
    {
      schema: {
        tags,
        params: MeetingParams,
        body: AttendanceBody,
        response: { 200: MeetingRequest, ...changes },
      },
    },
    async (request) =>
      meetings.attendance(request.actor, request.params.id, request.params.itemId, request.body),
  );
  app.post(
    '/meetings/:id/walk-ins',
    { schema: { tags, params: IdParams, body: WalkIn, response: { 201: MeetingRequest, ...changes } } },
    async (request, reply) =>
      reply.status(201).send(await meetings.walkIn(request.actor, request.params.id, request.body)),
  );
  app.post(
    '/meetings/:id/requests/:itemId/outcomes',
    {
      schema: {
        tags,
        description: "Either side's outcome; the linked match moves on through the matching workflow.",
        params: MeetingParams,
        body: OutcomeBody,
        response: { 200: MeetingRequest, ...changes },
      },
    },
    async (request) =>
      meetings.recordOutcome(request.actor, request.params.id, request.params.itemId, request.body),
  );
  app.post(
    '/meetings/:id/signing',
    {
      schema: {
        tags,
        description:
          'In one transaction: one framework agreement per party with the college (per_enterprise) or one for all (multi_party), signed, each with its project-list template.',
        params: IdParams,
        body: SigningBody,
        response: { 201: SigningResult, ...changes },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await signing.sign(request.actor, request.params.id, request.body)),
  );
  app.get(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        description:
          'One participant’s agenda (default: yours) or one table’s, as JSON, XLSX, a printable PDF or an iCalendar file.',
        params: IdParams,
        querystring: AgendaQuery,
        response: { 200: AgendaResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const agenda = await agendas.agenda(request.actor, request.params.id, request.query);
      const format = request.query.format ?? 'json';
      if (format === 'json') return agenda;
      return sendFile(reply, format, await agendas.render(agenda, format, request.query.lang ?? 'zh-CN'));
    },
  );
};
