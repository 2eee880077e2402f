import { HomeResponse } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/responses.js';
import { requireActor } from '../access/policy.js';
import type { HomeService } from './service.js';

export const homeRoutes: FastifyPluginAsyncTypebox<{ home: HomeService }> = async (app, { home }) => {
  app.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        description:
          "The caller's own figures and today's to-dos (by role), each with the web page to act on it.",
        response: { 200: HomeResponse, ...errorResponses(401) },
      },
    },
    async (request) => home.home(requireActor(request.actor)),
  );
};
