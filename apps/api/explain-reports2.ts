import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase } from './src/db/client.js';
import { platformDate } from './src/modules/agreements/dates.js';
import { createReportRepository, type ReportWindow } from './src/modules/reports/repository.js';
const database = await openDatabase({ url: process.env.URL ?? null, dataDir: process.argv[2]! });
const db = database.db;
const today = platformDate(); const year = today.slice(0, 4);
const window: ReportWindow = { from: `${year}-01-01`, to: today, scope: { kind: 'region', regionCode: '330000' }, regionCode: null, today };
// capture the funnel's SQL by a fake executor
let captured: any;
const fake = { execute: async (q: any) => { captured = q; return { rows: [{}] }; } } as any;
await createReportRepository().funnel(fake, window);
const built = new PgDialect().sqlToQuery(captured);
let text = built.sql; built.params.forEach((p: unknown, i: number) => {});
const r: any = await (database as any).db.execute(sql.raw('explain (analyze, costs off) ' + built.sql.replace(/\$(\d+)/g, (_: string, i: string) => `'${built.params[+i - 1]}'`)));
for (const row of r.rows) console.log(row['QUERY PLAN']);
await database.close();
