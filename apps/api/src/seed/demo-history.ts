// The demo's year of work: a generated history (seed/history.ts) around the hand-made demo organisations, and
// this year's targets for the provincial office and the association, set through the report service.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { createAccessPolicy } from '../modules/access/policy.js';
import { platformDate } from '../modules/agreements/dates.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { createOrgRepository } from '../modules/orgs/repository.js';
import { createReportService } from '../modules/reports/service.js';
import { actorOf } from './demo-agreements.js';
import { DEMO_HISTORY, generateHistory } from './history.js';

const TARGETS: { login: string; indicator: string; value: number }[] = [
  { login: 'gov@demo.cn', indicator: 'agreements_signed', value: 18 },
  { login: 'gov@demo.cn', indicator: 'contract_value', value: 50_000_000 },
  { login: 'gov@demo.cn', indicator: 'needs_matched', value: 80 },
  { login: 'gov@demo.cn', indicator: 'projects_completed', value: 20 },
  { login: 'gov@demo.cn', indicator: 'enterprises_served', value: 12 },
  { login: 'coordinator@demo.cn', indicator: 'agreements_signed', value: 8 },
  { login: 'coordinator@demo.cn', indicator: 'needs_posted', value: 80 },
];

export async function seedDemoHistory(db: Database, orgIds: Map<string, string>, now = new Date()) {
  // Nobody logs in as a generated organisation: their users get the hash of a password no one has.
  const passwordHash = await hashPassword(randomUUID());
  await db.transaction((tx) =>
    generateHistory(tx, { size: DEMO_HISTORY, now, associationId: orgIds.get('association'), passwordHash }),
  );
  // PGlite has no autovacuum: without statistics the planner takes a bulk-loaded table for a handful of rows and
  // answers the report queries with nested loops.
  await db.execute(sql`analyze`);
  const reports = createReportService({ db, access: createAccessPolicy({ orgs: createOrgRepository() }) });
  const year = Number(platformDate(now).slice(0, 4));
  for (const target of TARGETS) {
    await reports.setTarget(await actorOf(db, target.login), year, target.indicator, { value: target.value });
  }
}
