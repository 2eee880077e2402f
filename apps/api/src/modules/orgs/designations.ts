// The one "current designations" rule: what filters, matching and reports count an organisation as.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { organizations } from '../../db/schema/orgs.js';

/** Whether designation row `d` counts on `today`: verified and within its validity. */
export function designationCounts(d: SQL, today: string | SQL): SQL {
  return sql`(${d}.status = 'verified' and (${d}.valid_from is null or ${d}.valid_from <= ${today}::date)
    and (${d}.valid_until is null or ${d}.valid_until >= ${today}::date))`;
}

/** An organisation's designations in force on `today`, as a text[] expression. */
export function currentDesignations(orgId: SQL, today: string | SQL): SQL {
  return sql`(select coalesce(array_agg(distinct cd.kind order by cd.kind), '{}'::text[]) from designations cd
    where cd.org_id = ${orgId} and ${designationCounts(sql`cd`, today)})`;
}

/** Today on the platform's calendar (China), in SQL: certificates run to the end of their last day there. */
export const platformToday = sql`(now() at time zone 'Asia/Shanghai')::date`;

/** An organisation row whose `designations` are those that count today, for search documents and matching. */
export const orgWithCurrentDesignations = {
  ...getTableColumns(organizations),
  designations: sql<string[]>`${currentDesignations(sql`${organizations.id}`, platformToday)}`,
};
