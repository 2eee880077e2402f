import multipart from '@fastify/multipart';
import { ImportReport, ListingListQuery, OneOf, StrictObject, LOCALES } from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { withUploadedFile } from '../../http/multipart.js';
import { errorResponses } from '../../http/responses.js';
import type { Exporter } from './export.js';
import type { Importer } from './import.js';
import { parseSheet } from './parse.js';

const KindParams = StrictObject({ kind: OneOf(['needs', 'capabilities'] as const) });
const MAX_FILE_BYTES = 5 * 1024 * 1024;

const { page: _page, pageSize: _pageSize, ...listFilters } = ListingListQuery.properties;
const ExportQuery = StrictObject({
  ...listFilters,
  format: Type.Optional(OneOf(['csv', 'xlsx'] as const)),
  lang: Type.Optional(OneOf(LOCALES)),
});

export const transferRoutes: FastifyPluginAsyncTypebox<{ importer: Importer; exporter: Exporter }> = async (
  app,
  { importer, exporter },
) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0, parts: 2 } });

  app.post(
    '/import/:kind',
    {
      schema: {
        tags: ['import'],
        description:
          'Multipart form with the file in the field `file` (CSV or XLSX). Send `Accept: application/x-ndjson` to receive progress lines before the report.',
        params: KindParams,
        response: { 200: ImportReport, ...errorResponses(400, 401, 403, 406, 413, 415) },
      },
    },
    async (request, reply) => {
      const rows = await withUploadedFile(request, async (upload) => {
        const sheet = await parseSheet(upload.filename, await upload.toBuffer());
        await upload.onlyPart();
        return sheet;
      });
      const kind = request.params.kind;
      if (!request.headers.accept?.includes('application/x-ndjson')) {
        return importer.run(request.actor, kind, rows);
      }
      // Progress as it happens: one JSON line per step, the report last.
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store',
      });
      try {
        const report = await importer.run(request.actor, kind, rows, (processed, total) => {
          reply.raw.write(`${JSON.stringify({ progress: { processed, total } })}\n`);
        });
        reply.raw.write(`${JSON.stringify({ report })}\n`);
      } catch (error) {
        reply.raw.write(
          `${JSON.stringify({ error: { code: 'import_failed', message: (error as Error).message } })}\n`,
        );
      }
      reply.raw.end();
    },
  );

  app.get(
    '/export/:kind',
    {
      config: { audit: 'export' },
      schema: {
        tags: ['import'],
        params: KindParams,
        querystring: ExportQuery,
        response: { 200: Type.Any(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { format = 'xlsx', lang = 'zh-CN', ...query } = request.query;
      const kind = request.params.kind;
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="${kind}-${stamp}.${format}"`);
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .send(await exporter.csv(request.actor, kind, query, lang));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await exporter.xlsx(request.actor, kind, query, lang));
    },
  );
};
