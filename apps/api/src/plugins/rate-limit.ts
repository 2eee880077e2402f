import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { RateLimitedError } from '../errors.js';

/** Opt-in per route (`config.rateLimit`); answers in the platform's error shape. */
export default fp(async function rateLimitPlugin(app: FastifyInstance) {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new RateLimitedError(Math.ceil(context.ttl / 1000)), { statusCode: 429 }),
  });
});
