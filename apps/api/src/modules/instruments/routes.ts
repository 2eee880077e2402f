// /instruments (catalogue, booking profiles, outages, calendars, quotes, bookings, usage) and /bookings.
import {
  Booking,
  BookingListQuery,
  BookingTransition,
  Calendar,
  FreeQuery,
  IdParams,
  Instrument,
  InstrumentListQuery,
  InstrumentProfileInput,
  NewBooking,
  NewOutage,
  Outage,
  Paged,
  Period,
  Quote,
  QuoteQuery,
  StrictObject,
  UsageQuery,
  UsageReport,
  Uuid,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { BookingService } from './bookings.js';
import type { InstrumentService } from './service.js';
import type { UsageService } from './usage.js';

const tags = ['instruments'];

interface Options {
  instruments: InstrumentService;
  bookings: BookingService;
  usage: UsageService;
}

export const instrumentRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { instruments, bookings, usage },
) => {
  app.get(
    '/instruments',
    {
      config: { public: true },
      schema: {
        tags,
        description:
          'Instruments with a booking profile the caller may see; `q` searches what they measure (zh / en), title, model and maker.',
        querystring: InstrumentListQuery,
        response: { 200: Paged(Instrument), ...errorResponses(400) },
      },
    },
    async (request) => instruments.list(request.actor, request.query),
  );

  app.get(
    '/instruments/free',
    {
      config: { public: true },
      schema: {
        tags,
        description:
          'Instruments open for the whole of [from, to) with no booking or outage in it (at most 62 days).',
        querystring: FreeQuery,
        response: { 200: Paged(Instrument), ...errorResponses(400) },
      },
    },
    async (request) => instruments.free(request.actor, request.query),
  );

  app.get(
    '/instruments/usage',
    {
      schema: {
        tags,
        description:
          'Sharing figures of the instruments the caller oversees: own organisation; a coordinator: the association and its members; a government office: its region; a platform admin: all.',
        querystring: UsageQuery,
        response: { 200: UsageReport, ...errorResponses(400, 401) },
      },
    },
    async (request) => usage.report(request.actor, request.query),
  );

  app.get(
    '/instruments/:id',
    {
      config: { public: true },
      schema: { tags, params: IdParams, response: { 200: Instrument, ...errorResponses(400, 404) } },
    },
    async (request) => instruments.get(request.actor, request.params.id),
  );

  app.put(
    '/instruments/:id/profile',
    {
      schema: {
        tags,
        description:
          'Creates or replaces the booking profile of an instrument capability (owner only). A stale `version` answers 409.',
        params: IdParams,
        body: InstrumentProfileInput,
        response: { 200: Instrument, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => instruments.saveProfile(request.actor, request.params.id, request.body),
  );

  app.get(
    '/instruments/:id/outages',
    {
      config: { public: true },
      schema: {
        tags,
        params: IdParams,
        querystring: Period,
        response: { 200: Type.Array(Outage), ...errorResponses(400, 404) },
      },
    },
    async (request) => instruments.outages(request.actor, request.params.id, request.query),
  );

  app.post(
    '/instruments/:id/outages',
    {
      schema: {
        tags,
        description:
          'An outage or maintenance window (owner only); refused with 409 if it covers an approved booking.',
        params: IdParams,
        body: NewOutage,
        response: { 201: Outage, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await instruments.addOutage(request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/instruments/:id/outages/:outageId',
    {
      schema: {
        tags,
        params: StrictObject({ id: Uuid, outageId: Uuid }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await instruments.removeOutage(request.actor, request.params.id, request.params.outageId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/instruments/:id/calendar',
    {
      config: { public: true },
      schema: {
        tags,
        description:
          'Booked, requested (own only), outage and closed blocks in [from, to), at most 62 days. Other organisations’ bookings carry no details.',
        params: IdParams,
        querystring: Period,
        response: { 200: Calendar, ...errorResponses(400, 404) },
      },
    },
    async (request) => instruments.calendar(request.actor, request.params.id, request.query),
  );

  app.get(
    '/instruments/:id/calendar.ics',
    {
      config: { public: true },
      schema: {
        tags,
        description:
          'iCalendar feed of the next 90 days: bookings (as busy, without details unless they are yours) and outages.',
        params: IdParams,
        response: {
          200: { description: 'iCalendar', content: { 'text/calendar': { schema: Type.String() } } },
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .send(await instruments.ics(request.actor, request.params.id, new Date())),
  );

  app.get(
    '/instruments/:id/quote',
    {
      schema: {
        tags,
        description:
          'The fee for the caller’s organisation and every booking rule the slot breaks, before requesting.',
        params: IdParams,
        querystring: QuoteQuery,
        response: { 200: Quote, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => bookings.quote(request.actor, request.params.id, request.query),
  );

  app.get(
    '/instruments/:id/bookings',
    {
      schema: {
        tags,
        description: 'The owner sees every booking of the instrument; others their own organisation’s.',
        params: IdParams,
        querystring: BookingListQuery,
        response: { 200: Paged(Booking), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => bookings.ofInstrument(request.actor, request.params.id, request.query),
  );

  app.post(
    '/instruments/:id/bookings',
    {
      schema: {
        tags,
        description:
          'Requests a slot (approved at once when the instrument needs no approval). Rules broken by the slot itself answer 400 `booking_rule`; an overlap, the buffer, an outage or the quota answer 409 naming the rule (and the clashing booking).',
        params: IdParams,
        body: NewBooking,
        response: { 201: Booking, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bookings.request(request.actor, request.params.id, request.body)),
  );

  app.get(
    '/bookings/mine',
    {
      schema: {
        tags,
        description: 'Bookings your organisation requested, newest start first.',
        querystring: BookingListQuery,
        response: { 200: Paged(Booking), ...errorResponses(400, 401) },
      },
    },
    async (request) => bookings.mine(request.actor, request.query),
  );

  app.get(
    '/bookings/requests',
    {
      schema: {
        tags,
        description: 'Bookings of your organisation’s instruments; `status` defaults to requested.',
        querystring: BookingListQuery,
        response: { 200: Paged(Booking), ...errorResponses(400, 401) },
      },
    },
    async (request) => bookings.requests(request.actor, request.query),
  );

  app.get(
    '/bookings/:id',
    { schema: { tags, params: IdParams, response: { 200: Booking, ...errorResponses(400, 401, 404) } } },
    async (request) => bookings.get(request.actor, request.params.id),
  );

  app.post(
    '/bookings/:id/transitions',
    {
      schema: {
        tags,
        description:
          'approve, decline (reason), cancel, start (at), complete (at), no_show. An approval that would overlap an approved booking answers 409 `booking_clash` with it in `details[0].clash`.',
        params: IdParams,
        body: BookingTransition,
        response: { 200: Booking, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => bookings.transition(request.actor, request.params.id, request.body),
  );
};
