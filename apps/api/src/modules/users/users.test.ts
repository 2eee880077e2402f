import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema/index.js';
import { createTestPlatform, freshAddress, login, type TestPlatform } from '../../test/harness.js';
import { dateIn } from '../../calendar.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

const request = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  platform.app.inject({ method, url, headers, payload, remoteAddress: freshAddress() });

async function userId(email: string) {
  const [row] = await platform.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

const openSessions = async (id: string) =>
  (
    await platform.database.db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)))
  )[0]!.n;

async function auditActions(targetId: string) {
  const rows = await platform.database.db
    .select({ action: auditLog.action, actor: auditLog.actorUserId })
    .from(auditLog)
    .where(eq(auditLog.targetId, targetId))
    .orderBy(auditLog.id);
  return rows;
}

describe('account administration', () => {
  it('lists and searches accounts for platform administrators only', async () => {
    const admin = await login(platform.app, 'admin@demo.cn');
    const all = await request('GET', '/api/admin/users?pageSize=100', admin.headers);
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((u: { email: string }) => u.email)).toContain('college@demo.cn');

    const found = await request('GET', '/api/admin/users?q=%E6%81%92%E5%B7%9D', admin.headers); // 恒川
    expect(found.json().items.map((u: { email: string }) => u.email)).toEqual(['enterprise@demo.cn']);

    for (const email of ['coordinator@demo.cn', 'enterprise@demo.cn', 'gov@demo.cn']) {
      const other = await login(platform.app, email);
      expect((await request('GET', '/api/admin/users', other.headers)).statusCode).toBe(403);
    }
    expect((await request('GET', '/api/admin/users', {})).statusCode).toBe(401);
  });

  it('disabling ends the sessions at once and refuses logins until enabled again', async () => {
    const admin = await login(platform.app, 'admin@demo.cn');
    const college = await login(platform.app, 'college@demo.cn');
    const id = await userId('college@demo.cn');
    expect((await request('GET', '/api/me', college.headers)).statusCode).toBe(200);

    const disabled = await request('POST', `/api/admin/users/${id}/disable`, admin.headers, {
      reason: 'Left the university',
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({
      status: 'disabled',
      disabledReason: 'Left the university',
      activeSessions: 0,
    });
    expect((await request('GET', '/api/me', college.headers)).json().error.code).toBe('session_ended');
    expect(await openSessions(id)).toBe(0);

    const refused = await request(
      'POST',
      '/api/auth/login',
      {},
      { email: 'college@demo.cn', password: 'demo-password' },
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('account_disabled');

    const enabled = await request('POST', `/api/admin/users/${id}/enable`, admin.headers);
    expect(enabled.json().status).toBe('active');
    expect((await login(platform.app, 'college@demo.cn')).token).toBeTruthy();

    const actions = (await auditActions(id)).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.disabled', 'login.refused_disabled', 'user.enabled', 'login.succeeded']),
    );
  });

  it('refuses to disable your own account, a missing reason, and unknown fields', async () => {
    const admin = await login(platform.app, 'admin@demo.cn');
    const self = await request('POST', `/api/admin/users/${admin.userId}/disable`, admin.headers, {
      reason: 'test',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('cannot_disable_self');
    const id = await userId('gov@demo.cn');
    const noReason = await request('POST', `/api/admin/users/${id}/disable`, admin.headers, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('body.reason');
    const extra = await request('POST', `/api/admin/users/${id}/disable`, admin.headers, {
      reason: 'ok',
      role: 'admin',
    });
    expect(extra.statusCode).toBe(400);
    expect(
      (await request('GET', '/api/me', (await login(platform.app, 'gov@demo.cn')).headers)).statusCode,
    ).toBe(200);
  });

  it('a password reset link works once, ends the old sessions, and is refused by others', async () => {
    const admin = await login(platform.app, 'admin@demo.cn');
    const gov = await login(platform.app, 'gov@demo.cn');
    const id = await userId('gov@demo.cn');
    const enterprise = await login(platform.app, 'enterprise@demo.cn');
    expect(
      (await request('POST', `/api/admin/users/${id}/password-reset`, enterprise.headers)).statusCode,
    ).toBe(403);

    const issued = await request('POST', `/api/admin/users/${id}/password-reset`, admin.headers);
    expect(issued.statusCode).toBe(201);
    const token = new URL(issued.json().resetUrl, 'http://x').searchParams.get('token')!;

    const short = await request('POST', '/api/auth/password-reset', {}, { token, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('body.newPassword');

    const reset = await request(
      'POST',
      '/api/auth/password-reset',
      {},
      { token, newPassword: 'a-new-long-password' },
    );
    expect(reset.statusCode).toBe(204);
    expect((await request('GET', '/api/me', gov.headers)).statusCode).toBe(401);
    const again = await request(
      'POST',
      '/api/auth/password-reset',
      {},
      { token, newPassword: 'another-password' },
    );
    expect(again.json().error.code).toBe('reset_invalid');
    const withNew = await request(
      'POST',
      '/api/auth/login',
      {},
      { email: 'gov@demo.cn', password: 'a-new-long-password' },
    );
    expect(withNew.statusCode).toBe(200);
  });
});

describe('audit log', () => {
  it('keeps logins, failures and exports, filtered, for administrators only', async () => {
    const failed = await request(
      'POST',
      '/api/auth/login',
      {},
      { email: 'enterprise@demo.cn', password: 'wrong-password' },
    );
    expect(failed.statusCode).toBe(401);
    const enterprise = await login(platform.app, 'enterprise@demo.cn');
    expect(
      (await request('GET', '/api/export/needs?format=csv&org=mine', enterprise.headers)).statusCode,
    ).toBe(200);
    const admin = await login(platform.app, 'admin@demo.cn');

    const failures = await request(
      'GET',
      '/api/admin/audit?action=login.failed&target=enterprise%40demo.cn',
      admin.headers,
    );
    expect(failures.statusCode).toBe(200);
    expect(failures.json().items[0]).toMatchObject({
      action: 'login.failed',
      actor: null,
      targetLabel: 'enterprise@demo.cn',
      details: { reason: 'wrong_password' },
    });

    const exports = await request('GET', '/api/admin/audit?action=export&actor=enterprise', admin.headers);
    expect(exports.json().items[0]).toMatchObject({
      action: 'export',
      actor: { email: 'enterprise@demo.cn' },
    });
    expect(exports.json().items[0].targetLabel).toContain('/api/export/needs');

    // The admin reads days on their own calendar (China's by default), not UTC's.
    const today = dateIn('Asia/Shanghai');
    const future = await request('GET', `/api/admin/audit?from=2099-01-01`, admin.headers);
    expect(future.json().total).toBe(0);
    const recent = await request('GET', `/api/admin/audit?to=${today}&pageSize=5`, admin.headers);
    expect(recent.json().items).toHaveLength(5);

    expect((await request('GET', '/api/admin/audit', enterprise.headers)).statusCode).toBe(403);
    expect((await request('GET', '/api/admin/audit?action=nonsense', admin.headers)).statusCode).toBe(400);
  });
});
