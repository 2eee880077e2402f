// Reports and annual targets for those who oversee organisations: officers (their region), coordinators (their
// association's members) and platform admins. Every figure comes from SQL over the tables and the event log.
import {
  FUNNEL_STAGES,
  indicatorOf,
  indicators,
  NAMED_DIMENSIONS,
  regionWithin,
  type ReportDimension,
  type BreakdownQuery,
  type DrillQuery,
  type FunnelResponse,
  type ReportQuery,
  type SummaryResponse,
  type TargetBody,
  type TargetList,
  type TargetProgress,
} from '@coop/shared';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { targets } from '../../db/schema/index.js';
import { ConflictError, ForbiddenError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy, OversightScope } from '../access/policy.js';
import { platformDate } from '../agreements/dates.js';
import { invalid } from '../agreements/input.js';
import { recordEvent } from '../events/repository.js';
import { createFigureCache } from '../../db/figure-cache.js';
import { indicatorSql, type IndicatorSql } from './indicators.js';
import { createReportRepository, type ReportWindow } from './repository.js';

/** How a scope is keyed in the targets table. */
function targetScope(scope: OversightScope): { kind: 'region' | 'association' | 'all'; key: string } {
  switch (scope.kind) {
    case 'region':
      return { kind: 'region', key: scope.regionCode };
    case 'association':
      return { kind: 'association', key: scope.associationId };
    case 'all':
      return { kind: 'all', key: '*' };
  }
}

/** "YYYY-MM" of every month from one date to another (at most 10 years). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  while (months.length < 120) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Share of a year gone by the end of `today` (0 before it starts, 1 after it ends). */
export function yearShare(year: number, today: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const now = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

export function createReportService({ db, access }: { db: Database; access: AccessPolicy }) {
  const repository = createReportRepository();
  const cache = createFigureCache(db);

  /** An indicator's figures (by a dimension or in total), computed or kept for the current data version. */
  const figuresOf = (
    id: string,
    definition: IndicatorSql,
    window: ReportWindow,
    by: ReportDimension | null,
  ) => cache.get(['figures', id, window, by], () => repository.figures(db, definition, window, by));

  function windowOf(actor: Actor | null, query: ReportQuery, today = platformDate()) {
    const { caller, scope } = access.requireOversight(actor);
    if (query.to < query.from) throw invalid('querystring.to', 'must not be before from');
    const regionCode = query.region ?? null;
    if (regionCode && scope.kind === 'region' && !regionWithin(regionCode, scope.regionCode)) {
      throw new ForbiddenError('That region lies outside the region your office oversees');
    }
    const window: ReportWindow = { from: query.from, to: query.to, scope, regionCode, today };
    return { caller, window };
  }

  function sqlOf(id: string, field = 'querystring.indicator') {
    const definition = indicatorSql(id);
    if (!definition) throw invalid(field, `is not a known indicator`, 'unknown_value');
    return definition;
  }

  /** An indicator that can be broken down by the dimension asked for. */
  function sqlBy(id: string, by: ReportDimension | undefined) {
    const definition = sqlOf(id);
    if (by === 'instrument' && !indicatorOf(id)?.byInstrument) {
      throw invalid('querystring.by', 'is not a dimension of this indicator', 'not_allowed');
    }
    return definition;
  }

  async function actualFor(window: ReportWindow, id: string) {
    const [row] = await figuresOf(id, sqlOf(id), window, null);
    return row?.value ?? 0;
  }

  return {
    repository,
    windowOf,

    async summary(actor: Actor | null, query: ReportQuery): Promise<SummaryResponse> {
      const { window } = windowOf(actor, query);
      // Kept whole, so a warm answer reads the data version once rather than once per indicator.
      const figures = await cache.get(['summary', window], async () => {
        // On a server the indicators' queries run side by side, each on a connection of the pool.
        const computed = await Promise.all(
          indicators().map(async ({ id }) => {
            const definition = indicatorSql(id);
            if (!definition) return [];
            const [row] = await figuresOf(id, definition, window, null);
            const figure = {
              value: row?.value ?? 0,
              sameBasis: row?.sameBasis ?? 0,
              lastYear: row?.lastYear ?? 0,
            };
            return [[id, figure] as const];
          }),
        );
        return Object.fromEntries(computed.flat()) as SummaryResponse['figures'];
      });
      return { from: window.from, to: window.to, regionCode: window.regionCode, figures };
    },

    async funnel(actor: Actor | null, query: ReportQuery): Promise<FunnelResponse> {
      const { window } = windowOf(actor, query);
      const row = await cache.get(['funnel', window], () => repository.funnel(db, window));
      const last = (stage: string) => row[`last${stage[0]!.toUpperCase()}${stage.slice(1)}`] ?? 0;
      return {
        stages: FUNNEL_STAGES.map((stage, index) => {
          const previous = index > 0 ? row[FUNNEL_STAGES[index - 1]!]! : 0;
          return {
            stage,
            value: row[stage]!,
            lastYear: last(stage),
            conversion: index === 0 || previous === 0 ? null : row[stage]! / previous,
          };
        }),
      };
    },

    async breakdown(actor: Actor | null, query: BreakdownQuery) {
      const { window } = windowOf(actor, query);
      const definition = sqlBy(query.indicator, query.by);
      const rows = await figuresOf(query.indicator, definition, window, query.by);
      const found = rows.map(({ key, value, lastYear }) => ({ key, value, lastYear }));
      if (NAMED_DIMENSIONS.includes(query.by)) {
        const names = await repository.names(
          db,
          query.by,
          found.map((row) => row.key),
        );
        const named = found.map((row) => ({
          ...row,
          labelZh: names.get(row.key)?.zh ?? row.key,
          labelEn: names.get(row.key)?.en ?? row.key,
        }));
        return { indicator: query.indicator, by: query.by, rows: named };
      }
      if (query.by !== 'month') return { indicator: query.indicator, by: query.by, rows: found };
      // A trend shows every month of the period, the quiet ones as 0.
      const byMonth = new Map(found.map((row) => [row.key, row]));
      return {
        indicator: query.indicator,
        by: query.by,
        rows: monthsBetween(window.from, window.to).map(
          (key) => byMonth.get(key) ?? { key, value: 0, lastYear: 0 },
        ),
      };
    },

    async drill(actor: Actor | null, query: DrillQuery) {
      const { window } = windowOf(actor, query);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      if (query.key !== undefined && !query.by)
        throw invalid('querystring.by', 'is required with key', 'required');
      const definition = sqlBy(query.indicator, query.by);
      const filter = { by: query.by ?? null, key: query.key ?? null };
      const found = await cache.get(['drill', query.indicator, window, filter, page, pageSize], () =>
        repository.drill(db, definition, window, filter, page, pageSize),
      );
      return { ...found, page, pageSize };
    },

    async overdue(actor: Actor | null, query: ReportQuery & { page?: number; pageSize?: number }) {
      const { window } = windowOf(actor, query);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const found = await cache.get(['overdue', window, page, pageSize], () =>
        repository.overdue(db, window, page, pageSize),
      );
      return { ...found, page, pageSize };
    },

    async topOrgs(actor: Actor | null, query: ReportQuery & { indicator: string }) {
      const { window } = windowOf(actor, query);
      const definition = sqlOf(query.indicator);
      // A ratio ranks no one: its parts (the hours) do.
      if (definition.ratio)
        throw invalid('querystring.indicator', 'is a ratio; rank by its parts', 'not_allowed');
      const items = await cache.get(['topOrgs', query.indicator, window], () =>
        repository.topOrgs(db, definition, window, 10),
      );
      return { items };
    },

    /** The caller's targets of a year with progress: actual so far, share of the year gone, projection. */
    async targets(actor: Actor | null, year: number, today = platformDate()): Promise<TargetList> {
      const { scope } = access.requireOversight(actor);
      const key = targetScope(scope);
      const rows = await db
        .select()
        .from(targets)
        .where(and(eq(targets.scopeKind, key.kind), eq(targets.scopeKey, key.key), eq(targets.year, year)));
      const window: ReportWindow = {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        scope,
        regionCode: null,
        today,
      };
      const share = yearShare(year, today);
      const order = indicators().map((indicator) => indicator.id);
      const counted = rows
        .filter((row) => indicatorSql(row.indicator))
        .sort((a, b) => order.indexOf(a.indicator) - order.indexOf(b.indicator));
      // Kept together, so a warm answer reads the data version once rather than once per target.
      const actuals = await cache.get(['targetActuals', window, counted.map((row) => row.indicator)], () =>
        Promise.all(counted.map((row) => actualFor(window, row.indicator))),
      );
      const items: TargetProgress[] = counted.map((row, index) => {
        const actual = actuals[index]!;
        return {
          indicator: row.indicator,
          year,
          target: row.value,
          actual,
          yearShare: share,
          progress: row.value > 0 ? actual / row.value : 1,
          onTrack: actual >= row.value * share,
          projection: share > 0 ? actual / share : 0,
          version: row.version,
        };
      });
      return { scope: key, items };
    },

    /** Sets (or changes) a target of the caller's scope; the change is an event in the same transaction. */
    async setTarget(actor: Actor | null, year: number, indicator: string, body: TargetBody) {
      const { caller, scope } = access.requireOversight(actor);
      const definition = indicatorOf(indicator);
      if (!definition || !indicatorSql(indicator)) {
        throw invalid('params.indicator', 'is not a known indicator', 'unknown_value');
      }
      if (!definition.targetable) {
        throw invalid(
          'params.indicator',
          'takes no annual target (it is a median or a snapshot)',
          'not_allowed',
        );
      }
      const key = targetScope(scope);
      await db.transaction(async (tx) => {
        const where = and(
          eq(targets.scopeKind, key.kind),
          eq(targets.scopeKey, key.key),
          eq(targets.year, year),
          eq(targets.indicator, indicator),
        );
        const [current] = await tx.select().from(targets).where(where).for('update');
        if (current && body.version !== current.version) {
          throw new ConflictError('version_conflict', 'This target was changed meanwhile; reload it', {
            current: { value: current.value, version: current.version },
          });
        }
        const [saved] = current
          ? await tx
              .update(targets)
              .set({
                value: body.value,
                version: current.version + 1,
                updatedBy: caller.userId,
                updatedAt: new Date(),
              })
              .where(where)
              .returning()
          : await tx
              .insert(targets)
              .values({
                scopeKind: key.kind,
                scopeKey: key.key,
                year,
                indicator,
                value: body.value,
                updatedBy: caller.userId,
              })
              .onConflictDoNothing()
              .returning();
        if (!saved) throw new ConflictError('version_conflict', 'This target was set meanwhile; reload it');
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'target',
          entityId: saved.id,
          action: current ? 'changed' : 'set',
          before: current ? { value: current.value } : null,
          after: { scope: key, year, indicator, value: body.value },
        });
      });
      const list = await this.targets(caller, year);
      return list.items.find((item) => item.indicator === indicator)!;
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
