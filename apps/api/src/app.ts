// Builds the Fastify app the same way for the server and for tests.
import { registerAjvFormats, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { createAccessPolicy } from './modules/access/policy.js';
import { createAuthRepository } from './modules/auth/repository.js';
import { authRoutes } from './modules/auth/routes.js';
import { createAuthService } from './modules/auth/service.js';
import { healthRoutes } from './modules/health/routes.js';
import { createOrgRepository } from './modules/orgs/repository.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { createOrgService } from './modules/orgs/service.js';
import authPlugin from './plugins/auth.js';
import docsPlugin from './plugins/docs.js';
import errorsPlugin from './plugins/errors.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import webPlugin from './plugins/web.js';

export const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppDeps {
  config: Pick<Config, 'jwtSecret' | 'webDist' | 'trustProxy'>;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
}

registerAjvFormats();

export async function buildApp({ config, database, logger = false }: AppDeps) {
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT_BYTES, trustProxy: config.trustProxy });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  const { db } = database;
  const orgRepository = createOrgRepository();
  const access = createAccessPolicy({ orgs: orgRepository });
  const orgs = createOrgService({ db, orgs: orgRepository, access });
  const auth = createAuthService({
    db,
    auth: createAuthRepository(),
    orgs: orgRepository,
    access,
    signAccessToken: (claims) => app.jwt.sign(claims),
  });

  await app.register(errorsPlugin);
  await app.register(docsPlugin);
  await app.register(rateLimitPlugin);
  await app.register(authPlugin, { jwtSecret: config.jwtSecret, actorFor: auth.actorFor });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, {
        probe: {
          database: async () => ({ ok: await database.ping(), driver: database.driver }),
          search: async () => ({ ok: true, engine: 'embedded' }),
        },
      });
      await api.register(authRoutes, { auth });
      await api.register(orgRoutes, { orgs });
    },
    { prefix: '/api' },
  );
  await app.register(webPlugin, { dist: config.webDist });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
