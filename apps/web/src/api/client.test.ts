import { describe, expect, it, vi } from 'vitest';
import { mockApi, NETWORK_DOWN } from '@/testing/mock-api';
import { ApiError, api, connectSession, type SessionHooks } from './client';

function fakeSession(overrides: Partial<SessionHooks> = {}) {
  let token = 'old-token';
  const hooks = {
    accessToken: () => token,
    refresh: vi.fn(async () => {
      token = 'new-token';
      return true;
    }),
    expire: vi.fn(),
    ...overrides,
  };
  connectSession(hooks);
  return hooks;
}

describe('api client', () => {
  it('sends the bearer token and builds the query string, skipping empty values', async () => {
    fakeSession();
    const { calls } = mockApi({ 'GET /orgs': { body: { items: [], total: 0, page: 2, pageSize: 20 } } });

    await api.get('/orgs', { page: 2, pageSize: 20, kind: '', q: undefined });

    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer old-token');
    expect(calls[0]!.query.toString()).toBe('page=2&pageSize=20');
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const session = fakeSession();
    const { callsTo } = mockApi({
      'GET /me': [
        { status: 401, body: { error: { code: 'unauthorized', message: 'expired' } } },
        { body: { id: 'u1' } },
      ],
    });

    await expect(api.get('/me')).resolves.toEqual({ id: 'u1' });

    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(callsTo('GET /me').map((call) => call.headers.get('Authorization'))).toEqual([
      'Bearer old-token',
      'Bearer new-token',
    ]);
    expect(session.expire).not.toHaveBeenCalled();
  });

  it('ends the session when the refresh fails', async () => {
    const session = fakeSession({ refresh: vi.fn(async () => false) });
    mockApi({ 'GET /me': { status: 401, body: { error: { code: 'unauthorized', message: 'expired' } } } });

    await expect(api.get('/me')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(session.expire).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the retry is refused too, without refreshing again', async () => {
    const session = fakeSession();
    const unauthorized = { status: 401, body: { error: { code: 'unauthorized', message: 'no' } } };
    mockApi({ 'GET /me': [unauthorized, unauthorized] });

    await expect(api.get('/me')).rejects.toBeInstanceOf(ApiError);
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(session.expire).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for auth endpoints, where a 401 is the answer', async () => {
    const session = fakeSession();
    mockApi({
      'POST /auth/login': { status: 401, body: { error: { code: 'invalid_credentials', message: 'bad' } } },
    });

    await expect(api.post('/auth/login', {}, { noRefresh: true })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(session.refresh).not.toHaveBeenCalled();
  });

  it('parses code, message and details from the error body', async () => {
    fakeSession();
    mockApi({
      'POST /auth/login': {
        status: 429,
        body: { error: { code: 'rate_limited', message: 'Slow down', details: { retryAfterSeconds: 120 } } },
      },
    });

    const error = await api.post('/auth/login', {}, { noRefresh: true }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Slow down',
      details: { retryAfterSeconds: 120 },
      retryAfterSeconds: 120,
    });
  });

  it('falls back to the status when the body is not the error shape, and reads Retry-After', async () => {
    fakeSession();
    mockApi({ 'GET /orgs': { status: 429, headers: { 'Retry-After': '30' } } });

    await expect(api.get('/orgs')).rejects.toMatchObject({ code: 'http_429', retryAfterSeconds: 30 });
  });

  it('reports an unreachable server as a network error', async () => {
    fakeSession();
    mockApi({ 'GET /orgs': NETWORK_DOWN });

    await expect(api.get('/orgs')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('answers undefined for 204', async () => {
    fakeSession();
    mockApi({ 'POST /auth/logout': { status: 204 } });

    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });
});
