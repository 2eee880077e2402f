// Sending a stored file back: the route's response schema and the headers every download carries.
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';

export const fileResponse = {
  description: 'The file',
  content: {
    'application/octet-stream': { schema: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }) },
  },
};

export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; size: number },
  content: Readable,
) {
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
