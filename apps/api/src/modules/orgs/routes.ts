import {
  IdParams,
  MemberParams,
  MembershipBody,
  Org,
  OrgDetail,
  OrgListQuery,
  OrgUpdate,
  OrgUser,
  PageQuery,
  Paged,
  StrictObject,
  OrgVerification,
  VerificationBody,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/responses.js';
import type { OrgService } from './service.js';

const PageOnly = StrictObject(PageQuery);
const MembersQuery = StrictObject({ ...PageQuery, verified: Type.Optional(Type.Boolean()) });

export const orgRoutes: FastifyPluginAsyncTypebox<{ orgs: OrgService }> = async (app, { orgs }) => {
  app.get(
    '/orgs',
    {
      config: { public: true },
      schema: {
        tags: ['orgs'],
        querystring: OrgListQuery,
        response: { 200: Paged(Org), ...errorResponses(400) },
      },
    },
    async (request) => orgs.list(request.query),
  );

  app.get(
    '/orgs/:id',
    {
      config: { public: true },
      schema: { tags: ['orgs'], params: IdParams, response: { 200: OrgDetail, ...errorResponses(400, 404) } },
    },
    async (request) => orgs.get(request.params.id),
  );

  app.patch(
    '/orgs/:id',
    {
      schema: {
        tags: ['orgs'],
        params: IdParams,
        body: OrgUpdate,
        response: { 200: Org, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => orgs.update(request.actor, request.params.id, request.body),
  );

  app.post(
    '/orgs/:id/verification',
    {
      schema: {
        tags: ['orgs'],
        description:
          'Always with what was checked (`reason`); evidence files are then uploaded to the decision.',
        params: IdParams,
        body: VerificationBody,
        response: { 200: OrgVerification, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => orgs.setVerified(request.actor, request.params.id, request.body),
  );

  app.get(
    '/orgs/:id/verifications',
    {
      schema: {
        tags: ['orgs'],
        params: IdParams,
        response: { 200: Type.Array(OrgVerification), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => orgs.verifications(request.actor, request.params.id),
  );

  app.get(
    '/orgs/:id/members',
    {
      config: { public: true },
      schema: {
        tags: ['orgs'],
        params: IdParams,
        querystring: MembersQuery,
        response: { 200: Paged(Org), ...errorResponses(400, 404) },
      },
    },
    async (request) => orgs.members(request.params.id, request.query),
  );

  app.post(
    '/orgs/:id/members',
    {
      schema: {
        tags: ['orgs'],
        params: IdParams,
        body: MembershipBody,
        response: { 201: Org, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await orgs.addMember(request.actor, request.params.id, request.body.orgId)),
  );

  app.delete(
    '/orgs/:id/members/:memberId',
    {
      schema: {
        tags: ['orgs'],
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await orgs.removeMember(request.actor, request.params.id, request.params.memberId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/orgs/:id/users',
    {
      schema: {
        tags: ['orgs'],
        params: IdParams,
        querystring: PageOnly,
        response: { 200: Paged(OrgUser), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      orgs.users(request.actor, request.params.id, request.query.page ?? 1, request.query.pageSize ?? 20),
  );
};
