import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../db/schema/index.js';
import { createTestPlatform, freshAddress, login, type TestPlatform } from '../../test/harness.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

const call = (method: 'GET' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
  platform.app.inject({ method, url, headers, payload, remoteAddress: freshAddress() });

async function notify(email: string, at: string, kind: string) {
  const [user] = await platform.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  await platform.database.db
    .insert(notifications)
    .values({ userId: user!.id, kind, entityType: 'need', entityId: randomUUID(), createdAt: new Date(at) });
}

describe("the digest on the reader's calendar", () => {
  it('shows a London reader the notifications of their own day, not China’s', async () => {
    const reader = await login(platform.app, 'enterprise@demo.cn');
    // 23:30 on 30 June in London (BST) — already 1 July in China.
    await notify('enterprise@demo.cn', '2026-06-30T22:30:00Z', 'tz_before');
    // 21:00 on 1 July in London — 2 July in China.
    await notify('enterprise@demo.cn', '2026-07-01T20:00:00Z', 'tz_evening');

    const inChina = (await call('GET', '/api/notifications/digest?date=2026-07-01', reader.headers)).json();
    expect(inChina.byKind).toMatchObject({ tz_before: 1 });
    expect(inChina.byKind.tz_evening).toBeUndefined();

    const set = await call('PATCH', '/api/me', reader.headers, { timeZone: 'Europe/London' });
    expect(set.statusCode).toBe(200);
    expect(set.json().timeZone).toBe('Europe/London');
    expect((await call('GET', '/api/me', reader.headers)).json().timeZone).toBe('Europe/London');

    const inLondon = (await call('GET', '/api/notifications/digest?date=2026-07-01', reader.headers)).json();
    expect(inLondon.byKind).toMatchObject({ tz_evening: 1 });
    expect(inLondon.byKind.tz_before).toBeUndefined();
  });

  it('starts a new account on China time', async () => {
    const reader = await login(platform.app, 'college@demo.cn');
    expect((await call('GET', '/api/me', reader.headers)).json().timeZone).toBe('Asia/Shanghai');
  });

  it('refuses a time zone that does not exist, naming the field', async () => {
    const reader = await login(platform.app, 'college@demo.cn');
    for (const timeZone of ['Mars/Olympus_Mons', 'x'.repeat(65), '']) {
      const answer = await call('PATCH', '/api/me', reader.headers, { timeZone });
      expect(answer.statusCode).toBe(400);
      expect(JSON.stringify(answer.json().error)).toContain('timeZone');
    }
    const unknown = await call('PATCH', '/api/me', reader.headers, { timeZone: 'UTC', locale: 'fr' });
    expect(unknown.statusCode).toBe(400);
    expect((await call('GET', '/api/me', reader.headers)).json().timeZone).toBe('Asia/Shanghai');
  });
});
