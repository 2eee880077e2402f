import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { makeSession, makeUser } from '@/testing/fixtures';
import { mockApi, NETWORK_DOWN } from '@/testing/mock-api';
import { renewDelaySeconds, useSessionStore } from './session';

const rejected = { status: 401, body: { error: { code: 'unauthorized', message: 'no session' } } };

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('restores the session from the refresh cookie on start, once', async () => {
    const { callsTo } = mockApi({ 'POST /auth/refresh': { body: makeSession() } });
    const session = useSessionStore();

    await Promise.all([session.restore(), session.restore()]);

    expect(callsTo('POST /auth/refresh')).toHaveLength(1);
    expect(session.isLoggedIn).toBe(true);
    expect(session.role).toBe('enterprise');
  });

  it('asks nothing of the server when the browser holds no session', async () => {
    const { callsTo } = mockApi({});
    const session = useSessionStore();

    await session.restore();

    expect(callsTo('POST /auth/refresh')).toHaveLength(0);
    expect(session.isLoggedIn).toBe(false);
  });

  it('starts signed out when there is no session to restore', async () => {
    mockApi({ 'POST /auth/refresh': rejected });
    const session = useSessionStore();

    await session.restore();

    expect(session.isLoggedIn).toBe(false);
    expect(session.endReason).toBeNull();
  });

  it('renews the token a minute before it expires', async () => {
    vi.useFakeTimers();
    mockApi({
      'POST /auth/login': { body: makeSession(makeUser(), 'first') },
      'POST /auth/refresh': { body: makeSession(makeUser(), 'second') },
    });
    const session = useSessionStore();
    await session.login('enterprise@demo.cn', 'demo-password');

    await vi.advanceTimersByTimeAsync((900 - 61) * 1000);
    expect(session.accessToken).toBe('first');
    await vi.advanceTimersByTimeAsync(2000);
    expect(session.accessToken).toBe('second');
  });

  it('ends the session as expired when the renewal is refused', async () => {
    vi.useFakeTimers();
    mockApi({ 'POST /auth/login': { body: makeSession() }, 'POST /auth/refresh': rejected });
    const session = useSessionStore();
    await session.login('enterprise@demo.cn', 'demo-password');

    await vi.advanceTimersByTimeAsync(renewDelaySeconds(900) * 1000);

    expect(session.isLoggedIn).toBe(false);
    expect(session.endReason).toBe('expired');
  });

  it('keeps the session and tries again later when the server is unreachable', async () => {
    vi.useFakeTimers();
    mockApi({
      'POST /auth/login': { body: makeSession(makeUser(), 'first') },
      'POST /auth/refresh': [NETWORK_DOWN, { body: makeSession(makeUser(), 'second') }],
    });
    const session = useSessionStore();
    await session.login('enterprise@demo.cn', 'demo-password');

    await vi.advanceTimersByTimeAsync(renewDelaySeconds(900) * 1000);
    expect(session.accessToken).toBe('first');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(session.accessToken).toBe('second');
  });

  it('signs out locally even when the server cannot be told', async () => {
    mockApi({ 'POST /auth/login': { body: makeSession() }, 'POST /auth/logout': NETWORK_DOWN });
    const session = useSessionStore();
    await session.login('enterprise@demo.cn', 'demo-password');

    await session.logout();

    expect(session.isLoggedIn).toBe(false);
  });
});
