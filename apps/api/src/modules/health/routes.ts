import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

export interface HealthProbe {
  database(): Promise<{ ok: boolean; driver: string }>;
  search(): Promise<{ ok: boolean; engine: string; lag?: number }>;
}

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({ ok: Type.Boolean(), driver: Type.String() }),
  search: Type.Object({ ok: Type.Boolean(), engine: Type.String(), lag: Type.Optional(Type.Integer()) }),
});

async function safely<T extends { ok: boolean }>(probe: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await probe();
  } catch {
    return fallback;
  }
}

export const healthRoutes: FastifyPluginAsyncTypebox<{ probe: HealthProbe }> = async (app, { probe }) => {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const [database, search] = await Promise.all([
        safely(probe.database, { ok: false, driver: 'unknown' }),
        safely(probe.search, { ok: false, engine: 'unknown' }),
      ]);
      // The database is the truth: without it the API is down; a lagging search engine only degrades it.
      const status = database.ok && search.ok ? 'ok' : 'degraded';
      return reply.status(database.ok ? 200 : 503).send({ status, database, search });
    },
  );
};
