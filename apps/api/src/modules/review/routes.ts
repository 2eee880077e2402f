// The coordinators' review queue: listings of unverified member organisations waiting to go public.
import { Capability, Need, PageQuery, Paged, StrictObject, OneOf } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { CapabilityService } from '../capabilities/service.js';
import type { NeedService } from '../needs/service.js';

const ReviewQuery = StrictObject({ ...PageQuery, type: OneOf(['need', 'capability'] as const) });

export const reviewRoutes: FastifyPluginAsyncTypebox<{
  needs: NeedService;
  capabilities: CapabilityService;
}> = async (app, services) => {
  app.get(
    '/review-queue',
    {
      schema: {
        tags: ['review'],
        querystring: ReviewQuery,
        response: { 200: Paged(Type.Union([Need, Capability])), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { type, page = 1, pageSize = 20 } = request.query;
      return type === 'need'
        ? services.needs.reviewQueue(request.actor, page, pageSize)
        : services.capabilities.reviewQueue(request.actor, page, pageSize);
    },
  );
};
