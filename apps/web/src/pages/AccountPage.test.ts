import { describe, expect, it } from 'vitest';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

type Wrapper = Awaited<ReturnType<typeof renderAt>>['wrapper'];

async function changePassword(wrapper: Wrapper, current: string, next: string) {
  await wrapper.find('[data-testid=current-password]').setValue(current);
  await wrapper.find('[data-testid=new-password]').setValue(next);
  await wrapper.find('[data-testid=confirm-password]').setValue(next);
  await wrapper.find('[data-testid=password-submit]').trigger('submit');
  await settle();
}

describe('AccountPage', () => {
  it('changes the password, then sends the user to sign in again and says why', async () => {
    const api = mockApi({ ...restoresSessionOf(makeUser()), 'POST /auth/password': { status: 204 } });
    const { wrapper, router } = await renderAt('/account');

    await changePassword(wrapper, 'demo-password', 'a-brand-new-password');

    expect(api.callsTo('POST /auth/password')[0]!.body).toEqual({
      currentPassword: 'demo-password',
      newPassword: 'a-brand-new-password',
    });
    expect(router.currentRoute.value.fullPath).toBe('/login');
    expect(wrapper.text()).toContain('Your password was changed');
  });

  it('says when the current password is wrong', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      'POST /auth/password': {
        status: 400,
        body: {
          error: {
            code: 'wrong_password',
            message: 'x',
            details: [{ field: 'body.currentPassword', problem: 'is wrong' }],
          },
        },
      },
    });
    const { wrapper, router } = await renderAt('/account');

    await changePassword(wrapper, 'not-my-password', 'a-brand-new-password');

    expect(wrapper.find('[data-testid=password-error]').text()).toContain(
      'Your current password is not correct.',
    );
    expect(router.currentRoute.value.name).toBe('account');
  });
});
