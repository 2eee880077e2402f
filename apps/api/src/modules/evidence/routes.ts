// Evidence uploads (multipart, field `file`, the same limits and checks as every upload), listing, download, removal.
import multipart from '@fastify/multipart';
import { Attachment, IdParams } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { storedFileRoutes } from '../../http/files.js';
import { withUploadedFile } from '../../http/multipart.js';
import { errorResponses } from '../../http/responses.js';
import { MAX_FILE_BYTES, UPLOAD_OPTIONS } from '../../storage/upload.js';
import type { EvidenceService } from './service.js';

const tags = ['designations'];
const uploadDescription = `Multipart form with the file in the field \`file\` (at most ${MAX_FILE_BYTES / 1024 / 1024} MB).`;

export const evidenceRoutes: FastifyPluginAsyncTypebox<{ evidence: EvidenceService }> = async (
  app,
  { evidence },
) => {
  await app.register(multipart, UPLOAD_OPTIONS);

  app.post(
    '/designations/:id/files',
    {
      schema: {
        tags,
        description: `The claim's certificate, while it is pending. ${uploadDescription}`,
        params: IdParams,
        response: { 201: Attachment, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 507) },
      },
    },
    async (request, reply) => {
      const file = await withUploadedFile(request, (upload) =>
        evidence.addToDesignation(request.actor, request.params.id, upload),
      );
      return reply.status(201).send(file);
    },
  );

  app.get(
    '/designations/:id/files',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Array(Attachment), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => evidence.ofDesignation(request.actor, request.params.id),
  );

  app.post(
    '/org-verifications/:id/files',
    {
      schema: {
        tags: ['orgs'],
        description: `What the verifier checked, added to their decision. ${uploadDescription}`,
        params: IdParams,
        response: { 201: Attachment, ...errorResponses(400, 401, 403, 404, 413, 415, 507) },
      },
    },
    async (request, reply) => {
      const file = await withUploadedFile(request, (upload) =>
        evidence.addToVerification(request.actor, request.params.id, upload),
      );
      return reply.status(201).send(file);
    },
  );

  storedFileRoutes(app, '/evidence/:id', tags, evidence);
};
