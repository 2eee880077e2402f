import { describe, expect, it, vi } from 'vitest';
import { emptyHomeCounts, makeSession, makeUser, quietShell } from '@/testing/fixtures';
import { mockApi, NETWORK_DOWN, type RouteHandler } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const noSession = { status: 401, body: { error: { code: 'unauthorized', message: 'no session' } } };

async function openLogin(login: RouteHandler = noSession, locale: 'en' | 'zh-CN' = 'en') {
  const api = mockApi({
    'POST /auth/refresh': noSession,
    'POST /auth/login': login,
    ...emptyHomeCounts(),
    ...quietShell(),
  });
  const view = await renderAt('/login', locale);
  return { ...view, api };
}

async function fillAndSubmit(
  wrapper: Awaited<ReturnType<typeof openLogin>>['wrapper'],
  email: string,
  password: string,
) {
  await wrapper.find('[data-testid=login-email]').setValue(email);
  await wrapper.find('[data-testid=login-password]').setValue(password);
  await wrapper.find('form').trigger('submit');
  await settle();
}

describe('LoginPage', () => {
  it('validates as the user types, in their language', async () => {
    const { wrapper } = await openLogin();

    await wrapper.find('[data-testid=login-email]').setValue('not-an-email');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Enter a valid email address'));

    await wrapper.find('[data-testid=login-email]').setValue('li@example.com');
    await vi.waitFor(() => expect(wrapper.text()).not.toContain('Enter a valid email address'));
  });

  it('shows the validation messages in Chinese too, and does not call the API with an empty form', async () => {
    const { wrapper, api } = await openLogin(noSession, 'zh-CN');

    await wrapper.find('form').trigger('submit');

    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入邮箱'));
    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入密码'));
    expect(api.callsTo('POST /auth/login')).toHaveLength(0);
  });

  it('says the password is wrong in words a person understands', async () => {
    const { wrapper } = await openLogin({
      status: 401,
      body: { error: { code: 'invalid_credentials', message: 'x' } },
    });

    await fillAndSubmit(wrapper, 'li@example.com', 'wrong-password');

    expect(wrapper.find('[data-testid=login-error]').text()).toContain('Wrong email or password.');
  });

  it('says how long to wait when rate limited', async () => {
    const { wrapper } = await openLogin({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Too many', details: { retryAfterSeconds: 90 } } },
    });

    await fillAndSubmit(wrapper, 'li@example.com', 'whatever');

    expect(wrapper.find('[data-testid=login-error]').text()).toContain(
      'Too many attempts. Try again in 2 minutes.',
    );
  });

  it('says when the server cannot be reached', async () => {
    const { wrapper } = await openLogin(NETWORK_DOWN);

    await fillAndSubmit(wrapper, 'li@example.com', 'whatever');

    expect(wrapper.find('[data-testid=login-error]').text()).toContain('Cannot reach the server');
  });

  it('fills the form from a demo account and signs in to the home page', async () => {
    const user = makeUser({ email: 'college@demo.cn' });
    const { wrapper, router, api } = await openLogin({ body: makeSession(user) });

    await wrapper.find('[data-testid=demo-college]').trigger('click');
    expect((wrapper.find('[data-testid=login-email]').element as HTMLInputElement).value).toBe(
      'college@demo.cn',
    );
    expect((wrapper.find('[data-testid=login-password]').element as HTMLInputElement).value).toBe(
      'demo-password',
    );

    await wrapper.find('form').trigger('submit');
    await settle();

    expect(api.callsTo('POST /auth/login')[0]!.body).toEqual({
      email: 'college@demo.cn',
      password: 'demo-password',
    });
    expect(router.currentRoute.value.name).toBe('home');
  });

  it('returns to the page the user was sent away from', async () => {
    mockApi({
      'POST /auth/refresh': noSession,
      'POST /auth/login': { body: makeSession() },
      ...quietShell(),
    });
    const { wrapper, router } = await renderAt('/account');
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/account');

    await fillAndSubmit(wrapper, 'enterprise@demo.cn', 'demo-password');

    expect(router.currentRoute.value.name).toBe('account');
  });
});
