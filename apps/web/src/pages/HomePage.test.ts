import { describe, expect, it } from 'vitest';
import { makeOrg, makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi, type MockRequest } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const association = makeOrg({
  id: 'assoc-1',
  kind: 'association',
  nameEn: 'Zhejiang Machinery Association',
  nameZh: '浙江省机械行业协会',
});
const coordinator = makeUser({
  email: 'coordinator@demo.cn',
  platformRole: 'coordinator',
  organization: association,
});

describe('HomePage', () => {
  it.each([
    ['enterprise', makeUser()],
    ['college', makeUser({ organization: makeOrg({ kind: 'institute' }) })],
    ['government', makeUser({ organization: makeOrg({ kind: 'government' }) })],
  ])('gives a %s user their own workspace with their organisation', async (role, user) => {
    mockApi(restoresSessionOf(user));
    const { wrapper } = await renderAt('/');

    const home = wrapper.find(`[data-testid=home-${role}]`);
    expect(home.exists()).toBe(true);
    expect(home.find('[data-testid=org-card]').text()).toContain('Hangzhou Precision Machinery Co.');
    expect(home.find('[data-testid=next-feature]').text()).toContain('Browse organisations');
  });

  it('asks an org admin to complete a thin profile and to wait for verification', async () => {
    const user = makeUser({ organization: makeOrg({ verified: false, description: null, website: null }) });
    mockApi(restoresSessionOf(user));
    const { wrapper } = await renderAt('/');

    expect(wrapper.find('[data-testid=attention-verification]').exists()).toBe(true);
    const profile = wrapper.find('[data-testid=attention-profile]');
    expect(profile.text()).toContain('Add description and website');
    expect(profile.find('a').attributes('href')).toBe('/orgs/org-1?edit=1');
  });

  it('shows a coordinator the members waiting for verification, and verifies one', async () => {
    const waiting = makeOrg({ id: 'member-2', verified: false, nameEn: 'Ningbo Gears Ltd.' });
    const verified = makeOrg({ id: 'member-1' });
    const api = mockApi({
      ...restoresSessionOf(coordinator),
      'GET /orgs/assoc-1/members': { body: paged([verified, waiting], 1, 100) },
      'POST /orgs/member-2/verification': { body: { ...waiting, verified: true } },
    });
    const { wrapper } = await renderAt('/');

    expect(wrapper.find('[data-testid=home-coordinator]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=member-count]').text()).toContain('2');
    const table = wrapper.find('[data-testid=unverified-members]');
    expect(table.text()).toContain('Ningbo Gears Ltd.');
    expect(table.text()).not.toContain('Hangzhou Precision Machinery Co.');

    await wrapper.find('[data-testid=verify-member-2]').trigger('click');
    await settle();

    expect(api.callsTo('POST /orgs/member-2/verification')[0]!.body).toEqual({ verified: true });
    expect(wrapper.text()).toContain('Every member organisation is verified.');
  });

  it('gives a platform admin the organisation summary', async () => {
    const admin = makeUser({ email: 'admin@demo.cn', platformRole: 'admin' });
    const totalFor = (request: MockRequest) => {
      if (request.query.get('verified') === 'false') return 3;
      return request.query.get('kind') === 'college' ? 4 : request.query.has('kind') ? 1 : 12;
    };
    mockApi({
      ...restoresSessionOf(admin),
      'GET /orgs': (request) => ({
        body: paged([makeOrg()], 1, Number(request.query.get('pageSize')), totalFor(request)),
      }),
    });
    const { wrapper } = await renderAt('/');

    const home = wrapper.find('[data-testid=home-admin]');
    expect(home.find('[data-testid=org-total]').text()).toContain('12');
    expect(home.find('[data-testid=org-unverified]').text()).toContain('3');
    expect(home.text()).toContain('College / university4');
  });

  it('signs out from the user menu', async () => {
    const api = mockApi({ ...restoresSessionOf(makeUser()), 'POST /auth/logout': { status: 204 } });
    const { wrapper, router } = await renderAt('/');

    await wrapper.find('[data-testid=user-menu]').trigger('click');
    await settle();
    (document.querySelector('[data-testid=logout]') as HTMLElement).click();
    await settle();

    expect(api.callsTo('POST /auth/logout')).toHaveLength(1);
    expect(router.currentRoute.value.fullPath).toBe('/login');
  });
});
