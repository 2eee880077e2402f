// Checklist items of a project, and the caller's tasks.
import {
  ChecklistItem,
  ChecklistItemUpdate,
  IdParams,
  NewChecklistItem,
  NewOrder,
  PageQuery,
  Paged,
  StrictObject,
  Task,
  TaskQuery,
  VersionQuery,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { ChecklistService } from './checklist.js';

const tags = ['projects'];

export const checklistRoutes: FastifyPluginAsyncTypebox<{ checklist: ChecklistService }> = async (
  app,
  { checklist },
) => {
  app.get(
    '/projects/:id/items',
    {
      schema: {
        tags,
        description:
          'The checklist in its order; `status` shows `overdue` when the due date passed and the item is not done.',
        params: IdParams,
        querystring: StrictObject(PageQuery),
        response: { 200: Paged(ChecklistItem), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => checklist.list(request.actor, request.params.id, request.query),
  );

  app.post(
    '/projects/:id/items',
    {
      schema: {
        tags,
        params: IdParams,
        body: NewChecklistItem,
        response: { 201: ChecklistItem, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checklist.create(request.actor, request.params.id, request.body)),
  );

  app.put(
    '/projects/:id/items/order',
    {
      schema: {
        tags,
        description:
          'Every item id in the new order; if the checklist changed meanwhile, 409 `version_conflict` with the current one.',
        params: IdParams,
        body: NewOrder,
        response: { 200: Paged(ChecklistItem), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => checklist.reorder(request.actor, request.params.id, request.body.ids),
  );

  app.patch(
    '/items/:id',
    {
      schema: {
        tags,
        description:
          'Tick (`status: "done"`), edit, attach evidence. A stale `version` answers 409 `version_conflict` with `details.current`.',
        params: IdParams,
        body: ChecklistItemUpdate,
        response: { 200: ChecklistItem, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => checklist.update(request.actor, request.params.id, request.body),
  );

  app.delete(
    '/items/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await checklist.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        description:
          'My tasks: checklist items of running agreements that your organisation is responsible for, alone or jointly as a party; soonest due first.',
        querystring: TaskQuery,
        response: { 200: Paged(Task), ...errorResponses(400, 401) },
      },
    },
    async (request) => checklist.tasks(request.actor, request.query),
  );
};
