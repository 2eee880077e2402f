import { SearchQueryParams, SearchResponse } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/responses.js';
import type { SearchService } from './service.js';

export const searchRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/search',
    {
      config: { public: true },
      // Hits are text through and through; V8's own JSON.stringify writes long strings faster than the
      // schema-compiled serializer, and the service already builds exactly the documented shape.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['search'],
        querystring: SearchQueryParams,
        response: { 200: SearchResponse, ...errorResponses(400, 503) },
      },
    },
    async (request) => search.search(request.actor, request.query),
  );
};
