import { describe, expect, it, vi } from 'vitest';
import { emptyHomeCounts, makeSession, makeUser, quietShell } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const noSession = { status: 401, body: { error: { code: 'unauthorized', message: 'no session' } } };
type Wrapper = Awaited<ReturnType<typeof renderAt>>['wrapper'];

async function fillPerson(wrapper: Wrapper, email = 'wang@example.com') {
  await wrapper.find('[data-testid=register-name]').setValue('Wang Fang');
  await wrapper.find('[data-testid=register-email]').setValue(email);
  await wrapper.find('[data-testid=register-password]').setValue('a-long-password');
  await wrapper.find('[data-testid=register-confirm]').setValue('a-long-password');
}

describe('RegisterPage', () => {
  it('joins through an invitation link without asking for organisation details', async () => {
    const api = mockApi({
      'POST /auth/refresh': noSession,
      'POST /auth/register': { status: 201, body: makeSession() },
      ...emptyHomeCounts(),
      ...quietShell(),
    });
    const { wrapper, router } = await renderAt('/register?invitation=invitation-token-0123456789');

    expect(wrapper.find('[data-testid=register-org-fields]').exists()).toBe(false);
    expect((wrapper.find('[data-testid=register-invitation]').element as HTMLInputElement).value).toBe(
      'invitation-token-0123456789',
    );
    await fillPerson(wrapper);
    await wrapper.find('form').trigger('submit');
    await settle();

    expect(api.callsTo('POST /auth/register')[0]!.body).toEqual({
      email: 'wang@example.com',
      password: 'a-long-password',
      displayName: 'Wang Fang',
      locale: 'en',
      invitationToken: 'invitation-token-0123456789',
    });
    expect(router.currentRoute.value.name).toBe('home');
  });

  it('asks for the new organisation and checks the password as the user types', async () => {
    const api = mockApi({ 'POST /auth/refresh': noSession });
    const { wrapper } = await renderAt('/register');

    expect(wrapper.find('[data-testid=register-org-fields]').exists()).toBe(true);
    await wrapper.find('[data-testid=register-password]').setValue('short');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Use at least 10 characters'));

    await fillPerson(wrapper);
    await wrapper.find('[data-testid=register-confirm]').setValue('something-else');
    await wrapper.find('form').trigger('submit');
    // Each field validates on its own tick: wait for both messages.
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('The two passwords do not match');
      expect(wrapper.text()).toContain('Chinese name is required');
    });
    expect(api.callsTo('POST /auth/register')).toHaveLength(0);
  });

  it('explains a taken email', async () => {
    mockApi({
      'POST /auth/refresh': noSession,
      'POST /auth/register': { status: 409, body: { error: { code: 'email_taken', message: 'taken' } } },
    });
    const { wrapper } = await renderAt('/register?invitation=invitation-token-0123456789');

    await fillPerson(wrapper, makeUser().email);
    await wrapper.find('form').trigger('submit');
    await settle();

    expect(wrapper.find('[data-testid=register-error]').text()).toContain(
      'An account with this email already exists',
    );
  });
});
