// Demo designations: verified certificates of the demo organisations, with one about to expire and one expired.
import type { Designation } from '@coop/shared';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';

export interface DemoDesignation {
  orgId: string;
  kind: Designation;
}

/** Each designation not yet on record gets a verified certificate, valid for two more years. */
export async function certifyDesignations(db: Executor, held: DemoDesignation[]) {
  if (!held.length) return;
  const rows = sql.join(
    held.map((d) => sql`(${d.orgId}::uuid, ${d.kind})`),
    sql`, `,
  );
  await db.execute(sql`
    insert into designations (org_id, kind, certificate_no, issuing_body, valid_from, valid_until, status, verified_at, reason)
    select d.org_id, d.kind, 'DEMO-' || upper(substr(md5(d.org_id::text || d.kind), 1, 8)), '浙江省科学技术厅 / Zhijiang Dept. of S&T',
      current_date - 365, current_date + 730, 'verified', now(), '已与发证机关名录核对 / Certificate checked against the issuing body''s register'
    from (values ${rows}) as d(org_id, kind)
    where not exists (select 1 from designations x where x.org_id = d.org_id and x.kind = d.kind)`);
}

export async function seedDemoDesignations(db: Database, ids: Map<string, string>, held: DemoDesignation[]) {
  await certifyDesignations(db, held);
  // One certificate runs out within 30 days (an expiry warning), one ran out last month (no longer counts).
  await db.execute(sql`update designations set valid_until = current_date + 20
    where org_id = ${ids.get('ouyue')!} and kind = 'little_giant'`);
  await db.execute(sql`update designations set valid_until = current_date - 30, status = 'expired'
    where org_id = ${ids.get('minghu')!} and kind = 'invisible_champion'`);
}
