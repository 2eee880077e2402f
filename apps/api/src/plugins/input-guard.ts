// Refuses, before any route runs, what no schema states: addresses too long to be real, and text holding
// characters the database or a reader would trip over (see http/text-guard.ts). One place for every route.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { UriTooLongError } from '../errors.js';
import { findForbiddenText, forbiddenTextError } from '../http/text-guard.js';

/** Well under Node's 16 KiB header limit, above anything the web app builds (filters, a search, paging). */
export const MAX_URL_LENGTH = 8192;

const PARTS = ['params', 'querystring', 'body'] as const;
const valueOf = (request: FastifyRequest, part: (typeof PARTS)[number]) =>
  part === 'querystring' ? request.query : request[part];

export default fp(async function inputGuardPlugin(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) throw new UriTooLongError(MAX_URL_LENGTH);
  });
  app.addHook('preValidation', async (request) => {
    for (const part of PARTS) {
      const found = findForbiddenText(valueOf(request, part));
      if (found) throw forbiddenTextError([part, ...found.path].join('.'), found.problem);
    }
  });
});
