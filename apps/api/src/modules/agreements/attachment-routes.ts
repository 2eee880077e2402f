// Agreement attachments: upload (multipart, field `file`), download, remove.
import multipart from '@fastify/multipart';
import { Attachment, IdParams } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { withUploadedFile } from '../../http/multipart.js';
import { errorResponses } from '../../http/responses.js';
import type { AttachmentService } from './attachments.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const tags = ['agreements'];

export const attachmentRoutes: FastifyPluginAsyncTypebox<{ attachments: AttachmentService }> = async (
  app,
  { attachments },
) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 2 } });

  app.post(
    '/agreements/:id/attachments',
    {
      schema: {
        tags,
        description: `Multipart form with the file in the field \`file\` (at most ${MAX_FILE_BYTES / 1024 / 1024} MB).`,
        params: IdParams,
        response: { 201: Attachment, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 507) },
      },
    },
    async (request, reply) => {
      const attachment = await withUploadedFile(request, (file) =>
        attachments.upload(request.actor, request.params.id, file),
      );
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/attachments/:id',
    {
      schema: {
        tags,
        description: 'The file itself, as an attachment download.',
        params: IdParams,
        response: {
          200: {
            description: 'The file',
            content: {
              'application/octet-stream': {
                schema: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }),
              },
            },
          },
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { attachment, content } = await attachments.open(request.actor, request.params.id);
      return (
        reply
          .type(attachment.contentType)
          .header('content-length', attachment.size)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
          )
          // Uploaded content never runs as a page of this origin.
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', 'sandbox')
          .send(content)
      );
    },
  );

  app.delete(
    '/attachments/:id',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await attachments.remove(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
