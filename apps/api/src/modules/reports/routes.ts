// /reports/* (figures, funnel, breakdowns, drill-down, overdue, top organisations, XLSX and PDF) and /targets.
import {
  BreakdownQuery,
  BreakdownResponse,
  DrillQuery,
  DrillRow,
  FunnelResponse,
  LOCALES,
  OneOf,
  OverdueItem,
  PageQuery,
  Paged,
  REPORT_DIMENSIONS,
  ReportQuery,
  StrictObject,
  SummaryResponse,
  TargetBody,
  TargetList,
  TargetProgress,
  TopOrg,
  type Locale,
} from '@coop/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { errorResponses } from '../../http/responses.js';
import { breakdownXlsx, funnelXlsx, reportPdf, scopeLabelOf } from './documents.js';
import type { ReportService } from './service.js';

const tags = ['reports'];
const Lang = { lang: Type.Optional(OneOf(LOCALES)) };
const IndicatorParam = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z_]+$' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (type: string) => ({
  description: 'the file',
  content: { [type]: { schema: Type.String({ format: 'binary' }) } },
});

const ExportQuery = StrictObject({
  ...ReportQuery.properties,
  ...Lang,
  chart: OneOf(['funnel', 'breakdown'] as const),
  indicator: Type.Optional(IndicatorParam),
  by: Type.Optional(OneOf(REPORT_DIMENSIONS)),
});

function attachment(reply: FastifyReply, name: string, type: string) {
  return reply.header('content-disposition', `attachment; filename="${name}"`).type(type);
}

export const reportRoutes: FastifyPluginAsyncTypebox<{ reports: ReportService }> = async (
  app,
  { reports },
) => {
  const readOnly = {
    tags,
    description: 'Officers (their region), coordinators (their members), platform admins.',
  };

  app.get(
    '/reports/summary',
    {
      schema: {
        ...readOnly,
        querystring: ReportQuery,
        response: { 200: SummaryResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.summary(request.actor, request.query),
  );

  app.get(
    '/reports/funnel',
    {
      schema: {
        ...readOnly,
        description:
          'Needs posted in the period, and how many of them got interest, an introduction, a signed agreement.',
        querystring: ReportQuery,
        response: { 200: FunnelResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.funnel(request.actor, request.query),
  );

  app.get(
    '/reports/breakdown',
    {
      schema: {
        ...readOnly,
        querystring: BreakdownQuery,
        response: { 200: BreakdownResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.breakdown(request.actor, request.query),
  );

  app.get(
    '/reports/drill',
    {
      schema: {
        ...readOnly,
        description:
          'The rows behind a figure (optionally one key of a breakdown); confidential needs have no title.',
        querystring: DrillQuery,
        response: { 200: Paged(DrillRow), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.drill(request.actor, request.query),
  );

  app.get(
    '/reports/overdue',
    {
      schema: {
        ...readOnly,
        querystring: StrictObject({ ...ReportQuery.properties, ...PageQuery }),
        response: { 200: Paged(OverdueItem), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.overdue(request.actor, request.query),
  );

  app.get(
    '/reports/top-orgs',
    {
      schema: {
        ...readOnly,
        querystring: StrictObject({ ...ReportQuery.properties, indicator: IndicatorParam }),
        response: { 200: StrictObject({ items: Type.Array(TopOrg) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.topOrgs(request.actor, request.query),
  );

  app.get(
    '/reports/export',
    {
      schema: {
        ...readOnly,
        description:
          "A chart's rows as XLSX: `chart=funnel`, or `chart=breakdown` with `indicator` and `by`.",
        querystring: ExportQuery,
        response: { 200: binary(XLSX), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { chart, lang = 'zh-CN', indicator, by, ...period } = request.query;
      if (chart === 'funnel') {
        const funnel = await reports.funnel(request.actor, period);
        return attachment(reply, `funnel-${period.from}-${period.to}.xlsx`, XLSX).send(
          await funnelXlsx(funnel, lang),
        );
      }
      const breakdown = await reports.breakdown(request.actor, {
        ...period,
        indicator: indicator ?? 'agreements_signed',
        by: by ?? 'month',
      });
      return attachment(
        reply,
        `${breakdown.indicator}-by-${breakdown.by}-${period.from}-${period.to}.xlsx`,
        XLSX,
      ).send(await breakdownXlsx(breakdown, lang));
    },
  );

  app.get(
    '/reports/pdf',
    {
      schema: {
        ...readOnly,
        description:
          'The report of a period as PDF: figures beside last year, targets, funnel, trend and breakdowns.',
        querystring: StrictObject({ ...ReportQuery.properties, ...Lang }),
        response: { 200: binary('application/pdf'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang = 'zh-CN', ...period } = request.query;
      const actor = request.actor;
      const year = Number(period.to.slice(0, 4));
      const [summary, funnel, targets, trend, byRegion, byField] = await Promise.all([
        reports.summary(actor, period),
        reports.funnel(actor, period),
        reports.targets(actor, year),
        reports.breakdown(actor, { ...period, indicator: 'agreements_signed', by: 'month' }),
        reports.breakdown(actor, { ...period, indicator: 'agreements_signed', by: 'region' }),
        reports.breakdown(actor, { ...period, indicator: 'needs_posted', by: 'field' }),
      ]);
      const scopeLabel = scopeLabelOf(targets.scope, {}, lang as Locale);
      const pdf = await reportPdf({ summary, funnel, targets, trend, byRegion, byField, scopeLabel }, lang);
      return attachment(reply, `report-${period.from}-${period.to}.pdf`, 'application/pdf').send(pdf);
    },
  );

  app.get(
    '/targets',
    {
      schema: {
        tags,
        description:
          "The caller's scope's targets of a year, with progress and the projection to the year's end.",
        querystring: StrictObject({ year: Year }),
        response: { 200: TargetList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => reports.targets(request.actor, request.query.year),
  );

  app.put(
    '/targets/:year/:indicator',
    {
      schema: {
        tags,
        description:
          "Sets a target for the caller's region (officer) or association (coordinator); an event records it.",
        params: StrictObject({ year: Year, indicator: IndicatorParam }),
        body: TargetBody,
        response: { 200: TargetProgress, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) =>
      reports.setTarget(request.actor, request.params.year, request.params.indicator, request.body),
  );
};
