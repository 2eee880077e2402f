// Demo designations: every profile designation as a verified certificate, with one about to expire and one expired.
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';

/** Profile designations without a certificate row get a verified one, valid for two more years. */
export async function certifyProfileDesignations(db: Executor) {
  await db.execute(sql`
    insert into designations (org_id, kind, certificate_no, issuing_body, valid_from, valid_until, status, verified_at, reason)
    select o.id, d.kind, 'DEMO-' || upper(substr(md5(o.id::text || d.kind), 1, 8)), '浙江省科学技术厅 / Zhijiang Dept. of S&T',
      current_date - 365, current_date + 730, 'verified', now(), '已与发证机关名录核对 / Certificate checked against the issuing body''s register'
    from organizations o cross join lateral unnest(o.designations) as d(kind)
    where not exists (select 1 from designations x where x.org_id = o.id and x.kind = d.kind)`);
}

export async function seedDemoDesignations(db: Database, ids: Map<string, string>) {
  await certifyProfileDesignations(db);
  // One certificate runs out within 30 days (an expiry warning), one ran out last month (no longer counts).
  await db.execute(sql`update designations set valid_until = current_date + 20
    where org_id = ${ids.get('ouyue')!} and kind = 'little_giant'`);
  await db.execute(sql`update designations set valid_until = current_date - 30, status = 'expired'
    where org_id = ${ids.get('minghu')!} and kind = 'invisible_champion'`);
}
