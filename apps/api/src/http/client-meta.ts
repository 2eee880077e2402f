import type { FastifyRequest } from 'fastify';
import type { ClientMeta } from '../modules/auth/service.js';

/** Where a request came from, for sessions and the audit log. */
export function clientMeta(request: FastifyRequest): ClientMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}
