// Serves the built web app from the API's port; unknown non-API paths get index.html (client routing).
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default fp(async function webPlugin(app: FastifyInstance, options: { dist: string }) {
  const hasWeb = existsSync(join(options.dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: options.dist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (hasWeb && wantsPage) return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
  });
});
