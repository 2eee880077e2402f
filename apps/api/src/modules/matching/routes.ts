import {
  IdParams,
  IntroductionBody,
  Match,
  MatchList,
  MatchLimitQuery,
  MatchListQuery,
  MatchTransition,
  Paged,
  ResponseBody,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/responses.js';
import type { MatchingService } from './service.js';

export const matchingRoutes: FastifyPluginAsyncTypebox<{ matching: MatchingService }> = async (
  app,
  { matching },
) => {
  for (const side of ['need', 'capability'] as const) {
    app.get(
      `/${side === 'need' ? 'needs' : 'capabilities'}/:id/matches`,
      {
        // Ranking is the costliest read and keeps its suggestions: bounded per client.
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['matching'],
          params: IdParams,
          querystring: MatchLimitQuery,
          response: { 200: MatchList, ...errorResponses(400, 404, 429) },
        },
      },
      async (request) => ({
        matches: await matching.matchesFor(request.actor, side, request.params.id, request.query.limit ?? 10),
      }),
    );
  }

  app.get(
    '/matches',
    {
      schema: {
        tags: ['matching'],
        querystring: MatchListQuery,
        response: { 200: Paged(Match), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => matching.list(request.actor, request.query),
  );

  app.get(
    '/matches/:id',
    {
      schema: {
        tags: ['matching'],
        params: IdParams,
        response: { 200: Match, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => matching.get(request.actor, request.params.id),
  );

  app.post(
    '/matches/:id/transitions',
    {
      schema: {
        tags: ['matching'],
        params: IdParams,
        body: MatchTransition,
        response: { 200: Match, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => matching.transition(request.actor, request.params.id, request.body),
  );

  app.post(
    '/matches/introductions',
    {
      schema: {
        tags: ['matching'],
        body: IntroductionBody,
        response: { 200: Match, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => matching.introduce(request.actor, request.body),
  );

  app.post(
    '/matches/responses',
    {
      schema: {
        tags: ['matching'],
        body: ResponseBody,
        response: { 200: Match, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => matching.respond(request.actor, request.body),
  );
};
