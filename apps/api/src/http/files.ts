// Sending a stored file back: the route's response schema, the headers every download carries, and the download
// and removal routes every kind of stored file has.
import { IdParams } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Actor } from '../modules/access/actor.js';
import { errorResponses } from './responses.js';

interface FileFacts {
  fileName: string;
  contentType: string;
  size: number;
}

export const fileResponse = {
  description: 'The file',
  content: {
    'application/octet-stream': { schema: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }) },
  },
};

export function sendFile(reply: FastifyReply, file: FileFacts, content: Readable) {
  return (
    reply
      .type(file.contentType)
      .header('content-length', file.size)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      // Uploaded content never runs as a page of this origin.
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .send(content)
  );
}

/** What a kind of stored file offers its routes; each asks the policy itself. */
export interface StoredFiles {
  open(actor: Actor | null, id: string): Promise<{ file: FileFacts; content: Readable }>;
  remove(actor: Actor | null, id: string): Promise<void>;
}

/** `GET <path>` downloads the file, `DELETE <path>` removes it; `path` ends in `/:id`. */
export function storedFileRoutes(
  app: Parameters<FastifyPluginAsyncTypebox>[0],
  path: string,
  tags: string[],
  files: StoredFiles,
) {
  app.get(
    path,
    {
      schema: {
        tags,
        description: 'The file itself, as an attachment download.',
        params: IdParams,
        response: { 200: fileResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { file, content } = await files.open(request.actor, request.params.id);
      return sendFile(reply, file, content);
    },
  );

  app.delete(
    path,
    {
      schema: {
        tags,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await files.remove(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
