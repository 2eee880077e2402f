import { DesignationClaim, DesignationDecision, DesignationRecord, IdParams } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { DesignationService } from './service.js';

export const designationRoutes: FastifyPluginAsyncTypebox<{ designations: DesignationService }> = async (
  app,
  { designations },
) => {
  app.get(
    '/orgs/:id/designations',
    {
      config: { public: true },
      schema: {
        tags: ['designations'],
        params: IdParams,
        response: { 200: Type.Array(DesignationRecord), ...errorResponses(400, 404) },
      },
    },
    async (request) => designations.ofOrg(request.params.id),
  );

  app.post(
    '/orgs/:id/designations',
    {
      schema: {
        tags: ['designations'],
        params: IdParams,
        body: DesignationClaim,
        response: { 201: DesignationRecord, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return designations.claim(request.actor, request.params.id, request.body);
    },
  );

  app.get(
    '/designations/queue',
    {
      schema: {
        tags: ['designations'],
        response: { 200: Type.Array(DesignationRecord), ...errorResponses(401, 403) },
      },
    },
    async (request) => designations.queue(request.actor),
  );

  app.post(
    '/designations/:id/decision',
    {
      schema: {
        tags: ['designations'],
        params: IdParams,
        body: DesignationDecision,
        response: { 200: DesignationRecord, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => designations.decide(request.actor, request.params.id, request.body),
  );
};
