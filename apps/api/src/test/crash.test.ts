// Faults, continued: the API process killed (SIGKILL, no shutdown) half-way through a bulk import, then started
// again on the same data (PGlite on disk, or the PostgreSQL server). An import is resumable, not all-or-nothing:
// each row commits with its search-outbox entry, so the rows before the crash stay whole and the rest never began;
// the same file imported again updates the first and creates the rest. Afterwards the data is consistent, the
// outbox drains, the index equals the database, and the person importing is told where it stopped.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { openConfigured } from '../cli/open.js';
import { loadConfig, testDatabaseUrl } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { EmbeddedSearchEngine } from '../search/embedded.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import {
  createServerDatabase,
  expectFoundByTitle,
  login,
  multipartFile,
  TEST_JWT_SECRET,
} from './harness.js';

const ROWS = 150;
const titles = Array.from(
  { length: ROWS },
  (_, i) => `断电测试需求 Crash import ${String(i + 1).padStart(3, '0')}`,
);
const file = [
  'title,description,fields,keywords,cooperation_types,region',
  ...titles.map(
    (title) =>
      `"${title}","${title}：需要合作单位提供检测方案与工艺优化服务。",数控机床,导入;断电,联合研发,台州市`,
  ),
].join('\n');

const serverUrl = testDatabaseUrl();
let postgres: Awaited<ReturnType<typeof createServerDatabase>> | null = null;
let dataDir: string;
let env: Record<string, string>;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

/** The real server (src/server.ts) in a child process, resolved once it listens. */
async function startServer(port: number): Promise<ChildProcess> {
  const child = fork(new URL('../server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Platform ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited ${code} before listening`)));
  });
  return child;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'coop-crash-'));
  env = { DATA_DIR: dataDir, SEED_DEMO: 'true', JWT_SECRET: TEST_JWT_SECRET };
  if (serverUrl) {
    postgres = await createServerDatabase(serverUrl, 'crash');
    env.DATABASE_URL = postgres.url;
  }
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await postgres?.drop();
});

describe('the API killed during an import', () => {
  /** What the client that sent the file heard before the connection broke. */
  let heard: { lines: object[]; broke: boolean };

  it('loses the connection mid-way, with progress heard and no report', async () => {
    const port = await freePort();
    const server = await startServer(port);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      const signedIn = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'enterprise@demo.cn', password: DEMO_PASSWORD }),
      });
      const { accessToken } = (await signedIn.json()) as { accessToken: string };
      const form = new FormData();
      form.append('file', new Blob([file], { type: 'text/csv' }), 'needs.csv');
      const response = await fetch(`${base}/api/import/needs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/x-ndjson' },
        body: form,
      });
      expect(response.status).toBe(200);
      heard = { lines: [], broke: false };
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let pending = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          pending += decoder.decode(value, { stream: true });
          const lines = pending.split('\n');
          pending = lines.pop()!;
          heard.lines.push(...lines.filter(Boolean).map((line) => JSON.parse(line) as object));
          // The first progress line: rows are going in. Pull the plug.
          if (heard.lines.length === 1) server.kill('SIGKILL');
        }
      } catch {
        heard.broke = true;
      }
    } finally {
      server.kill('SIGKILL');
      await exited;
    }
    expect(heard.lines[0]).toEqual({ progress: { processed: 25, total: ROWS } });
    expect(heard.lines.some((line) => 'report' in line)).toBe(false);
  }, 120_000);

  describe('started again on the same data', () => {
    let database: DatabaseHandle;
    let search: EmbeddedSearchEngine;
    let app: App;
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    const imported = () =>
      rows<{ id: string; title: string; pending: number }>(sql`
        select n.id, n.title,
          (select count(*)::int from search_outbox o where o.entity_id = n.id and o.processed_at is null) as pending
        from needs n where n.title like '断电测试需求%' order by n.title`);

    beforeAll(async () => {
      // As src/server.ts starts, in-process so the test can read the engine and the database.
      const config = loadConfig(env);
      database = await openConfigured(config);
      search = new EmbeddedSearchEngine();
      app = await buildApp({ config: { ...config, webDist: '/nonexistent' }, database, search });
      await app.ready();
      await app.indexer.start();
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('holds whole rows for the first part of the file and nothing of the rest', async () => {
      const found = await imported();
      expect(found.length).toBeGreaterThanOrEqual(25);
      expect(found.length).toBeLessThan(ROWS);
      // Rows go in order, one transaction each: what is there is exactly a beginning of the file, once each.
      expect(found.map((row) => row.title)).toEqual(titles.slice(0, found.length));
      const outboxed = await rows<{ n: number }>(sql`
        select count(distinct o.entity_id)::int as n from search_outbox o
        join needs n on n.id = o.entity_id where n.title like '断电测试需求%'`);
      expect(outboxed[0]!.n).toBe(found.length);
    });

    it('finishes when the same file is imported again: updated up to the crash, created after it', async () => {
      const before = (await imported()).length;
      const enterprise = await login(app, 'enterprise@demo.cn');
      const { payload, headers } = multipartFile('needs.csv', file, 'text/csv');
      const response = await app.inject({
        method: 'POST',
        url: '/api/import/needs',
        payload,
        headers: { ...enterprise.headers, ...headers },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        total: ROWS,
        created: ROWS - before,
        updated: before,
        rejected: 0,
      });
      expect((await imported()).map((row) => row.title)).toEqual(titles);
    }, 120_000);

    it('drains the outbox, and the index holds exactly the database’s needs', async () => {
      await expect
        .poll(
          async () => {
            await app.indexer.drain();
            return (await app.indexer.lag()).pending;
          },
          { timeout: 60_000, interval: 200 },
        )
        .toBe(0);
      expect((await imported()).every((row) => row.pending === 0)).toBe(true);
      const stored = await rows<{ n: number }>(sql`select count(*)::int as n from needs`);
      expect(await search.count('needs')).toBe(stored[0]!.n);
      await expectFoundByTitle(search, await imported());
    }, 90_000);
  });
});
