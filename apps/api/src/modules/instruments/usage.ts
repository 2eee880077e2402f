// Sharing figures of instruments, computed from the bookings: effective hours (used, completed bookings), external
// service hours (used by other organisations), sharing rate = external ÷ effective, income, enterprises served and
// no-shows; grouped by instrument, owner, region or month (Asia/Shanghai) of the booked start.
import { regionLabel, type UsageQuery, type UsageReport, type UsageRow } from '@coop/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy, UsageScope } from '../access/policy.js';

interface Figures {
  effective_seconds: number | string | null;
  external_seconds: number | string | null;
  income: number | string | null;
  enterprises: number | string | null;
  no_shows: number | string | null;
}

const GROUPS: Record<UsageQuery['groupBy'] & string, { key: SQL; zh: SQL; en: SQL }> = {
  instrument: { key: sql`c.id::text`, zh: sql`min(c.title)`, en: sql`min(c.title)` },
  owner: { key: sql`o.id::text`, zh: sql`min(o.name_zh)`, en: sql`min(o.name_en)` },
  region: { key: sql`o.region_code`, zh: sql`min(o.region_code)`, en: sql`min(o.region_code)` },
  month: {
    key: sql`to_char(b.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
    zh: sql`min(to_char(b.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM'))`,
    en: sql`min(to_char(b.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM'))`,
  },
};

const FIGURES = sql`
  coalesce(sum(extract(epoch from (b.actual_end_at - b.actual_start_at))) filter (where b.status = 'completed'), 0) as effective_seconds,
  coalesce(sum(extract(epoch from (b.actual_end_at - b.actual_start_at))) filter (where b.status = 'completed' and b.relation <> 'own'), 0) as external_seconds,
  coalesce(sum(b.fee_yuan) filter (where b.status = 'completed'), 0) as income,
  count(distinct b.requester_org_id) filter (where b.status = 'completed' and b.relation <> 'own' and r.kind = 'enterprise') as enterprises,
  count(*) filter (where b.status = 'no_show') as no_shows`;

function scopeCondition(scope: UsageScope): SQL {
  if (scope.all) return sql`true`;
  if (scope.regionPrefix !== null) return sql`o.region_code like ${`${scope.regionPrefix}%`}`;
  if (scope.associationId !== null) {
    return sql`(o.id = ${scope.associationId} or o.id in (select member_id from association_members where association_id = ${scope.associationId}))`;
  }
  return sql`o.id = ${scope.orgId}`;
}

const hours = (seconds: Figures['effective_seconds']) =>
  Math.round((Number(seconds ?? 0) / 3600) * 100) / 100;
function figures(row: Figures) {
  const effectiveHours = hours(row.effective_seconds);
  const externalHours = hours(row.external_seconds);
  return {
    effectiveHours,
    externalHours,
    sharingRate: effectiveHours > 0 ? Math.round((externalHours / effectiveHours) * 10_000) / 10_000 : null,
    incomeYuan: Number(row.income ?? 0),
    enterprisesServed: Number(row.enterprises ?? 0),
    noShows: Number(row.no_shows ?? 0),
  };
}

export function createUsageService({ db, access }: { db: Database; access: AccessPolicy }) {
  return {
    async report(actor: Actor | null, query: UsageQuery): Promise<UsageReport> {
      const scope = await access.usageScope(db, actor);
      const groupBy = query.groupBy ?? 'instrument';
      const group = GROUPS[groupBy];
      const where = sql.join(
        [
          scopeCondition(scope),
          query.from ? sql`b.starts_at >= ${`${query.from}T00:00:00+08:00`}::timestamptz` : undefined,
          query.to
            ? sql`b.starts_at < (${`${query.to}T00:00:00+08:00`}::timestamptz + interval '1 day')`
            : undefined,
        ].filter((part): part is SQL => !!part),
        sql` and `,
      );
      const from = sql`from instrument_bookings b
        join capabilities c on c.id = b.instrument_id
        join organizations o on o.id = b.owner_org_id
        join organizations r on r.id = b.requester_org_id
        where ${where}`;
      const [grouped, total] = (await Promise.all([
        db.execute(sql`select ${group.key} as key, ${group.zh} as label_zh, ${group.en} as label_en, ${FIGURES} ${from}
          group by 1 order by 1`),
        db.execute(sql`select ${FIGURES} ${from}`),
      ])) as unknown as { rows: unknown[] }[];
      const rows: UsageRow[] = (
        grouped!.rows as unknown as (Figures & { key: string; label_zh: string; label_en: string })[]
      ).map((row) => ({
        key: row.key,
        labelZh: groupBy === 'region' ? regionLabel(row.key, 'zh-CN') : row.label_zh,
        labelEn: groupBy === 'region' ? regionLabel(row.key, 'en') : row.label_en,
        ...figures(row),
      }));
      return { groupBy, rows, total: figures(total!.rows[0] as unknown as Figures) };
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
