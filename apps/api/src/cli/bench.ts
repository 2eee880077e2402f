// pnpm bench: the platform's speed with 50,000 needs + capabilities (half Chinese, half English) loaded.
// Prints search latency through HTTP at 20 concurrent clients, write-to-searchable latency, full reindex
// time and memory, with the machine it ran on. Text comes from shared/data when present, else from the taxonomy.
// The database is new, so start-up finds no stored suggestions and recomputes every listing's in the background
// (a restart on unchanged data recomputes none); search and matching are measured while it runs, and its rate
// is reported. `pnpm bench [listings] --recompute` also waits for the whole recompute.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { FIELD_CODES, fieldLabel } from '@coop/shared';
import { openDatabase } from '../db/client.js';
import { capabilities, needs, organizations, users } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { EmbeddedSearchEngine } from '../search/embedded.js';
import { RankingThread } from '../modules/matching/ranking-thread.js';
import { WorkerSearchEngine } from '../search/embedded-worker.js';
import { INDEX_OF } from '../search/indexes.js';
import { buildBenchApp } from './bench-app.js';

const args = process.argv.slice(2);
const TOTAL = Number(args.find((arg) => !arg.startsWith('--')) ?? 50_000);
const WHOLE_RECOMPUTE = args.includes('--recompute');
// `--in-process` runs the embedded engine and the ranking on the main thread instead, to compare.
const IN_PROCESS = args.includes('--in-process');
const CONCURRENCY = 20;
const DURATION_MS = 15_000;
const shared = new URL('../../../../../shared/data/', import.meta.url).pathname;

function corpus(): { zh: string[]; en: string[] } {
  const read = (file: string) =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { title: string; description: string })
      : [];
  const zh = read(`${shared}zh-needs-dev/needs.jsonl`).map((n) => `${n.title}。${n.description}`);
  const en = read(`${shared}match-dev/capabilities.jsonl`).map((c) => `${c.title}. ${c.description}`);
  const labels = FIELD_CODES.map((code) => [fieldLabel(code, 'zh-CN'), fieldLabel(code, 'en')] as const);
  return {
    zh: zh.length ? zh : labels.map(([z]) => `${z}技术研发与应用，需要高校合作开展${z}关键技术攻关。`),
    en: en.length
      ? en
      : labels.map(([, e]) => `${e} research and applications, seeking partners for ${e} development.`),
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const texts = corpus();
// On disk, as the embedded default runs (an in-memory PGlite would count the whole database as API memory).
const dataDir = mkdtempSync(join(tmpdir(), 'coop-bench-'));
const loading = await openDatabase({ url: null, dataDir });
await loading.migrate();
const [org] = await loading.db
  .insert(organizations)
  .values({
    kind: 'enterprise',
    nameZh: '基准企业',
    nameEn: 'Bench Co',
    regionCode: '330100',
    verified: true,
  })
  .returning();
const [college] = await loading.db
  .insert(organizations)
  .values({
    kind: 'college',
    nameZh: '基准大学',
    nameEn: 'Bench University',
    regionCode: '330100',
    verified: true,
  })
  .returning();
const [user] = await loading.db
  .insert(users)
  .values({
    orgId: org!.id,
    email: 'bench@bench.test',
    passwordHash: await hashPassword('bench-password-1'),
    displayName: 'Bench',
    orgRole: 'admin',
  })
  .returning();
await loading.db.insert(users).values({
  orgId: college!.id,
  email: 'college@bench.test',
  passwordHash: user!.passwordHash,
  displayName: 'Bench',
  orgRole: 'admin',
});

/** Listings numbered from `start`, alternately Chinese and English: half needs, half capabilities, or all capabilities. */
async function insertListings(db: typeof loading.db, start: number, count: number, needsToo: boolean) {
  for (let from = start; from < start + count; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, start + count - from) }, (_, k) => {
      const i = from + k;
      const pool = i % 2 === 0 ? texts.zh : texts.en;
      const text = pool[i % pool.length]!;
      const cut = text.indexOf(i % 2 === 0 ? '。' : '. ');
      return {
        title: `${(cut > 0 ? text.slice(0, cut) : text.slice(0, 40)).slice(0, 180)} #${i}`,
        description: text.slice(0, 1200),
        fields: [FIELD_CODES[i % FIELD_CODES.length]!],
        cooperationTypes: ['joint_rnd'],
        regionCode: '330100',
        status: 'open' as const,
        publishedAt: new Date(),
        createdBy: user!.id,
      };
    });
    const half = needsToo ? rows.length / 2 : 0;
    if (half > 0) await db.insert(needs).values(rows.slice(0, half).map((r) => ({ ...r, orgId: org!.id })));
    await db
      .insert(capabilities)
      .values(rows.slice(half).map((r) => ({ ...r, orgId: college!.id, kind: 'research_team' as const })));
  }
}

console.log(`Loading ${TOTAL} listings into PGlite…`);
await insertListings(loading.db, 0, TOTAL, true);

// The API then starts on that data as after a restart: creating the database (initdb) leaves memory in the
// process that a running server does not carry.
await loading.close();
const database = await openDatabase({ url: null, dataDir });
// As the API runs it embedded: the engine on its own thread.
const engine = IN_PROCESS ? new EmbeddedSearchEngine() : new WorkerSearchEngine();
const app = await buildBenchApp(database, engine, IN_PROCESS ? undefined : new RankingThread());
await app.ready();
let t = performance.now();
await app.indexer.start();
const reindexMs = performance.now() - t;
// Counted from here: the build has its own figure, and the queue waits for it.
const recomputeStart = performance.now();
const backlogAtStart = app.suggestions.backlog();
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

// Queries people type: Chinese ones from zh-needs-dev's query file (a word, two words, a missing character,
// Traditional characters) and English title words, every fifth with a typo.
function typedQueries(): string[] {
  const file = `${shared}zh-needs-dev/queries.jsonl`;
  const zh = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { q: string }).q)
    : texts.zh.map((text) => text.slice(0, 4));
  const en = texts.en
    .slice(0, 400)
    .flatMap((text) =>
      text
        .slice(0, text.indexOf('. '))
        .split(/\W+/)
        .filter((w) => w.length >= 4)
        .slice(0, 2),
    )
    .map((word, i) => (i % 5 === 4 ? word.slice(0, 2) + word.slice(3) : word).toLowerCase());
  return Array.from({ length: 400 }, (_, i) =>
    i % 2 === 0 ? zh[(i * 7) % zh.length]! : en[(i * 3) % en.length]!,
  );
}
const queries = typedQueries().map(
  (q, i) => `/api/search?type=${i % 3 === 0 ? 'capability' : 'need'}&q=${encodeURIComponent(q)}`,
);

// The load runs in its own process so it does not share the server's event loop, and uses node:http with
// kept-alive connections: it shares the two cores with the server, and fetch costs it four times the CPU.
const loadScript = `
const http = require('node:http');
const [base, concurrency, duration, queries] = [process.argv[1], +process.argv[2], +process.argv[3], JSON.parse(process.argv[4])];
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const get = (url) => new Promise((resolve, reject) =>
  http.get(url, { agent }, (res) => res.resume().on('end', () => resolve(res.statusCode))).on('error', reject));
const latencies = []; let failures = 0; const end = Date.now() + duration; let next = 0;
async function worker() { while (Date.now() < end) { const url = base + queries[next++ % queries.length]; const t = performance.now();
  try { if ((await get(url)) !== 200) failures++; } catch { failures++; } latencies.push(performance.now() - t); } }
Promise.all(Array.from({ length: concurrency }, worker)).then(() => console.log(JSON.stringify({ latencies, failures })));`;
const cpuBeforeLoad = process.cpuUsage();
const load = await new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
  const child = spawn(process.execPath, [
    '-e',
    loadScript,
    base,
    String(CONCURRENCY),
    String(DURATION_MS),
    JSON.stringify(queries),
  ]);
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.on('exit', (code) =>
    code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited ${code}`)),
  );
});
const serverCpu = process.cpuUsage(cpuBeforeLoad);
const backlogDuringSearch = app.suggestions.backlog();
const sorted = load.latencies.sort((a, b) => a - b);
const settledMemory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
};
const memoryServing = settledMemory();

// Write → searchable: post through the API, poll search until the new listing is found.
const login = (await (
  await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@bench.test', password: 'bench-password-1' }),
  })
).json()) as { accessToken: string };
const visible: number[] = [];
for (let i = 0; i < 20; i++) {
  const marker = `benchmarker${i}x${Date.now()}`;
  t = performance.now();
  await fetch(`${base}/api/needs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
    body: JSON.stringify({
      title: `Write latency probe ${marker}`,
      description: 'A probe written by the benchmark to time indexing.',
    }),
  });
  for (;;) {
    const found = (await (await fetch(`${base}/api/search?type=need&q=${marker}`)).json()) as {
      total: number;
    };
    if (found.total > 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  visible.push(performance.now() - t);
}
visible.sort((a, b) => a - b);
// Measured before the rebuilds below, which queue every listing again.
if (WHOLE_RECOMPUTE) await app.suggestions.idle();
const recomputeSeconds = (performance.now() - recomputeStart) / 1000;
// The write probes above queued 20 more; they count as recomputed listings like any other.
const recomputed = backlogAtStart + visible.length - app.suggestions.backlog();
const recomputeRate = recomputed / recomputeSeconds;

t = performance.now();
await app.indexer.rebuild('need');
await app.indexer.rebuild('capability');
const rebuildMs = performance.now() - t;
const memoryAfterRebuild = settledMemory();

// Matches for one need against as many capabilities as there are listings above (the matching goal's scale):
// the capabilities are topped up to TOTAL and their index rebuilt, then each need is matched through HTTP,
// one request at a time.
await insertListings(database.db, TOTAL, TOTAL / 2, false);
await app.indexer.rebuild('capability');
const capabilityCount = await engine.count(INDEX_OF.capability);
const needIds = (
  (await (await fetch(`${base}/api/needs?pageSize=40`)).json()) as { items: { id: string }[] }
).items.map((n) => n.id);
const matchTimes: number[] = [];
for (const id of needIds) {
  t = performance.now();
  await (await fetch(`${base}/api/needs/${id}/matches?limit=10`)).arrayBuffer();
  matchTimes.push(performance.now() - t);
}
matchTimes.sort((a, b) => a - b);
const memoryAtMatchScale = settledMemory();

console.log(`
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}
Listings: ${TOTAL} (half Chinese, half English); embedded engine and ranking ${IN_PROCESS ? 'in process' : 'each on a worker thread'}, PGlite
Search through HTTP, ${CONCURRENCY} concurrent clients for ${DURATION_MS / 1000} s: ${sorted.length} requests, ${load.failures} failed
  p50 ${percentile(sorted, 0.5).toFixed(1)} ms · p95 ${percentile(sorted, 0.95).toFixed(1)} ms · p99 ${percentile(sorted, 0.99).toFixed(1)} ms   (goal p95 ≤ 30 ms)
  server CPU ${((serverCpu.user + serverCpu.system) / 1000 / sorted.length).toFixed(2)} ms a request
Matches for a need against ${capabilityCount} capabilities (${matchTimes.length} needs): p50 ${percentile(matchTimes, 0.5).toFixed(0)} ms · p95 ${percentile(matchTimes, 0.95).toFixed(0)} ms   (goal p95 ≤ 100 ms)
Write → searchable (20 writes): p50 ${percentile(visible, 0.5).toFixed(0)} ms · p95 ${percentile(visible, 0.95).toFixed(0)} ms   (goal p95 ≤ 1000 ms)
Suggestions recomputed in the background after the start-up build (${backlogAtStart} queued): ${recomputed} listings in ${recomputeSeconds.toFixed(0)} s, ${recomputeRate.toFixed(1)} a second → all ${TOTAL} in ${(TOTAL / recomputeRate).toFixed(0)} s${WHOLE_RECOMPUTE ? '' : ' (projected; --recompute waits for all)'}   (goal ≤ 600 s)
  search above measured with ${backlogDuringSearch} listings still waiting for their suggestions
Start-up index build: ${(reindexMs / 1000).toFixed(1)} s · full reindex of both indexes: ${(rebuildMs / 1000).toFixed(1)} s   (goal ≤ 60 s)
Memory while serving: RSS ${(memoryServing.rss / 2 ** 20).toFixed(0)} MiB, JS heap ${(memoryServing.heapUsed / 2 ** 20).toFixed(0)} MiB; after a rebuild: RSS ${(memoryAfterRebuild.rss / 2 ** 20).toFixed(0)} MiB; with ${capabilityCount} capabilities: RSS ${(memoryAtMatchScale.rss / 2 ** 20).toFixed(0)} MiB   (goal < 1 GiB)`);
await app.close();
await database.close();
process.exit(0);
