// Agreement attachments: upload (multipart, field `file`), download, remove.
import multipart from '@fastify/multipart';
import { Attachment, IdParams } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withUploadedFile } from '../../http/multipart.js';
import { storedFileRoutes } from '../../http/files.js';
import { errorResponses } from '../../http/responses.js';
import { MAX_FILE_BYTES, UPLOAD_OPTIONS } from '../../storage/upload.js';
import type { AttachmentService } from './attachments.js';

const tags = ['agreements'];

export const attachmentRoutes: FastifyPluginAsyncTypebox<{ attachments: AttachmentService }> = async (
  app,
  { attachments },
) => {
  await app.register(multipart, UPLOAD_OPTIONS);

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

  storedFileRoutes(app, '/attachments/:id', tags, attachments);
};
