// Routes that hand data out (exports) say `config: { audit: 'export' }`; each answer that succeeded is logged.
import type { AuditAction } from '@coop/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client.js';
import { recordAudit } from '../modules/audit/repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditAction;
  }
}

export default fp(async function auditPlugin(app: FastifyInstance, { db }: { db: Database }) {
  app.addHook('onResponse', async (request, reply) => {
    const action = request.routeOptions.config.audit;
    if (!action || reply.statusCode >= 400) return;
    await recordAudit(db, {
      action,
      actorUserId: request.actor?.userId ?? null,
      targetType: 'route',
      targetId: request.routeOptions.url,
      targetLabel: request.url.slice(0, 500),
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      details: { status: reply.statusCode },
    }).catch((err: unknown) => request.log.error({ err }, 'audit entry for a response was not written'));
  });
});
