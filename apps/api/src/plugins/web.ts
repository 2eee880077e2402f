// Serves the built web app from the API's port; unknown non-API paths get index.html (client routing).
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

export default fp(async function webPlugin(app: FastifyInstance, options: { dist: string }) {
  const hasWeb = existsSync(join(options.dist, 'index.html'));
  if (hasWeb) {
    // Files are looked up per request, so a rebuilt web app is served without restarting the API.
    // The build writes .br/.gz beside each asset; hashed asset names never change content, so browsers keep them.
    await app.register(fastifyStatic, {
      root: options.dist,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      setHeaders(reply: FastifyReply, path: string) {
        reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/');
    if (hasWeb && wantsPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });
});
