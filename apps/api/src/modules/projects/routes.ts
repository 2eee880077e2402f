// Project lists: per agreement and across agreements, editing, re-ordering, progress notes and export.
import {
  AgreementProjectsExportQuery,
  AgreementProjectsQuery,
  IdParams,
  NewNote,
  NewOrder,
  NewProject,
  Paged,
  Project,
  ProjectDetail,
  ProjectExportQuery,
  ProjectListQuery,
  ProjectNote,
  ProjectUpdate,
  type Locale,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../access/actor.js';
import { errorResponses } from '../../http/responses.js';
import type { ExportScope, ProjectExporter } from './export.js';
import type { ProjectService } from './service.js';

const tags = ['projects'];
/** A file download, described per media type for the OpenAPI document. */
const FileResponse = {
  description: 'The project list as a spreadsheet',
  content: {
    'text/csv': { schema: Type.String() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: Type.String({ format: 'binary' }),
    },
  },
};

interface Options {
  projects: ProjectService;
  exporter: ProjectExporter;
}

async function sendExport(
  reply: FastifyReply,
  exporter: ProjectExporter,
  actor: Actor | null,
  scope: ExportScope,
  { format = 'xlsx', lang = 'zh-CN' }: { format?: 'csv' | 'xlsx'; lang?: Locale },
) {
  reply.header(
    'content-disposition',
    `attachment; filename="projects-${new Date().toISOString().slice(0, 10)}.${format}"`,
  );
  if (format === 'csv')
    return reply.type('text/csv; charset=utf-8').send(await exporter.csv(actor, scope, lang));
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(await exporter.xlsx(actor, scope, lang));
}

export const projectRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { projects, exporter }) => {
  app.get(
    '/agreements/:id/projects',
    {
      schema: {
        tags,
        description: 'The project list of an agreement, in its order, with checklist progress.',
        params: IdParams,
        querystring: AgreementProjectsQuery,
        response: { 200: Paged(Project), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => projects.listOfAgreement(request.actor, request.params.id, request.query),
  );

  app.post(
    '/agreements/:id/projects',
    {
      schema: {
        tags,
        description: 'Adds a project at the end of the list; the agreement must be signed or active.',
        params: IdParams,
        body: NewProject,
        response: { 201: Project, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await projects.create(request.actor, request.params.id, request.body)),
  );

  app.put(
    '/agreements/:id/projects/order',
    {
      schema: {
        tags,
        description:
          'Every project id in the new order; if the list changed meanwhile, 409 `version_conflict` with the current list.',
        params: IdParams,
        body: NewOrder,
        response: { 200: Paged(Project), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => projects.reorder(request.actor, request.params.id, request.body.ids),
  );

  app.get(
    '/agreements/:id/projects/export',
    {
      config: { audit: 'export' },
      schema: {
        tags,
        params: IdParams,
        querystring: AgreementProjectsExportQuery,
        response: { 200: FileResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { format, lang, status } = request.query;
      return sendExport(
        reply,
        exporter,
        request.actor,
        { agreementId: request.params.id, status },
        { format, lang },
      );
    },
  );

  app.get(
    '/projects',
    {
      schema: {
        tags,
        description:
          'Projects of every agreement the caller may see; `org=mine`: agreements where your organisation is a party.',
        querystring: ProjectListQuery,
        response: { 200: Paged(Project), ...errorResponses(400, 401) },
      },
    },
    async (request) => projects.list(request.actor, request.query),
  );

  app.get(
    '/projects/export',
    {
      config: { audit: 'export' },
      schema: {
        tags,
        querystring: ProjectExportQuery,
        response: { 200: FileResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      return sendExport(reply, exporter, request.actor, { query }, { format, lang });
    },
  );

  app.get(
    '/projects/:id',
    {
      schema: {
        tags,
        description: 'A project with its checklist (in order) and progress notes (newest first).',
        params: IdParams,
        response: { 200: ProjectDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => projects.get(request.actor, request.params.id),
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        description:
          'Edit, or close with `status: "closed"`. A stale `version` answers 409 `version_conflict` with `details.current`.',
        params: IdParams,
        body: ProjectUpdate,
        response: { 200: Project, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => projects.update(request.actor, request.params.id, request.body),
  );

  app.post(
    '/projects/:id/notes',
    {
      schema: {
        tags,
        description: 'Appends a progress note; notes are never edited.',
        params: IdParams,
        body: NewNote,
        response: { 201: ProjectNote, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await projects.addNote(request.actor, request.params.id, request.body)),
  );
};
