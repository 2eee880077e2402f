import { describe, expect, it } from 'vitest';
import type { AdminUser } from '@/api/admin';
import { makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const admin = makeUser({ id: 'admin-1', email: 'admin@demo.cn', platformRole: 'admin' });
const account = (overrides: Partial<AdminUser> = {}): AdminUser => ({
  id: 'user-2',
  email: 'college@demo.cn',
  displayName: 'Chen Jing',
  orgRole: 'admin',
  platformRole: null,
  organization: {
    id: 'org-2',
    nameZh: '浙东理工大学',
    nameEn: 'East Zhejiang University of Technology',
    kind: 'college',
  },
  status: 'active',
  disabledReason: null,
  lastLoginAt: null,
  activeSessions: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('UsersPage', () => {
  it('disables an account only with a reason, and shows it disabled', async () => {
    const api = mockApi({
      ...restoresSessionOf(admin),
      'GET /admin/users': { body: paged([account()]) },
      'POST /admin/users/user-2/disable': (request) => ({
        body: account({
          status: 'disabled',
          disabledReason: (request.body as { reason: string }).reason,
          activeSessions: 0,
        }),
      }),
    });
    const { wrapper } = await renderAt('/admin/users');
    expect(wrapper.find('[data-testid=users-table]').text()).toContain('college@demo.cn');

    await wrapper.find('[data-testid=user-disable]').trigger('click');
    await settle();
    const dialog = () => document.body.querySelector('.el-dialog')!;
    (dialog().querySelector('[data-testid=disable-confirm]') as HTMLButtonElement).click();
    await settle();
    expect(api.callsTo('POST /admin/users/user-2/disable')).toHaveLength(0);
    expect(dialog().textContent).toContain('Reason (kept in the audit log)');

    const reason = dialog().querySelector('textarea')!;
    reason.value = 'Left the university';
    reason.dispatchEvent(new Event('input'));
    await settle();
    (dialog().querySelector('[data-testid=disable-confirm]') as HTMLButtonElement).click();
    await settle();

    expect(api.callsTo('POST /admin/users/user-2/disable')[0]!.body).toEqual({
      reason: 'Left the university',
    });
    expect(wrapper.find('[data-testid=user-status]').text()).toBe('Disabled');
    expect(wrapper.find('[data-testid=user-enable]').exists()).toBe(true);
  });

  it('shows the one-time reset link to pass on', async () => {
    mockApi({
      ...restoresSessionOf(admin),
      'GET /admin/users': { body: paged([account()]) },
      'POST /admin/users/user-2/password-reset': {
        status: 201,
        body: {
          email: 'college@demo.cn',
          resetUrl: '/reset-password?token=abc',
          expiresAt: '2026-12-03T00:00:00.000Z',
        },
      },
    });
    const { wrapper } = await renderAt('/admin/users');
    await wrapper.find('[data-testid=user-reset]').trigger('click');
    await settle();

    const field = document.body.querySelector('[data-testid=reset-link]')!;
    const link = (field.matches('input') ? field : field.querySelector('input')) as HTMLInputElement;
    expect(link.value).toMatch(/\/reset-password\?token=abc$/);
  });
});
