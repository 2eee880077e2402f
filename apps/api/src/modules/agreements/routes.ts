// /agreements: list, get, propose, edit, status moves and the timeline.
import {
  AgreementDetail,
  AgreementListQuery,
  AgreementTransition,
  AgreementUpdate,
  IdParams,
  NewAgreement,
  Paged,
  Agreement,
  TimelineEvent,
  TimelineQuery,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/responses.js';
import type { AgreementService } from './service.js';

const tags = ['agreements'];

export const agreementRoutes: FastifyPluginAsyncTypebox<{ agreements: AgreementService }> = async (
  app,
  { agreements },
) => {
  app.get(
    '/agreements',
    {
      schema: {
        tags,
        description:
          'Agreements the caller may see (party, brokering coordinator, platform admin); `org=mine`: where your organisation is a party.',
        querystring: AgreementListQuery,
        response: { 200: Paged(Agreement), ...errorResponses(400, 401) },
      },
    },
    async (request) => agreements.list(request.actor, request.query),
  );

  app.get(
    '/agreements/:id',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: AgreementDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => agreements.get(request.actor, request.params.id),
  );

  app.post(
    '/agreements',
    {
      schema: {
        tags,
        description:
          'Proposed by an administrator of a party or by a coordinator of an association a party belongs to (who then brokers it). ' +
          'With `matchId`, the match moves to `agreed`.',
        body: NewAgreement,
        response: { 201: AgreementDetail, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await agreements.create(request.actor, request.body)),
  );

  app.patch(
    '/agreements/:id',
    {
      schema: {
        tags,
        description: 'A stale `version` answers 409 `version_conflict` with `details.current`.',
        params: IdParams,
        body: AgreementUpdate,
        response: { 200: AgreementDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => agreements.update(request.actor, request.params.id, request.body),
  );

  app.post(
    '/agreements/:id/transitions',
    {
      schema: {
        tags,
        description:
          'Moves: negotiate, sign (signedOn, signatories), activate, complete, terminate (reason). `allowedActions` on the agreement lists what the caller may do.',
        params: IdParams,
        body: AgreementTransition,
        response: { 200: AgreementDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => agreements.transition(request.actor, request.params.id, request.body),
  );

  app.get(
    '/agreements/:id/timeline',
    {
      schema: {
        tags,
        description: 'Events of the agreement, its projects and checklist items, newest first.',
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Paged(TimelineEvent), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => agreements.timeline(request.actor, request.params.id, request.query),
  );
};
