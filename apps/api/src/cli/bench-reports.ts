// pnpm bench:reports [scale] [server-url]: the report dashboard's speed on a generated history. Scale 1 is about
// 50,000 listings, 10,000 agreements, 30,000 projects and 200,000 events; run small (0.01) to see that it works.
// On PGlite, or on a fresh database of the PostgreSQL server named (dropped at the end).
// Prints each dashboard request's first (cold: nothing kept) time alone, then its p50/p95 through HTTP at 10
// concurrent clients (warm: figures kept until a write), the PDF of a year, and the same figures' queries run
// directly in SQL (never kept).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
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

const SERVER = process.argv[3] ?? null;

/** A fresh database on the server, or PGlite in a temporary folder. */
async function benchDatabase() {
  if (!SERVER) return { url: null, drop: async () => {} };
  const name = `coop_bench_reports_${process.pid}`;
  const server = await openDatabase({ url: SERVER });
  await server.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await server.db.execute(sql.raw(`drop database ${name} with (force)`));
      await server.close();
    },
  };
}

const target = await benchDatabase();
const database = await openDatabase({
  url: target.url,
  dataDir: mkdtempSync(join(tmpdir(), 'coop-bench-reports-')),
});
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
  `/api/reports/breakdown?${period}&indicator=agreements_signed&by=designation`,
  `/api/reports/breakdown?${period}&indicator=agreements_signed&by=org_kind`,
  `/api/reports/overdue?${period}&page=1&pageSize=10`,
  `/api/reports/top-orgs?${period}&indicator=contract_value`,
  `/api/reports/drill?${period}&indicator=agreements_signed&page=1&pageSize=10`,
];
const label = (url: string) =>
  `${url.split('?')[0]}${url.includes('by=') ? ` (${/by=(\w+)/.exec(url)![1]})` : ''}`;
const get = (url: string) =>
  fetch(`${base}${url}`, { headers: { authorization: `Bearer ${login.accessToken}` } }).then(
    async (response) => {
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    },
  );

// A target, so the targets request computes an actual (and a write, so nothing computed so far is kept).
await fetch(`${base}/api/targets/${year}/agreements_signed`, {
  method: 'PUT',
  headers: { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' },
  body: JSON.stringify({ value: 100 }),
});
// Cold: each request once, alone, before anything of it is kept.
const cold: number[] = [];
for (const url of urls) {
  const t = performance.now();
  await get(url);
  cold.push(performance.now() - t);
}

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

// The PDF of the whole year: its figures are of another period than the dashboard's, so the first is cold.
const pdfTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await get(`/api/reports/pdf?from=${year}-01-01&to=${year}-12-31&lang=zh-CN`);
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
for (const [id, by] of [
  ['agreements_signed', 'month'],
  ['needs_posted', 'region'],
  ['needs_posted', 'field'],
  ['agreements_signed', 'designation'],
  ['agreements_signed', 'org_kind'],
] as const) {
  t = performance.now();
  await repository.figures(database.db, indicatorSql(id)!, window, by);
  direct.push([`${id} by ${by}`, performance.now() - t]);
}
t = performance.now();
await repository.overdue(database.db, window, 1, 10);
direct.push(['overdue', performance.now() - t]);
t = performance.now();
await repository.topOrgs(database.db, indicatorSql('contract_value')!, window, 10);
direct.push(['top organisations (contract_value)', performance.now() - t]);

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(
  `\nreports bench · scale ${SCALE} · ${database.driver === 'pg' ? 'PostgreSQL server' : 'PGlite'} · ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
);
console.log(
  `data: ${scaled(30_000) + scaled(20_000)} listings, ${sizes.agreements} agreements, ${sizes.projects} projects, ${sizes.events} events (generated in ${loadSeconds.toFixed(1)} s)`,
);
console.log(
  `\ncold: each request's first answer, alone; warm: HTTP at ${CONCURRENCY} clients, ${REQUESTS_PER_URL} requests per URL, nothing written meanwhile (failures: ${load.failures}):`,
);
urls.forEach((url, index) => {
  const values = load.latencies[url] ?? [];
  console.log(
    `  cold ${ms(cold[index]!).padStart(10)}  warm p50 ${ms(percentile(values, 0.5)).padStart(9)}  p95 ${ms(percentile(values, 0.95)).padStart(9)}  ${label(url)}`,
  );
});
console.log(`\nPDF report of ${year} (first cold, then warm): ${pdfTimes.map(ms).join(', ')}`);
console.log('\nthe same figures directly in SQL (one query each):');
for (const [name, value] of direct) console.log(`  ${ms(value).padStart(10)}  ${name}`);

await app.close();
await database.close();
await target.drop();
