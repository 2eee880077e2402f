// Maps every failure to `{ error: { code, message, details? } }` with the right status.
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { problemsFromIssues } from '../http/field-problems.js';
import { SearchError } from '../search/port.js';

const codeByFastifyError: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_body', 'The request body is empty but JSON was declared'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The request body is not valid JSON'],
};

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      const problems = problemsFromIssues(error.validation, (path) => [where, ...path].join('.'));
      const message = problems.map((p) => `${p.field} ${p.problem}`).join('; ');
      return reply.status(400).send({ error: { code: 'validation_failed', message, details: problems } });
    }
    if (error instanceof SearchError) {
      const status = error.code === 'invalid_query' ? 400 : 503;
      if (status === 503) request.log.warn({ err: error }, 'search engine unavailable');
      const message =
        status === 400 ? error.message : 'Search is unavailable for a moment; try again shortly';
      return reply.status(status).send({ error: { code: `search_${error.code}`, message } });
    }
    const known = error.code ? codeByFastifyError[error.code] : undefined;
    if (known) {
      return reply.status(known[0]).send({ error: { code: known[1], message: known[2] } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: error.message } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code?.toLowerCase() ?? 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
  });
});
