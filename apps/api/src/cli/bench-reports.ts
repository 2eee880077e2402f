// pnpm bench:reports [scale]: the report dashboard's speed on a generated history. Scale 1 is about 50,000
// listings, 10,000 agreements, 20–30,000 projects and 200,000 events; run small (0.01) to see that it works.
// Prints each dashboard request's p50/p95 through HTTP at 10 concurrent clients, the PDF of a year, and the same
// figures' queries run directly in SQL.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { indicators } from '@coop/shared';
import { openDatabase } from '../db/client.js';
import { agreements, events, projects } from '../db/schema/index.js';
import { platformDate } from '../modules/agreements/dates.js';
import { indicatorSql } from '../modules/reports/indicators.js';
import { createReportRepository, type ReportWindow } from '../modules/reports/repository.js';
import { buildBenchApp } from './bench-app.js';
import { loadBenchHistory } from './bench-data.js';

const SCALE = Number(process.argv[2] ?? 1);
const CONCURRENCY = 10;
const REQUESTS_PER_URL = Math.max(20, Math.round(200 * Math.min(1, SCALE * 10)));
const scaled = (n: number) => Math.max(1, Math.round(n * SCALE));

const dataDir = mkdtempSync(join(tmpdir(), 'coop-bench-reports-'));
const database = await openDatabase({ url: null, dataDir });
await database.migrate();
const loadSeconds = await loadBenchHistory(database, SCALE);
const sizes = Object.fromEntries(
  await Promise.all(
    Object.entries({ agreements, projects, events }).map(async ([name, table]) => [
      name,
      (await database.db.select({ n: count() }).from(table))[0]!.n,
    ]),
  ),
);

const app = await buildBenchApp(database);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const login = (await (
  await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'gov@demo.cn', password: 'demo-password' }),
  })
).json()) as { accessToken: string };

const today = platformDate();
const year = today.slice(0, 4);
const period = `from=${year}-01-01&to=${today}`;
const urls = [
  `/api/reports/summary?${period}`,
  `/api/reports/funnel?${period}`,
  `/api/targets?year=${year}`,
  `/api/reports/breakdown?${period}&indicator=agreements_signed&by=month`,
  `/api/reports/breakdown?${period}&indicator=needs_posted&by=region`,
  `/api/reports/breakdown?${period}&indicator=needs_posted&by=field`,
  `/api/reports/overdue?${period}&page=1&pageSize=10`,
  `/api/reports/drill?${period}&indicator=agreements_signed&page=1&pageSize=10`,
];

// The load runs in its own process (node:http, kept-alive), a bounded number of requests per URL.
const loadScript = `
const http = require('node:http');
const [base, concurrency, perUrl, token, urls] = [process.argv[1], +process.argv[2], +process.argv[3], process.argv[4], JSON.parse(process.argv[5])];
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const get = (url) => new Promise((resolve, reject) =>
  http.get(url, { agent, headers: { authorization: 'Bearer ' + token } }, (res) => res.resume().on('end', () => resolve(res.statusCode))).on('error', reject));
const jobs = urls.flatMap((url) => Array.from({ length: perUrl }, () => url));
const latencies = Object.fromEntries(urls.map((u) => [u, []])); let failures = 0; let next = 0;
async function worker() { while (next < jobs.length) { const url = jobs[next++]; const t = performance.now();
  try { if ((await get(base + url)) !== 200) failures++; } catch { failures++; } latencies[url].push(performance.now() - t); } }
Promise.all(Array.from({ length: concurrency }, worker)).then(() => console.log(JSON.stringify({ latencies, failures })));`;
const load = await new Promise<{ latencies: Record<string, number[]>; failures: number }>(
  (resolve, reject) => {
    const child = spawn(process.execPath, [
      '-e',
      loadScript,
      base,
      String(CONCURRENCY),
      String(REQUESTS_PER_URL),
      login.accessToken,
      JSON.stringify(urls),
    ]);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited ${code}`)),
    );
  },
);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};

const pdfTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const response = await fetch(`${base}/api/reports/pdf?from=${year}-01-01&to=${year}-12-31&lang=zh-CN`, {
    headers: { authorization: `Bearer ${login.accessToken}` },
  });
  await response.arrayBuffer();
  pdfTimes.push(performance.now() - t);
}

// The same figures, their SQL run directly against the database (no HTTP, no JSON), one at a time.
const repository = createReportRepository();
const window: ReportWindow = {
  from: `${year}-01-01`,
  to: today,
  scope: { kind: 'region', regionCode: '330000' },
  regionCode: null,
  today,
};
const direct: [string, number][] = [];
for (const indicator of indicators()) {
  const definition = indicatorSql(indicator.id);
  if (!definition) continue;
  const t = performance.now();
  await repository.figures(database.db, definition, window, null);
  direct.push([indicator.id, performance.now() - t]);
}
let t = performance.now();
await repository.funnel(database.db, window);
direct.push(['funnel', performance.now() - t]);
t = performance.now();
await repository.figures(database.db, indicatorSql('needs_posted')!, window, 'region');
direct.push(['needs_posted by region', performance.now() - t]);

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(`\nreports bench · scale ${SCALE} · ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`);
console.log(
  `data: ${scaled(30_000) + scaled(20_000)} listings, ${sizes.agreements} agreements, ${sizes.projects} projects, ${sizes.events} events (generated in ${loadSeconds.toFixed(1)} s)`,
);
console.log(
  `\nHTTP at ${CONCURRENCY} clients, ${REQUESTS_PER_URL} requests per URL (failures: ${load.failures}):`,
);
for (const url of urls) {
  const values = load.latencies[url] ?? [];
  console.log(
    `  p50 ${ms(percentile(values, 0.5)).padStart(10)}  p95 ${ms(percentile(values, 0.95)).padStart(10)}  ${url.split('?')[0]}${url.includes('by=') ? ` (${/by=(\w+)/.exec(url)![1]})` : ''}`,
  );
}
console.log(`\nPDF report of ${year}: ${pdfTimes.map(ms).join(', ')}`);
console.log('\nthe same figures directly in SQL (one query each):');
for (const [name, value] of direct) console.log(`  ${ms(value).padStart(10)}  ${name}`);

await app.close();
await database.close();
