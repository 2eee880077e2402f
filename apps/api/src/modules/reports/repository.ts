// Report queries: every figure aggregated in SQL from the indicators' fact rows, this period beside last year's.
import { regionPrefix, type ReportDimension } from '@coop/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { OversightScope } from '../access/policy.js';
import { currentDesignations } from '../orgs/designations.js';
import { funnelFacts, indicatorSql, type IndicatorSql } from './indicators.js';

/** A period (dates inclusive) and whose organisations count. */
export interface ReportWindow {
  from: string;
  to: string;
  scope: OversightScope;
  /** Narrows the scope to a region inside it. */
  regionCode: string | null;
  today: string;
}

/** The same dates one year earlier (29 February becomes the 28th). */
export function yearEarlier(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Organisations (alias `o`) inside the window's scope. */
function inScope(window: ReportWindow): SQL {
  const conditions: SQL[] = [sql`true`];
  const { scope } = window;
  if (scope.kind === 'region')
    conditions.push(sql`o.region_code like ${`${regionPrefix(scope.regionCode)}%`}`);
  if (scope.kind === 'association') {
    conditions.push(
      sql`o.id in (select member_id from association_members where association_id = ${scope.associationId})`,
    );
  }
  if (window.regionCode) conditions.push(sql`o.region_code like ${`${regionPrefix(window.regionCode)}%`}`);
  return sql.join(conditions, sql` and `);
}

/** Organisations present at the end of last year's period: the basis both years are compared on. */
const onBasis = (window: ReportWindow) =>
  sql`(o.created_at at time zone 'Asia/Shanghai')::date <= ${yearEarlier(window.to)}::date`;

/** The region one level below the window's (province → its cities, city → its districts). */
function regionKey(window: ReportWindow): SQL {
  const region = window.regionCode ?? (window.scope.kind === 'region' ? window.scope.regionCode : null);
  if (!region) return sql`left(o.region_code, 2) || '0000'`;
  const depth = regionPrefix(region).length;
  if (depth === 2)
    return sql`case when o.region_code like '__0000' then o.region_code else left(o.region_code, 4) || '00' end`;
  return sql`o.region_code`;
}

/** How a dimension's key is read from a fact row `w` and its organisation `o` (with a lateral list `d`). */
function dimension(window: ReportWindow, by: ReportDimension | null): { join: SQL; key: SQL } {
  const each = (list: SQL) =>
    sql`cross join lateral unnest(case when cardinality(${list}) = 0 then array['none'] else ${list} end) as d(v)`;
  switch (by) {
    case null:
      return { join: sql``, key: sql`'total'` };
    case 'month':
      return { join: sql``, key: sql`to_char(w.aligned, 'YYYY-MM')` };
    case 'region':
      return { join: sql``, key: regionKey(window) };
    case 'field':
      return { join: each(sql`w.fields`), key: sql`split_part(d.v, '.', 1)` };
    case 'cooperation_type':
      return { join: each(sql`w.coop_types`), key: sql`d.v` };
    case 'designation':
      return { join: each(currentDesignations(sql`o.id`, window.today)), key: sql`d.v` };
    case 'org_kind':
      return { join: sql``, key: sql`o.kind` };
    case 'organization':
      return { join: sql``, key: sql`o.id::text` };
    case 'instrument':
      return { join: sql``, key: sql`w.instrument_id::text` };
  }
}

/**
 * Fact rows of this period (cur) and last year's, last year's days moved a year on so months line up. Periods of a
 * year or less do not overlap: the facts are then read once, each row tagged with its period (a CTE read twice is
 * materialised whole); longer ones read them twice, a fact of both periods counting in each. `materialized` keeps the
 * rows computed once when the query reads a column several times (else each read repeats a column's sub-query).
 */
const bothPeriods = (facts: SQL, window: ReportWindow, { materialized = false } = {}) => {
  const current = sql`f.day between ${window.from}::date and ${window.to}::date`;
  const last = sql`f.day between ${yearEarlier(window.from)}::date and ${yearEarlier(window.to)}::date`;
  const tagged = (cur: SQL, where: SQL) =>
    sql`select ${cur} as cur, f.*, case when ${cur} then f.day else (f.day + interval '1 year')::date end as aligned
    from (${facts}) f where ${where}`;
  const w = materialized ? sql`w as materialized` : sql`w as`;
  if (yearEarlier(window.to) < window.from)
    return sql`with ${w} (${tagged(current, sql`${current} or ${last}`)})`;
  return sql`with ${w} (${tagged(sql`true`, current)} union all ${tagged(sql`false`, last)})`;
};

function aggregate(kind: IndicatorSql['aggregate'], where: SQL): SQL {
  switch (kind) {
    case 'count':
      return sql`(count(*) filter (where ${where}))::float8`;
    case 'sum':
      return sql`coalesce(sum(value) filter (where ${where}), 0)::float8`;
    case 'median':
      return sql`coalesce(percentile_cont(0.5) within group (order by value) filter (where ${where}), 0)::float8`;
  }
}

export interface FigureRow {
  key: string;
  value: number;
  sameBasis: number;
  lastYear: number;
}

// Both drivers (PGlite and node-postgres) answer raw queries with `{ rows }`.
const rowsOf = async <T>(db: Executor, query: SQL): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export function createReportRepository() {
  return {
    /** An indicator, in total (by = null) or by a dimension, this period beside last year's. */
    async figures(
      db: Executor,
      indicator: IndicatorSql,
      window: ReportWindow,
      by: ReportDimension | null,
    ): Promise<FigureRow[]> {
      if (indicator.ratio) return this.ratio(db, indicator.ratio, window, by);
      const { join, key } = dimension(window, by);
      const rows = await rowsOf<FigureRow>(
        db,
        sql`${bothPeriods(indicator.facts({ today: window.today }), window)}
        select key,
          ${aggregate(indicator.aggregate, sql`cur`)} as "value",
          ${aggregate(indicator.aggregate, sql`cur and basis`)} as "sameBasis",
          ${aggregate(indicator.aggregate, sql`not cur and basis`)} as "lastYear"
        from (
          select w.cur, ${key} as key, w.ref_id, max(w.value) as value, bool_or(${onBasis(window)}) as basis
          from w join organizations o on o.id = w.org_id ${join}
          where ${inScope(window)}
          group by w.cur, 2, w.ref_id
        ) t
        group by key order by key`,
      );
      return rows.map((row) => ({
        key: row.key,
        value: Number(row.value),
        sameBasis: Number(row.sameBasis),
        lastYear: Number(row.lastYear),
      }));
    },

    /** Numerator ÷ denominator per key, each a sum over its facts (0 where nothing was used). */
    async ratio(
      db: Executor,
      parts: NonNullable<IndicatorSql['ratio']>,
      window: ReportWindow,
      by: ReportDimension | null,
    ): Promise<FigureRow[]> {
      const [numerators, denominators] = await Promise.all(
        [parts.numerator, parts.denominator].map((id) => this.figures(db, indicatorSql(id)!, window, by)),
      );
      const above = new Map(numerators!.map((row) => [row.key, row]));
      const share = (part: number | undefined, whole: number) => (whole > 0 ? (part ?? 0) / whole : 0);
      return denominators!.map((whole) => {
        const part = above.get(whole.key);
        return {
          key: whole.key,
          value: share(part?.value, whole.value),
          sameBasis: share(part?.sameBasis, whole.sameBasis),
          lastYear: share(part?.lastYear, whole.lastYear),
        };
      });
    },

    /** The names of organisations or instruments a breakdown's keys are the ids of. */
    async names(db: Executor, by: ReportDimension, ids: string[]) {
      if (ids.length === 0) return new Map<string, { zh: string; en: string }>();
      const list = sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      const rows = await rowsOf<{ id: string; zh: string; en: string }>(
        db,
        by === 'organization'
          ? sql`select id::text, name_zh as zh, name_en as en from organizations where id in (${list})`
          : sql`select id::text, title as zh, title as en from capabilities where id in (${list})`,
      );
      return new Map(rows.map((row) => [row.id, { zh: row.zh, en: row.en }]));
    },

    /** The rows behind a figure: each thing counted once, newest first. */
    async drill(
      db: Executor,
      indicator: IndicatorSql,
      window: ReportWindow,
      filter: { by: ReportDimension | null; key: string | null },
      page: number,
      pageSize: number,
    ) {
      const { join, key } = dimension(window, filter.by);
      const rows = await rowsOf<{
        refType: string;
        refId: string;
        title: string | null;
        orgNameZh: string;
        orgNameEn: string;
        regionCode: string;
        at: string;
        value: number;
        total: number;
      }>(
        db,
        sql`${bothPeriods(indicator.facts({ today: window.today }), window)}
        select x.*, (count(*) over ())::int as total from (
          select distinct on (w.ref_id) w.ref_type as "refType", w.ref_id::text as "refId", w.title,
            o.name_zh as "orgNameZh", o.name_en as "orgNameEn", o.region_code as "regionCode",
            to_char(w.day, 'YYYY-MM-DD') as at, w.value::float8 as value
          from w join organizations o on o.id = w.org_id ${join}
          where w.cur and ${inScope(window)} ${filter.key !== null ? sql`and ${key} = ${filter.key}` : sql``}
          order by w.ref_id, o.name_zh
        ) x
        order by x.at desc, x."refId"
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      return {
        items: rows.map(({ total: _t, ...row }) => ({ ...row, value: Number(row.value) })),
        total: rows[0]?.total ?? (page > 1 ? await this.drillTotal(db, indicator, window, filter) : 0),
      };
    },

    async drillTotal(
      db: Executor,
      indicator: IndicatorSql,
      window: ReportWindow,
      filter: { by: ReportDimension | null; key: string | null },
    ): Promise<number> {
      const { join, key } = dimension(window, filter.by);
      const [row] = await rowsOf<{ total: number }>(
        db,
        sql`${bothPeriods(indicator.facts({ today: window.today }), window)}
        select count(distinct w.ref_id)::int as total
        from w join organizations o on o.id = w.org_id ${join}
        where w.cur and ${inScope(window)} ${filter.key !== null ? sql`and ${key} = ${filter.key}` : sql``}`,
      );
      return row?.total ?? 0;
    },

    /** The cohort of needs posted in the period (and last year's, on the same basis), and how far each got. */
    async funnel(db: Executor, window: ReportWindow) {
      const [row] = await rowsOf<Record<string, number>>(
        db,
        sql`${bothPeriods(funnelFacts, window, { materialized: true })}
        select
          count(*) filter (where cur)::int as posted,
          count(*) filter (where cur and interested)::int as interested,
          count(*) filter (where cur and introduced)::int as introduced,
          count(*) filter (where cur and signed)::int as signed,
          count(*) filter (where not cur and ${onBasis(window)})::int as "lastPosted",
          count(*) filter (where not cur and ${onBasis(window)} and interested)::int as "lastInterested",
          count(*) filter (where not cur and ${onBasis(window)} and introduced)::int as "lastIntroduced",
          count(*) filter (where not cur and ${onBasis(window)} and signed)::int as "lastSigned"
        from w join organizations o on o.id = w.org_id
        where ${inScope(window)}`,
      );
      return row!;
    },

    /** Checklist items past their due date, not done, in running projects with a party in scope. */
    async overdue(db: Executor, window: ReportWindow, page: number, pageSize: number) {
      const rows = await rowsOf<{
        id: string;
        title: string;
        dueDate: string;
        daysOverdue: number;
        projectId: string;
        projectTitle: string;
        agreementId: string;
        agreementTitle: string;
        total: number;
      }>(
        db,
        sql`select i.id::text, i.title, to_char(i.due_date, 'YYYY-MM-DD') as "dueDate",
            (${window.today}::date - i.due_date)::int as "daysOverdue",
            pr.id::text as "projectId", pr.title as "projectTitle", a.id::text as "agreementId",
            a.title as "agreementTitle", (count(*) over ())::int as total
          from checklist_items i
          join projects pr on pr.id = i.project_id
          join agreements a on a.id = pr.agreement_id
          where i.due_date < ${window.today}::date and i.status <> 'done'
            and pr.status not in ('done', 'closed') and a.status in ('signed', 'active')
            and exists (
              select 1 from agreement_parties p join organizations o on o.id = p.org_id
              where p.agreement_id = a.id and ${inScope(window)}
            )
          order by i.due_date, i.id
          limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      return { items: rows.map(({ total: _t, ...row }) => row), total: rows[0]?.total ?? 0 };
    },

    /** Organisations in scope with the highest figure of an indicator this period. */
    async topOrgs(db: Executor, indicator: IndicatorSql, window: ReportWindow, limit: number) {
      const rows = await rowsOf<{
        orgId: string;
        nameZh: string;
        nameEn: string;
        kind: string;
        regionCode: string;
        value: number;
      }>(
        db,
        sql`${bothPeriods(indicator.facts({ today: window.today }), window)}
        select o.id::text as "orgId", o.name_zh as "nameZh", o.name_en as "nameEn", o.kind,
          o.region_code as "regionCode", ${aggregate(indicator.aggregate, sql`true`)} as value
        from (select w.org_id, w.ref_id, max(w.value) as value from w where w.cur group by 1, 2) t
        join organizations o on o.id = t.org_id
        where ${inScope(window)}
        group by o.id
        order by value desc, o.name_zh
        limit ${limit}`,
      );
      return rows.map((row) => ({ ...row, value: Number(row.value) }));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
