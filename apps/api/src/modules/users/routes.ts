import {
  AdminUser,
  AdminUserQuery,
  DisableUserBody,
  IdParams,
  Paged,
  PasswordResetIssued,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clientMeta } from '../../http/client-meta.js';
import { errorResponses } from '../../http/responses.js';
import type { UserAdminService } from './service.js';

const tags = ['admin'];

export const userAdminRoutes: FastifyPluginAsyncTypebox<{ users: UserAdminService }> = async (
  app,
  { users },
) => {
  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        description: 'Accounts of every organisation; `q` searches email, name and organisation.',
        querystring: AdminUserQuery,
        response: { 200: Paged(AdminUser), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => users.list(request.actor, request.query),
  );

  app.post(
    '/admin/users/:id/disable',
    {
      schema: {
        tags,
        description: 'Disables the account and ends its sessions at once.',
        params: IdParams,
        body: DisableUserBody,
        response: { 200: AdminUser, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      users.disable(request.actor, request.params.id, request.body.reason, clientMeta(request)),
  );

  app.post(
    '/admin/users/:id/enable',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: AdminUser, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => users.enable(request.actor, request.params.id, clientMeta(request)),
  );

  app.post(
    '/admin/users/:id/password-reset',
    {
      schema: {
        tags,
        description: 'Issues a one-time link (24 hours) to set a new password and sends it to the user.',
        params: IdParams,
        response: { 201: PasswordResetIssued, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await users.issuePasswordReset(request.actor, request.params.id, clientMeta(request))),
  );
};
