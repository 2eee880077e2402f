import { IdParams, Notification, PageQuery, StrictObject } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import { requireActor } from '../access/policy.js';
import type { NotificationService } from './service.js';

const ListQuery = StrictObject({ ...PageQuery, unread: Type.Optional(Type.Boolean()) });
const DigestQuery = StrictObject({ date: Type.Optional(Type.String({ format: 'date' })) });

export const notificationRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Notification),
            total: Type.Integer(),
            unread: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { unread = false, page = 1, pageSize = 20 } = request.query;
      return notifications.list(requireActor(request.actor), unread, page, pageSize);
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        params: IdParams,
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      marked: await notifications.markRead(requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (request) => ({ marked: await notifications.markRead(requireActor(request.actor)) }),
  );

  app.get(
    '/notifications/digest',
    {
      schema: {
        tags: ['notifications'],
        querystring: DigestQuery,
        response: {
          200: Type.Object({
            date: Type.String(),
            byKind: Type.Record(Type.String(), Type.Integer()),
            items: Type.Array(Notification),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => notifications.digest(requireActor(request.actor), request.query.date),
  );
};
