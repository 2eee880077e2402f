// Maps every failure to `{ error: { code, message, details? } }` with the right status.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import fp from 'fastify-plugin';
import { isConnectionLoss } from '../db/client.js';
import { AppError, DatabaseUnavailableError } from '../errors.js';
import { problemsFromIssues } from '../http/field-problems.js';
import { SearchError } from '../search/port.js';

const codeByFastifyError: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_body', 'The request body is empty but JSON was declared'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The request body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_body', 'The body is not as long as Content-Length says'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'invalid_content_type', 'The Content-Type header is not valid'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [406, 'not_multipart', 'Send the file as multipart/form-data'],
  FST_REQ_FILE_TOO_LARGE: [413, 'file_too_large', 'The file is larger than this upload allows'],
  FST_PARTS_LIMIT: [413, 'too_many_parts', 'Send one file in the field "file" and nothing else'],
  FST_FILES_LIMIT: [413, 'too_many_files', 'Send one file in the field "file" and nothing else'],
  FST_FIELDS_LIMIT: [413, 'too_many_fields', 'Send one file in the field "file" and nothing else'],
};

/**
 * Errors the router raises before any hook or handler (a malformed or over-long path segment), given to Fastify
 * as its `frameworkErrors` option so they too answer in the error shape.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'bad_url';
  const message = code === 'uri_too_long' ? 'A part of the address is too long' : 'The address is not valid';
  return reply.status(status).send({ error: { code, message } });
}

const answerByClientError: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The address or the request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive'],
};

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers past `maxHeaderSize`, a request that is
 * not HTTP, one too slow to arrive), given to Fastify as its `clientErrorHandler` so they too answer in the error
 * shape; there is no request or reply yet, so the answer is written on the socket.
 */
export function clientErrors(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = answerByClientError[error.code ?? ''] ?? [
    400,
    'bad_request',
    'The request is not valid HTTP',
  ];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((caught: FastifyError, request, reply) => {
    let error = caught;
    if (isConnectionLoss(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      error = new DatabaseUnavailableError() as unknown as FastifyError;
    }
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
