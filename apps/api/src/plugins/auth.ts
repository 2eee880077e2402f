// Authenticates every /api request: routes are private unless their config says `public: true`.
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { UnauthorizedError } from '../errors.js';
import type { Actor } from '../modules/access/actor.js';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  type AccessTokenClaims,
  JWT_AUDIENCE,
  JWT_ISSUER,
} from '../modules/auth/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in; the actor is still resolved when a valid token comes along. */
    public?: boolean;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
  }
}

interface Options {
  jwtSecret: string;
  actorFor(userId: string, sessionId: string): Promise<Actor | null>;
}

async function resolveActor(request: FastifyRequest, actorFor: Options['actorFor']): Promise<Actor> {
  let claims: AccessTokenClaims;
  try {
    claims = await request.jwtVerify<AccessTokenClaims>();
  } catch (error) {
    const expired = (error as { code?: string }).code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED';
    throw expired
      ? new UnauthorizedError('token_expired', 'Your access token has expired')
      : new UnauthorizedError('token_invalid', 'Your access token is not valid');
  }
  const actor = await actorFor(claims.sub, claims.sid);
  if (!actor) throw new UnauthorizedError('session_ended', 'Your session has ended; log in again');
  return actor;
}

export default fp(async function authPlugin(app: FastifyInstance, options: Options) {
  await app.register(cookie);
  await app.register(jwt, {
    secret: options.jwtSecret,
    sign: { algorithm: 'HS256', iss: JWT_ISSUER, aud: JWT_AUDIENCE, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    verify: { algorithms: ['HS256'], allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE },
  });
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.is404) return;
    const isPublic = request.routeOptions.config.public === true;
    if (!request.headers.authorization) {
      if (isPublic) return;
      throw new UnauthorizedError('unauthenticated', 'Log in first');
    }
    try {
      request.actor = await resolveActor(request, options.actorFor);
    } catch (error) {
      // A stale token must not lock anyone out of public pages or of logging in again.
      if (!isPublic) throw error;
    }
  });
});
