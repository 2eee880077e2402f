import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';
import { testDatabaseUrl } from '../../config.js';
import { EmbeddedSearchEngine } from '../../search/embedded.js';
import { createTestPlatform, TEST_JWT_SECRET, type LoggedIn, type TestPlatform } from '../../test/harness.js';
import { caller, frameworkTerms, logins, runningAgreement } from '../agreements/testing.js';

interface Message {
  id?: string;
  event?: string;
  data: { entityId?: string; action?: string; after?: Record<string, unknown> } & Record<string, unknown>;
}

/** Reads a live stream with fetch, as a browser's fetch-based SSE client would. */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const messages: Message[] = [];
  const waiters = new Set<() => void>();
  if (response.ok) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          buffer += chunk.value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const fields = Object.fromEntries(
              buffer
                .slice(0, end)
                .split('\n')
                .filter((line) => line && !line.startsWith(':'))
                .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
            );
            buffer = buffer.slice(end + 2);
            if (fields.data !== undefined)
              messages.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // Aborted by the test.
      }
    })();
  }
  return {
    status: response.status,
    messages,
    /** The first message matching, waiting up to `ms`. */
    next(match: (message: Message) => boolean, ms = 1000): Promise<Message> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${ms} ms; got ${JSON.stringify(messages)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

const ready = (m: Message) => m.event === 'ready';

let platform: TestPlatform;
let base: string;
let call: ReturnType<typeof caller>;
let enterprise: LoggedIn;
let college: LoggedIn;
let vocational: LoggedIn;
let outsider: LoggedIn;
let item: { id: string; version: number };
let projectId: string;

const streamOf = (app: App) =>
  `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/events/stream`;

beforeAll(async () => {
  platform = await createTestPlatform();
  call = caller(platform.app);
  [enterprise, college, vocational, outsider] = await logins(platform.app, [
    'enterprise',
    'college',
    'vocational',
    'ouyue',
  ]);
  const agreement = await runningAgreement(platform.app, enterprise, [
    enterprise.orgId,
    college.orgId,
    vocational.orgId,
  ]);
  projectId = (
    await call('POST', `/api/agreements/${agreement.id}/projects`, college, {
      title: '数控技师联合培养',
      ownerOrgId: vocational.orgId,
    })
  ).json().id;
  item = (
    await call('POST', `/api/projects/${projectId}/items`, vocational, {
      title: '培养方案制定',
      responsible: 'joint',
    })
  ).json();
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  base = streamOf(platform.app);
});
afterAll(() => platform?.close());

describe('the live stream', () => {
  it("pushes a ticked checklist item to another party's connection within a second, and not to outsiders", async () => {
    const party = await openStream(`${base}?access_token=${college.token}`);
    const stranger = await openStream(base, outsider.headers);
    await Promise.all([party.next(ready), stranger.next(ready)]);
    const started = Date.now();
    const ticked = await call('PATCH', `/api/items/${item.id}`, enterprise, {
      status: 'done',
      version: item.version,
    });
    item = ticked.json();
    const pushed = await party.next((m) => m.data.entityId === item.id);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(pushed).toMatchObject({
      id: String(pushed.data.id),
      data: { entityType: 'checklist_item', action: 'updated', projectId, after: { status: 'done' } },
    });
    // The outsider's stream works: it gets its own organisation's agreement, but never saw the item.
    const own = (
      await call('POST', '/api/agreements', outsider, frameworkTerms([outsider.orgId, college.orgId]))
    ).json();
    await stranger.next((m) => m.data.entityId === own.id);
    expect(stranger.messages.filter((m) => m.data.entityId === item.id)).toEqual([]);
    party.close();
    stranger.close();
  });

  it('replays what a reconnecting viewer missed, from Last-Event-ID or ?lastEventId=', async () => {
    const first = await openStream(base, college.headers);
    const resumeFrom = (await first.next(ready)).id!;
    first.close();
    const missed = (
      await call('PATCH', `/api/items/${item.id}`, vocational, {
        evidence: '培养方案.pdf',
        version: item.version,
      })
    ).json();
    await call('POST', `/api/projects/${projectId}/notes`, enterprise, { body: '方案已经三方会签。' });
    item = missed;
    for (const resume of [
      { headers: { ...college.headers, 'last-event-id': resumeFrom } },
      { query: `?lastEventId=${resumeFrom}` },
    ]) {
      const again = await openStream(`${base}${resume.query ?? ''}`, resume.headers ?? college.headers);
      await again.next(ready);
      expect(again.messages.map((m) => m.data.action)).toEqual(['updated', 'note_added', undefined]);
      expect(again.messages[0]!.data.after).toEqual({ evidence: '培养方案.pdf' });
      again.close();
    }
  });

  it('refuses connections without a valid token', async () => {
    expect((await openStream(base)).status).toBe(401);
    expect((await openStream(`${base}?access_token=not-a-token`)).status).toBe(401);
    expect((await openStream(`${base}?lastEventId=abc`, college.headers)).status).toBe(400);
  });

  it.runIf(testDatabaseUrl() !== null)(
    'keeps several API processes in step through LISTEN/NOTIFY',
    async () => {
      const other = await buildApp({
        config: { jwtSecret: TEST_JWT_SECRET, webDist: '/nonexistent', trustProxy: false },
        database: platform.database,
        search: new EmbeddedSearchEngine(),
      });
      await other.listen({ port: 0, host: '127.0.0.1' });
      try {
        const elsewhere = await openStream(streamOf(other), college.headers);
        await elsewhere.next(ready);
        const moved = (
          await call('PATCH', `/api/items/${item.id}`, enterprise, {
            status: 'in_progress',
            version: item.version,
          })
        ).json();
        item = moved;
        await elsewhere.next((m) => m.data.entityId === item.id && m.data.after?.status === 'in_progress');
        elsewhere.close();
      } finally {
        await other.close();
      }
    },
  );
});
