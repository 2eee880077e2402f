import { AuditEntry, AuditQuery, Paged } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/client.js';
import { errorResponses } from '../../http/responses.js';
import { requireActor, type AccessPolicy } from '../access/policy.js';
import { listAudit } from './repository.js';

export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Database; access: AccessPolicy }> = async (
  app,
  { db, access },
) => {
  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        description:
          "Security audit log, newest first: logins and failures, account, role and verification changes, exports, administrator actions. `from`/`to` are days in the reader's time zone.",
        querystring: AuditQuery,
        response: { 200: Paged(AuditEntry), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      access.requirePlatformAdmin(request.actor);
      return listAudit(db, request.query, requireActor(request.actor).timeZone);
    },
  );
};
