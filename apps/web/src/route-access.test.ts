import { describe, expect, it } from 'vitest';
import { makeOrg, makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt } from '@/testing/render';

const officer = makeUser({ organization: makeOrg({ kind: 'government' }) });

describe('pages by role', () => {
  it.each(['/brokering', '/review', '/my/matches', '/tasks', '/agreements/new'])(
    'tells a government officer at %s that the page is not theirs, asking the API nothing',
    async (path) => {
      // Only the session and the shell are set up: a request for the page's own data fails the test.
      mockApi({ ...restoresSessionOf(officer) });
      const { wrapper, router } = await renderAt(path, 'zh-CN');

      expect(router.currentRoute.value.name).toBe('no-access');
      expect(wrapper.find('[data-testid=no-access]').text()).toContain('无权访问此页面');
    },
  );

  it.each(['/admin/users', '/admin/audit'])(
    'keeps %s, like its API, to platform administrators',
    async (path) => {
      const coordinator = makeUser({
        platformRole: 'coordinator',
        organization: makeOrg({ kind: 'association' }),
      });
      mockApi({ ...restoresSessionOf(coordinator) });
      const { router } = await renderAt(path, 'en');

      expect(router.currentRoute.value.name).toBe('no-access');
    },
  );

  it('keeps the designation queue, like its API, to those who oversee organisations', async () => {
    mockApi({ ...restoresSessionOf(makeUser()) });
    const { router } = await renderAt('/designation-queue', 'en');

    expect(router.currentRoute.value.name).toBe('no-access');
  });

  it.each([
    '/needs/not-a-uuid',
    '/agreements/123',
    '/projects/x',
    '/meetings/not-a-uuid',
    '/instruments/x',
    '/instruments/1/profile',
  ])('shows the not-found page for %s, whose id cannot exist', async (path) => {
    mockApi({ ...restoresSessionOf(officer) });
    const { wrapper } = await renderAt(path);

    expect(wrapper.find('[data-testid=not-found]').exists()).toBe(true);
  });
});
