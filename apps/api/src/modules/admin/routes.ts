import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { AccessPolicy } from '../access/policy.js';
import type { ReindexJob } from './reindex.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const ReindexStatus = Type.Object({
  running: Type.Boolean(),
  index: Nullable(Type.String()),
  done: Type.Integer(),
  total: Type.Integer(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  error: Nullable(Type.String()),
});

export const adminRoutes: FastifyPluginAsyncTypebox<{ reindex: ReindexJob; access: AccessPolicy }> = async (
  app,
  { reindex, access },
) => {
  app.get(
    '/admin/reindex',
    { schema: { tags: ['admin'], response: { 200: ReindexStatus, ...errorResponses(401, 403) } } },
    async (request) => {
      access.requirePlatformAdmin(request.actor);
      return reindex.status();
    },
  );

  app.post(
    '/admin/reindex',
    {
      config: { audit: 'search.reindex_started' },
      schema: {
        tags: ['admin'],
        description:
          'Rebuilds both search indexes from the database and swaps them in; poll GET for progress.',
        response: { 202: ReindexStatus, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      access.requirePlatformAdmin(request.actor);
      return reply.status(202).send(reindex.start());
    },
  );
};
