// The same REST shape for /needs and /capabilities: list, get, create, update, status moves.
import { IdParams, ListingListQuery, ListingTransition, Paged } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { CapabilityService } from '../capabilities/service.js';
import type { NeedService } from '../needs/service.js';

interface Options {
  path: string;
  tag: string;
  service: NeedService | CapabilityService;
  schemas: { create: TSchema; update: TSchema; item: TSchema };
}

export const listingRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { path, tag, service, schemas },
) => {
  app.get(
    path,
    {
      config: { public: true },
      schema: {
        tags: [tag],
        querystring: ListingListQuery,
        response: { 200: Paged(schemas.item), ...errorResponses(400, 401) },
      },
    },
    async (request) => service.list(request.actor, request.query),
  );

  app.get(
    `${path}/:id`,
    {
      config: { public: true },
      schema: { tags: [tag], params: IdParams, response: { 200: schemas.item, ...errorResponses(400, 404) } },
    },
    async (request) => service.get(request.actor, request.params.id),
  );

  app.post(
    path,
    {
      schema: {
        tags: [tag],
        body: schemas.create,
        response: { 201: schemas.item, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(request.actor, request.body as never)),
  );

  app.patch(
    `${path}/:id`,
    {
      schema: {
        tags: [tag],
        params: IdParams,
        body: schemas.update,
        response: { 200: schemas.item, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.update(request.actor, request.params.id, request.body as never),
  );

  app.post(
    `${path}/:id/transitions`,
    {
      schema: {
        tags: [tag],
        params: IdParams,
        body: ListingTransition,
        response: { 200: schemas.item, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.transition(request.actor, request.params.id, request.body),
  );
};
