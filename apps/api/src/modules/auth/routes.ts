import {
  InvitationBody,
  Invitation,
  LoginBody,
  Me,
  MeUpdate,
  IdParams,
  PasswordChangeBody,
  PasswordResetBody,
  RegisterBody,
  TokenResponse,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../access/policy.js';
import { clientMeta } from '../../http/client-meta.js';
import { errorResponses } from '../../http/responses.js';
import type { AuthService, IssuedSession } from './service.js';
import { REFRESH_COOKIE, SESSION_HINT_COOKIE, SESSION_TTL_DAYS } from './tokens.js';

// Per client address; generous because a whole college or firm often shares one address (per-account locks do the rest).
const loginLimit = { max: 30, timeWindow: '1 minute' };

function sendSession(reply: FastifyReply, session: IssuedSession, status = 200) {
  const { refreshToken, ...body } = session;
  const maxAge = SESSION_TTL_DAYS * 86_400;
  return reply
    .setCookie(REFRESH_COOKIE, refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: 'auto',
      path: '/api/auth',
      maxAge,
    })
    .setCookie(SESSION_HINT_COOKIE, '1', { sameSite: 'strict', secure: 'auto', path: '/', maxAge })
    .status(status)
    .send(body);
}

function clearSession(reply: FastifyReply) {
  return reply
    .clearCookie(REFRESH_COOKIE, { path: '/api/auth' })
    .clearCookie(SESSION_HINT_COOKIE, { path: '/' });
}

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        body: LoginBody,
        response: { 200: TokenResponse, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => sendSession(reply, await auth.login(request.body, clientMeta(request))),
  );

  app.post(
    '/auth/refresh',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], response: { 200: TokenResponse, ...errorResponses(401, 429) } },
    },
    async (request, reply) => {
      try {
        return sendSession(reply, await auth.refresh(request.cookies[REFRESH_COOKIE]));
      } catch (error) {
        // The session is over: the web app should stop trying on its next visit.
        clearSession(reply);
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await auth.logout(request.cookies[REFRESH_COOKIE], request.actor, clientMeta(request));
      return clearSession(reply).status(204).send(null);
    },
  );

  app.post(
    '/auth/register',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        body: RegisterBody,
        response: { 201: TokenResponse, ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => sendSession(reply, await auth.register(request.body, clientMeta(request)), 201),
  );

  app.post(
    '/auth/password',
    {
      config: { rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      await auth.changePassword(requireActor(request.actor), request.body, clientMeta(request));
      return clearSession(reply).status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags: ['auth'],
        description: 'Sets a new password with the one-time link a platform administrator issued.',
        body: PasswordResetBody,
        response: { 204: Type.Null(), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await auth.resetPassword(request.body, clientMeta(request));
      return clearSession(reply).status(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], response: { 200: Me, ...errorResponses(401) } } },
    async (request) => auth.me(requireActor(request.actor)),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['auth'],
        description:
          "The reader's own settings: `timeZone` (IANA name) sets the calendar of the digest and date filters.",
        body: MeUpdate,
        response: { 200: Me, ...errorResponses(400, 401) },
      },
    },
    async (request) => auth.updateMe(requireActor(request.actor), request.body),
  );

  app.post(
    '/orgs/:id/invitations',
    {
      schema: {
        tags: ['orgs'],
        params: IdParams,
        body: InvitationBody,
        response: { 201: Invitation, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await auth.invite(request.actor, request.params.id, request.body.email, request.body.orgRole)),
  );
};
