import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, users } from '../../db/schema/index.js';
import { createTestPlatform, freshAddress, login, type TestPlatform } from '../../test/harness.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

const post = (url: string, payload: unknown, extra: Record<string, unknown> = {}) =>
  platform.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    remoteAddress: freshAddress(),
    ...extra,
  });

const me = (authorization: string) =>
  platform.app.inject({ method: 'GET', url: '/api/me', headers: { authorization } });

const userCount = async () => (await platform.database.db.select({ n: count() }).from(users))[0]!.n;

describe('login', () => {
  it('answers a token, the user and an httpOnly refresh cookie', async () => {
    const response = await post('/api/auth/login', {
      email: 'Enterprise@Demo.cn',
      password: 'demo-password',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.expiresIn).toBeLessThanOrEqual(15 * 60);
    expect(body.user.organization.nameEn).toBe('Hengchuan CNC Machine Tools Co., Ltd.');
    const cookie = response.cookies.find((c) => c.name === 'coop_refresh')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.path).toBe('/api/auth');
    // The web app reads this one to know a refresh is worth trying; it carries nothing secret.
    const hint = response.cookies.find((c) => c.name === 'coop_signed_in')!;
    expect(hint).toMatchObject({ value: '1', path: '/' });
    expect(hint.httpOnly).toBeFalsy();
    expect((await me(`Bearer ${body.accessToken}`)).json().email).toBe('enterprise@demo.cn');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await post('/api/auth/login', { email: 'college@demo.cn', password: 'not-the-password' });
    const unknown = await post('/api/auth/login', { email: 'nobody@demo.cn', password: 'whatever' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('locks an account after repeated failures, even from many addresses', async () => {
    await post('/api/auth/register', {
      email: 'lock@demo.cn',
      password: 'long-enough-password',
      displayName: 'Lock',
      organization: {
        kind: 'enterprise',
        nameZh: '锁定测试公司',
        nameEn: 'Lock Test Co',
        regionCode: '330100',
      },
    });
    for (let i = 0; i < 5; i++) {
      expect(
        (await post('/api/auth/login', { email: 'lock@demo.cn', password: `wrong-${i}` })).statusCode,
      ).toBe(401);
    }
    const locked = await post('/api/auth/login', { email: 'lock@demo.cn', password: 'long-enough-password' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('limits attempts per client address', async () => {
    const remoteAddress = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await post(
        '/api/auth/login',
        { email: `someone${i}@demo.cn`, password: 'x' },
        { remoteAddress },
      );
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('access tokens', () => {
  it('refuses a missing, tampered, expired, wrongly signed or foreign-audience token', async () => {
    const { token, userId } = await login(platform.app, 'gov@demo.cn');
    const session = platform.app.jwt.decode<{ sid: string }>(token)!;
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        sub: '00000000-0000-4000-8000-000000000000',
      }),
    ).toString('base64url');
    const expired = platform.app.jwt.sign({ sub: userId, sid: session.sid }, { expiresIn: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const foreign = platform.app.jwt.sign({ sub: userId, sid: session.sid }, { aud: 'someone-else' });
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;

    expect((await me('')).json().error.code).toBe('unauthenticated');
    expect((await me(`Bearer ${header}.${forged}.${signature}`)).json().error.code).toBe('token_invalid');
    expect((await me(`Bearer ${expired}`)).json().error.code).toBe('token_expired');
    expect((await me(`Bearer ${foreign}`)).json().error.code).toBe('token_invalid');
    expect((await me(`Bearer ${unsigned}`)).json().error.code).toBe('token_invalid');
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
  });
});

describe('refresh tokens', () => {
  const refresh = (cookie: string) =>
    platform.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { coop_refresh: cookie } });

  it('rotate on use, and reuse of an old one ends the whole session', async () => {
    const session = await login(platform.app, 'college@demo.cn');
    const first = await refresh(session.refreshCookie);
    expect(first.statusCode).toBe(200);
    const rotated = first.cookies.find((c) => c.name === 'coop_refresh')!.value;
    expect(rotated).not.toBe(session.refreshCookie);

    const replay = await refresh(session.refreshCookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('refresh_reused');
    expect((await refresh(rotated)).statusCode).toBe(401);
    expect((await me(`Bearer ${first.json().accessToken}`)).json().error.code).toBe('session_ended');
  });

  it('are refused when absent or unknown', async () => {
    expect((await platform.app.inject({ method: 'POST', url: '/api/auth/refresh' })).statusCode).toBe(401);
    const unknown = await refresh('made-up-token');
    expect(unknown.statusCode).toBe(401);
    // Both cookies are cleared, so the browser stops trying on later visits.
    const cleared = unknown.cookies.filter((c) => c.name === 'coop_signed_in' || c.name === 'coop_refresh');
    expect(cleared.map((c) => c.value)).toEqual(['', '']);
  });
});

describe('ending sessions', () => {
  it('logout ends the access token and the refresh token', async () => {
    const session = await login(platform.app, 'coordinator@demo.cn');
    const out = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.headers,
      cookies: { coop_refresh: session.refreshCookie },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(session.headers.authorization)).statusCode).toBe(401);
    const again = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { coop_refresh: session.refreshCookie },
    });
    expect(again.statusCode).toBe(401);
  });

  it('a password change ends every session and the old password stops working', async () => {
    await post('/api/auth/register', {
      email: 'changer@demo.cn',
      password: 'first-password-1',
      displayName: 'Changer',
      organization: { kind: 'college', nameZh: '改密学院', nameEn: 'Changer College', regionCode: '330200' },
    });
    const a = await login(platform.app, 'changer@demo.cn', 'first-password-1');
    const b = await login(platform.app, 'changer@demo.cn', 'first-password-1');
    const wrongCurrent = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { currentPassword: 'nope', newPassword: 'second-password-2' },
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.details[0].field).toBe('body.currentPassword');
    const changed = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { currentPassword: 'first-password-1', newPassword: 'second-password-2' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(a.headers.authorization)).statusCode).toBe(401);
    expect((await me(b.headers.authorization)).statusCode).toBe(401);
    expect(
      (await post('/api/auth/login', { email: 'changer@demo.cn', password: 'first-password-1' })).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/auth/login', { email: 'changer@demo.cn', password: 'second-password-2' })).statusCode,
    ).toBe(200);
  });
});

describe('registration', () => {
  it('creates the organisation with its first admin', async () => {
    const response = await post('/api/auth/register', {
      email: 'founder@newco.cn',
      password: 'a-good-long-password',
      displayName: '新公司 Founder',
      locale: 'en',
      organization: {
        kind: 'enterprise',
        nameZh: '新材料公司',
        nameEn: 'New Materials Co',
        regionCode: '330400',
      },
    });
    expect(response.statusCode).toBe(201);
    const user = response.json().user;
    expect(user.orgRole).toBe('admin');
    expect(user.organization.verified).toBe(false);
    const again = await post('/api/auth/register', {
      email: 'FOUNDER@newco.cn',
      password: 'a-good-long-password',
      displayName: 'Twice',
      organization: { kind: 'enterprise', nameZh: '重复公司', nameEn: 'Duplicate Co', regionCode: '330400' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('email_taken');
    const duplicates = await platform.database.db
      .select({ n: count() })
      .from(organizations)
      .where(eq(organizations.nameEn, 'Duplicate Co'));
    expect(duplicates[0]!.n).toBe(0);
  });

  it('joins an organisation by invitation, once, for the invited email only', async () => {
    const admin = await login(platform.app, 'enterprise@demo.cn');
    const invited = await platform.app.inject({
      method: 'POST',
      url: `/api/orgs/${admin.orgId}/invitations`,
      headers: admin.headers,
      payload: { email: 'engineer@hengchuan.cn', orgRole: 'member' },
    });
    expect(invited.statusCode).toBe(201);
    const { token } = invited.json();
    const body = {
      email: 'engineer@hengchuan.cn',
      password: 'engineer-password',
      displayName: 'Engineer',
      invitationToken: token,
    };
    const wrongEmail = await post('/api/auth/register', { ...body, email: 'intruder@elsewhere.cn' });
    expect(wrongEmail.statusCode).toBe(400);
    const joined = await post('/api/auth/register', body);
    expect(joined.statusCode).toBe(201);
    expect(joined.json().user.organization.id).toBe(admin.orgId);
    expect(joined.json().user.orgRole).toBe('member');
    const reused = await post('/api/auth/register', { ...body, email: 'second@hengchuan.cn' });
    expect(reused.statusCode).toBe(400);
  });

  it('refuses a member inviting people, and an admin inviting into another organisation', async () => {
    const college = await login(platform.app, 'college@demo.cn');
    const enterprise = await login(platform.app, 'enterprise@demo.cn');
    const foreign = await platform.app.inject({
      method: 'POST',
      url: `/api/orgs/${enterprise.orgId}/invitations`,
      headers: college.headers,
      payload: { email: 'mole@college.cn', orgRole: 'admin' },
    });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('malformed input', () => {
  it('names the unknown or wrong field and writes nothing', async () => {
    const before = await userCount();
    const unknown = await post('/api/auth/register', {
      email: 'x@y.cn',
      password: 'long-enough-password',
      displayName: 'X',
      isAdmin: true,
      organization: { kind: 'enterprise', nameZh: '某公司', nameEn: 'Some Co', regionCode: '330100' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual({
      field: 'body.isAdmin',
      problem: 'is not an allowed property',
      rule: 'not_allowed',
    });

    const wrongEnum = await post('/api/auth/register', {
      email: 'x@y.cn',
      password: 'long-enough-password',
      displayName: 'X',
      organization: { kind: 'company', nameZh: '某公司', nameEn: 'Some Co', regionCode: '330100' },
    });
    expect(wrongEnum.statusCode).toBe(400);
    expect(wrongEnum.json().error.message).toContain('body.organization.kind');

    const shortPassword = await post('/api/auth/register', {
      email: 'x@y.cn',
      password: 'short',
      displayName: 'X',
      organization: { kind: 'enterprise', nameZh: '某公司', nameEn: 'Some Co', regionCode: '330100' },
    });
    expect(shortPassword.json().error.details[0].field).toBe('body.password');

    const both = await post('/api/auth/register', {
      email: 'x@y.cn',
      password: 'long-enough-password',
      displayName: 'X',
    });
    expect(both.statusCode).toBe(400);

    const notJson = await post('/api/auth/login', '{"email":', {
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('invalid_json');

    const oversized = await post('/api/auth/register', {
      email: 'big@y.cn',
      password: 'long-enough-password',
      displayName: 'x'.repeat(1024 * 1024),
      organization: { kind: 'enterprise', nameZh: '大公司', nameEn: 'Big Co', regionCode: '330100' },
    });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json().error.code).toBe('payload_too_large');
    expect(await userCount()).toBe(before);
  });
});
