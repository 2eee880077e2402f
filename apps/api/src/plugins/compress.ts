// Compresses the API's JSON (and CSV) answers for clients that accept it; the web app's files are precompressed
// at build time instead (plugins/web.ts). Event streams are left alone: they are hijacked replies, and
// text/event-stream is outside the compressible types.
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { constants } from 'node:zlib';

export default fp(async function compressPlugin(app: FastifyInstance) {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    // Below a kilobyte the headers and the CPU cost more than the bytes saved.
    threshold: 1024,
    // Brotli's default (quality 11) costs tens of milliseconds per large answer; 4 is as small as gzip's 6 and faster.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
});
