// scratch (not committed): time each report query directly on an existing bench data dir
import { sql } from 'drizzle-orm';
import { indicators } from '@coop/shared';
import { openDatabase } from './src/db/client.js';
import { platformDate } from './src/modules/agreements/dates.js';
import { indicatorSql } from './src/modules/reports/indicators.js';
import { createReportRepository, type ReportWindow } from './src/modules/reports/repository.js';
const dir = process.argv[2]!;
const database = await openDatabase({ url: process.env.URL ?? null, dataDir: dir });
await database.migrate();
const db = database.db;
const repository = createReportRepository();
const today = platformDate();
const year = today.slice(0, 4);
const window: ReportWindow = { from: `${year}-01-01`, to: process.argv[3] === 'year' ? `${year}-12-31` : today, scope: { kind: 'region', regionCode: '330000' }, regionCode: null, today };
const time = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); const r = await f(); console.log(`${(performance.now() - t).toFixed(0).padStart(6)} ms  ${name}`); return r; };
let total = 0;
const t0 = performance.now();
for (const indicator of indicators()) {
  const d = indicatorSql(indicator.id); if (!d) continue;
  await time(indicator.id, () => repository.figures(db, d, window, null));
}
console.log('summary total', (performance.now() - t0).toFixed(0));
console.log(JSON.stringify(await time('funnel', () => repository.funnel(db, window))));
for (const [id, by] of [['agreements_signed', 'month'], ['agreements_signed', 'region'], ['needs_posted', 'field'], ['agreements_signed', 'designation']] as const)
  await time(`${id} by ${by}`, () => repository.figures(db, indicatorSql(id)!, window, by));
await database.close();
