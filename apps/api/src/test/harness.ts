// Test fixtures: a real database (PGlite, or a fresh database on TEST_DATABASE_URL) and the real app.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { buildApp, type App } from '../app.js';
import { testDatabaseUrl } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import type { Ranking } from '../modules/matching/ranking.js';
import { EmbeddedSearchEngine } from '../search/embedded.js';
import { SearchError, type SearchDocument, type SearchEngine } from '../search/port.js';
import type { FileStorage } from '../storage/port.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-use';

/** A fresh, empty database on the TEST_DATABASE_URL server: its URL, and a way to drop it. */
export async function createServerDatabase(serverUrl: string, prefix = 'test') {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(statement);
    await admin.end();
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const database = await openDatabase({ url: null });
    await database.migrate();
    return database;
  }
  const created = await createServerDatabase(serverUrl);
  const database = await openDatabase({ url: created.url });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/** A multipart body with one file in the field `file`, and its content type. */
export function multipartFile(
  filename: string,
  content: Buffer | string,
  contentType = 'application/octet-stream',
) {
  const boundary = '----coop-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface TestPlatform {
  app: App;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The whole API on a fresh database with the demo data; create once per test file. */
export async function createTestPlatform(
  options: { search?: SearchEngine; ranking?: Ranking; storage?: FileStorage } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase();
  // Organisations and logins only: tests post the listings they count.
  await seedDemo(database.db, { listings: false });
  const app = await buildApp({
    config: { jwtSecret: TEST_JWT_SECRET, webDist: '/nonexistent', trustProxy: false },
    database,
    search: options.search ?? new EmbeddedSearchEngine(),
    ranking: options.ranking,
    storage: options.storage,
  });
  await app.ready();
  await app.indexer.ensureIndexes();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let nextAddress = 1;
/** A distinct client address per call, so per-IP login limits of one test do not leak into another. */
export const freshAddress = () => `10.0.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

export interface LoggedIn {
  token: string;
  refreshCookie: string;
  userId: string;
  orgId: string;
  headers: { authorization: string };
}

export async function login(app: App, email: string, password = DEMO_PASSWORD): Promise<LoggedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: freshAddress(),
  });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  const body = response.json();
  const cookie = response.cookies.find((c) => c.name === 'coop_refresh')!;
  return {
    token: body.accessToken,
    refreshCookie: cookie.value,
    userId: body.user.id,
    orgId: body.user.organization.id,
    headers: { authorization: `Bearer ${body.accessToken}` },
  };
}

/** Finds a demo organisation's id by its English name. */
export async function orgId(app: App, nameEn: string): Promise<string> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/orgs?pageSize=100&q=${encodeURIComponent(nameEn)}`,
  });
  const found = response.json().items.find((org: { nameEn: string }) => org.nameEn === nameEn);
  if (!found) throw new Error(`no organisation ${nameEn}`);
  return found.id;
}

/**
 * The real embedded engine with faults switched on and off by tests: `down` fails index updates (the engine
 * unreachable for the indexer), `searchDown` fails searches, `delayMs` makes every call slow.
 */
export class FaultySearchEngine extends EmbeddedSearchEngine {
  down = false;
  searchDown = false;
  delayMs = 0;
  private async fault(failing: boolean) {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (failing) throw new SearchError('unavailable', 'search engine unreachable');
  }
  override async upsert(...args: Parameters<EmbeddedSearchEngine['upsert']>) {
    await this.fault(this.down);
    return super.upsert(...args);
  }
  override async delete(...args: Parameters<EmbeddedSearchEngine['delete']>) {
    await this.fault(this.down);
    return super.delete(...args);
  }
  override async search<D extends SearchDocument = SearchDocument>(
    ...args: Parameters<EmbeddedSearchEngine['search']>
  ) {
    await this.fault(this.searchDown);
    return super.search<D>(...args);
  }
}

/** Registers a new organisation with its first user (an org admin) and logs in; `verify` has the platform admin verify it. */
export async function registerOrg(
  app: App,
  email: string,
  organization: { kind: string; nameZh: string; nameEn: string; regionCode: string },
  options: { verify?: boolean } = {},
): Promise<LoggedIn> {
  const password = 'registered-password';
  const registered = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    remoteAddress: freshAddress(),
    payload: { email, password, displayName: organization.nameEn, organization },
  });
  if (registered.statusCode !== 201)
    throw new Error(`register ${email}: ${registered.statusCode} ${registered.body}`);
  const who = await login(app, email, password);
  if (options.verify) {
    const admin = await login(app, 'admin@demo.cn');
    const verified = await app.inject({
      method: 'POST',
      url: `/api/orgs/${who.orgId}/verification`,
      headers: admin.headers,
      payload: { verified: true, reason: 'Test organisation, verified by the harness' },
    });
    if (verified.statusCode !== 200)
      throw new Error(`verify ${email}: ${verified.statusCode} ${verified.body}`);
  }
  return who;
}

/** Each need is found in the index by its title (an index that equals the database, with its counts). */
export async function expectFoundByTitle(engine: SearchEngine, needs: { id: string; title: string }[]) {
  for (const need of needs) {
    const found = await engine.search('needs', {
      q: need.title,
      pageSize: 5,
      matchingStrategy: 'all',
    } as never);
    expect(
      found.hits.map((hit) => hit.id),
      need.title,
    ).toContain(need.id);
  }
}
