// pnpm bench:load [scale=1] [seconds=30] [server-url] [--ports=from-to] [--cpu-prof=dir]: the running API under a mixed load beside a bare floor, on
// the embedded default (PGlite, embedded search) or a fresh database of the PostgreSQL server named (dropped at the
// end), over the generated history (scale 1 ≈ 50,000 listings, 10,000 agreements, 200,000 events). The
// suggestion recompute queued at start-up is waited out first, so the figures are the API's, not its backlog's. As logged-in demo users, 200 req/s split 70 % reads, 20 % search, 10 % writes for `seconds`,
// paced evenly; then each group and the floor (bare Fastify, one indexed query on the same database) unthrottled
// (autocannon, 10 connections) for a third of that. Prints p50/p95/p99, throughput, errors and the server's peak RSS per phase; JSON in bench-results/.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { capabilities, needs, notifications, users } from '../db/schema/index.js';
import { loadBenchHistory } from './bench-data.js';
import { buildWorkload, splitRate, type Group, type LoadRequest } from './load-workload.js';

const flag = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
const [scaleArg, secondsArg, serverArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const SCALE = Number(scaleArg ?? 1);
const SECONDS = Number(secondsArg ?? 30);
const SERVER = serverArg ?? null;
// --ports=4200-4399 keeps the servers inside one person's share of the machine's 4000–4999.
const [PORT_FROM, PORT_TO] = (flag('ports') ?? '4000-4999').split('-').map(Number) as [number, number];
// --cpu-prof=dir profiles the server child (node --cpu-prof) into that folder.
const CPU_PROF = flag('cpu-prof');
const RATE = 200;
const UNTHROTTLED_SECONDS = Math.max(5, Math.round(SECONDS / 3));
const READ_GOAL_MS = 50;
const RATIO_GOAL = 0.6;
const WRITER = 'enterprise@demo.cn';
const READERS = ['college@demo.cn', 'coordinator@demo.cn', 'gov@demo.cn', 'yuexi@demo.cn', 'admin@demo.cn'];
const resultsDir = new URL('../../bench-results/', import.meta.url).pathname;
const totalStart = performance.now();
const machineLoad = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** A random free port in BENCH_PORTS (by default 4000–4999, the range the machine's shared rules allow). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = PORT_FROM + Math.floor(Math.random() * (PORT_TO - PORT_FROM + 1));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** A fresh database on the server, or PGlite in a temporary folder. */
async function benchDatabase() {
  if (!SERVER) return { url: null, drop: async () => {} };
  const name = `coop_bench_load_${process.pid}`;
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

// ---- data: generated, then closed so the server child opens it as after a restart.
const target = await benchDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'coop-bench-load-'));
const loading = await openDatabase({ url: target.url, dataDir });
await loading.migrate();
console.log(`Generating the history at scale ${SCALE}…`);
const generateSeconds = await loadBenchHistory(loading, SCALE);
const sample = async (table: typeof needs | typeof capabilities) =>
  (await loading.db.select({ id: table.id }).from(table).where(eq(table.status, 'open')).limit(500)).map(
    (r) => r.id,
  );
const needIds = await sample(needs);
const capabilityIds = await sample(capabilities);
const titles = await loading.db.select({ title: needs.title }).from(needs).limit(400);
// What people type: four characters of a Chinese title, or a word of an English one.
const queries = titles.map(({ title }) =>
  /[\u4e00-\u9fff]/.test(title)
    ? title.replace(/[^\u4e00-\u9fff]/g, '').slice(0, 4)
    : (title.split(/\W+/).find((w) => w.length >= 4) ?? title.slice(0, 6)).toLowerCase(),
);
const [writer] = await loading.db.select({ id: users.id }).from(users).where(eq(users.email, WRITER));
const notificationIds = (
  await loading.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(inArray(notifications.userId, [writer!.id])))
    .limit(200)
).map((r) => r.id);
await loading.close();

// ---- the server child: the API and the floor.
const [apiPort, floorPort] = [await freePort(), await freePort()];
const child: ChildProcess = fork(
  new URL('./bench-load-server.ts', import.meta.url).pathname,
  [target.url ?? '', dataDir, String(apiPort), String(floorPort)],
  { execArgv: ['--import', 'tsx', ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [])] },
);
const ask = <T>(type: string) =>
  new Promise<T>((resolve) => {
    child.once('message', (message) => resolve(message as T));
    child.send({ type });
  });
const ready = await new Promise<{ indexSeconds: number; rss: number }>((resolve, reject) => {
  child.once('message', (message) => resolve(message as { indexSeconds: number; rss: number }));
  child.once('exit', (code) => reject(new Error(`the server exited ${code}`)));
});
const base = `http://127.0.0.1:${apiPort}`;

// The suggestions queued for every listing at start-up compete with requests for the CPU: wait them out.
const backlogAtStart = (await ask<{ backlog: number }>('backlog')).backlog;
const drainStart = performance.now();
for (let left = backlogAtStart; left > 0; left = (await ask<{ backlog: number }>('backlog')).backlog) {
  console.log(`Suggestion backlog: ${left} listings; waiting for it to drain…`);
  await new Promise((resolve) => setTimeout(resolve, 5000));
}
const drainSeconds = (performance.now() - drainStart) / 1000;
const floorBase = `http://127.0.0.1:${floorPort}`;

async function login(email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
const tokens = await Promise.all([WRITER, ...READERS].map(login));
const workload = buildWorkload({ tokens, needIds, capabilityIds, notificationIds, queries });
const detailOnly = workload.reads.filter((r) => r.path.startsWith('/api/needs/'));
const floorRequests: LoadRequest[] = needIds.map((id) => ({
  method: 'GET',
  path: `/floor/needs/${id}`,
  headers: {},
}));

interface Figures {
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Of the errors, requests unanswered within 10 s. */
  timeouts: number;
  statuses: Record<string, number>;
}

/** One autocannon instance cycling through `list`; latencies kept per response for exact percentiles. */
async function drive(
  url: string,
  list: LoadRequest[],
  options: { connections: number; seconds: number },
): Promise<Figures> {
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => ([finish, fail] = [resolve, reject]));
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          setupRequest: (request) => {
            const r = list[next++ % list.length]!;
            return { ...request, method: r.method, path: r.path, headers: r.headers, body: r.body };
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await done;
  return figuresOf(latencies, options.seconds, {
    errors: result.errors + result.timeouts + result.non2xx,
    timeouts: result.timeouts,
    statuses,
  });
}

function figuresOf(
  latencies: number[],
  seconds: number,
  outcome: Pick<Figures, 'errors' | 'timeouts' | 'statuses'>,
): Figures {
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    requests: latencies.length,
    throughput: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    ...outcome,
  };
}

/**
 * `rate` requests a second, one due every 1/rate s for `seconds` however fast the answers come (an open model:
 * people do not wait for each other's pages). autocannon's `overallRate` sends each second's quota back to back
 * as the second starts (its client resets a per-second count), which measures bursts of the whole second's load
 * rather than the rate. A request's latency runs from when it was due, so a client falling behind is counted.
 */
async function pace(url: string, list: LoadRequest[], options: { rate: number; seconds: number }) {
  const latencies: number[] = [];
  const outcome = { errors: 0, timeouts: 0, statuses: {} as Record<string, number> };
  const answers: Promise<void>[] = [];
  const start = performance.now();
  for (let k = 0; k < options.rate * options.seconds; k++) {
    const due = start + (k * 1000) / options.rate;
    const early = due - performance.now();
    if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
    const r = list[k % list.length]!;
    answers.push(
      fetch(`${url}${r.path}`, {
        method: r.method,
        headers: r.headers,
        body: r.body,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          latencies.push(performance.now() - due);
          outcome.statuses[response.status] = (outcome.statuses[response.status] ?? 0) + 1;
          if (!response.ok) outcome.errors += 1;
        },
        (error: Error) => {
          outcome.errors += 1;
          if (error.name === 'TimeoutError') outcome.timeouts += 1;
        },
      ),
    );
  }
  await Promise.all(answers);
  return figuresOf(latencies, options.seconds, outcome);
}

async function phase<T>(run: () => Promise<T>): Promise<{ figures: T; peakRssMiB: number }> {
  await ask('reset');
  const figures = await run();
  const { peakRss } = await ask<{ peakRss: number }>('peak');
  return { figures, peakRssMiB: Math.round(peakRss / 2 ** 20) };
}

const uptimeBefore = machineLoad();
// Warm-up (JIT, caches), not counted.
await drive(base, workload.reads, { connections: 4, seconds: 3 });

const rates = splitRate(RATE);
console.log(`Mixed load at ${RATE} req/s for ${SECONDS} s…`);
const mixed = await phase(async () => {
  const groups = Object.keys(rates) as Group[];
  const figures = await Promise.all(
    groups.map((g) => pace(base, workload[g], { seconds: SECONDS, rate: rates[g] })),
  );
  return Object.fromEntries(groups.map((g, i) => [g, figures[i]!])) as Record<Group, Figures>;
});
console.log(`Each group and the floor unthrottled, ${UNTHROTTLED_SECONDS} s each…`);
const unthrottled = { connections: 10, seconds: UNTHROTTLED_SECONDS };
const open = {
  reads: await phase(() => drive(base, workload.reads, unthrottled)),
  detail: await phase(() => drive(base, detailOnly, unthrottled)),
  search: await phase(() => drive(base, workload.search, unthrottled)),
  writes: await phase(() => drive(base, workload.writes, unthrottled)),
  floor: await phase(() => drive(floorBase, floorRequests, unthrottled)),
};
const uptimeAfter = machineLoad();
const backlogAtEnd = (await ask<{ backlog: number }>('backlog')).backlog;
const stopped = new Promise((resolve) => child.once('exit', resolve));
child.send({ type: 'stop' });
await stopped;
await target.drop();

// ---- report
const detailRatio = open.detail.figures.throughput / open.floor.figures.throughput;
const readsRatio = open.reads.figures.throughput / open.floor.figures.throughput;
const allErrors =
  Object.values(mixed.figures).reduce((n, f) => n + f.errors, 0) +
  Object.values(open).reduce((n, p) => n + p.figures.errors, 0);
const goals = {
  zeroErrors: allErrors === 0,
  readsP95AtRate: mixed.figures.reads.p95 <= READ_GOAL_MS,
  readThroughputVsFloor: detailRatio >= RATIO_GOAL,
};
const runSeconds = (performance.now() - totalStart) / 1000;
const row = (name: string, f: Figures, peak?: number) =>
  `  ${name.padEnd(26)} ${String(f.requests).padStart(7)} ${f.throughput.toFixed(0).padStart(7)}/s  p50 ${f.p50
    .toFixed(0)
    .padStart(
      4,
    )}  p95 ${f.p95.toFixed(0).padStart(4)}  p99 ${f.p99.toFixed(0).padStart(4)} ms  errors ${f.errors}${f.timeouts ? ` (${f.timeouts} timed out)` : ''}${
    peak ? `  peak RSS ${peak} MiB` : ''
  }`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

console.log(`
load bench · scale ${SCALE} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}
machine before: ${uptimeBefore}
machine after:  ${uptimeAfter}
data: history generated in ${generateSeconds.toFixed(0)} s; index built at start-up in ${ready.indexSeconds.toFixed(1)} s; server RSS idle ${Math.round(ready.rss / 2 ** 20)} MiB
suggestion backlog after start-up: ${backlogAtStart} listings, drained in ${drainSeconds.toFixed(0)} s before measuring; at the end: ${backlogAtEnd}
database: ${SERVER ? `PostgreSQL server (${new URL(SERVER).host}), fresh database` : 'PGlite on disk'} + embedded search; the load generator (paced fetch, then autocannon) in its own process

Mixed, ${RATE} req/s paced evenly (reads ${rates.reads}, search ${rates.search}, writes ${rates.writes}) for ${SECONDS} s · server peak RSS ${mixed.peakRssMiB} MiB
                              requests    rate
${row('reads', mixed.figures.reads)}
${row('search', mixed.figures.search)}
${row('writes', mixed.figures.writes)}

Unthrottled, ${unthrottled.connections} connections, ${UNTHROTTLED_SECONDS} s each
${row('reads (mix)', open.reads.figures, open.reads.peakRssMiB)}
${row('reads: need detail', open.detail.figures, open.detail.peakRssMiB)}
${row('search', open.search.figures, open.search.peakRssMiB)}
${row('writes', open.writes.figures, open.writes.peakRssMiB)}
${row('floor (bare Fastify, 1 query)', open.floor.figures, open.floor.peakRssMiB)}
need detail / floor throughput: ${(detailRatio * 100).toFixed(0)} % · read mix / floor: ${(readsRatio * 100).toFixed(0)} %

Goals: zero errors — ${mark(goals.zeroErrors)} (${allErrors}); reads p95 ≤ ${READ_GOAL_MS} ms at ${RATE} req/s — ${mark(goals.readsP95AtRate)} (${mixed.figures.reads.p95.toFixed(0)} ms); read endpoint ≥ ${RATIO_GOAL * 100} % of the floor — ${mark(goals.readThroughputVsFloor)} (${(detailRatio * 100).toFixed(0)} %)
whole run: ${runSeconds.toFixed(0)} s`);

mkdirSync(resultsDir, { recursive: true });
const file = join(
  resultsDir,
  `load-${SERVER ? 'pg-' : ''}${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
writeFileSync(
  file,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      scale: SCALE,
      seconds: SECONDS,
      database: SERVER ? 'postgresql' : 'pglite',
      suggestionBacklog: { atStart: backlogAtStart, drainSeconds, atEnd: backlogAtEnd },
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg: loadavg() },
      uptimeBefore,
      uptimeAfter,
      generateSeconds,
      indexSeconds: ready.indexSeconds,
      rate: RATE,
      rates,
      mixed,
      unthrottled: open,
      ratios: { detailToFloor: detailRatio, readMixToFloor: readsRatio },
      goals,
      runSeconds,
    },
    null,
    2,
  ),
);
console.log(`results: ${file}`);
process.exit(0);
