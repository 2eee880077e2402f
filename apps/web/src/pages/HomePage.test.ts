import { describe, expect, it } from 'vitest';
import {
  emptyHomeCounts,
  emptyReports,
  emptyToday,
  makeCapability,
  makeHit,
  makeNeed,
  makeOrg,
  makeSearchResponse,
  makeUser,
  paged,
  restoresSessionOf,
} from '@/testing/fixtures';
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
    mockApi({ ...restoresSessionOf(user), ...emptyHomeCounts() });
    const { wrapper } = await renderAt('/');

    const home = wrapper.find(`[data-testid=home-${role}]`);
    expect(home.exists()).toBe(true);
    expect(home.find('[data-testid=org-card]').text()).toContain('Hangzhou Precision Machinery Co.');
  });

  it('opens on today’s to-dos, each a link to where to act, and the organisation’s figures', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      ...emptyHomeCounts(),
      'GET /home': {
        body: {
          today: '2026-12-02',
          figures: [{ key: 'live_agreements', value: 3, link: '/agreements' }],
          todos: [
            { key: 'proposals_to_answer', count: 2, link: '/my/matches' },
            { key: 'tasks_overdue', count: 1, link: '/tasks' },
            { key: 'meeting_invitations', count: 0, link: '/meetings' },
          ],
        },
      },
    });
    const { wrapper } = await renderAt('/');

    const panel = wrapper.find('[data-testid=today-panel]');
    expect(panel.find('[data-testid=todo-proposals_to_answer]').text()).toContain('2 proposals to answer');
    expect(panel.find('[data-testid=todo-tasks_overdue] a').attributes('href')).toBe('/tasks');
    expect(panel.find('[data-testid=todo-tasks_overdue]').text()).toContain('1 checklist task overdue');
    // Nothing to answer: not listed at all.
    expect(panel.find('[data-testid=todo-meeting_invitations]').exists()).toBe(false);
    expect(panel.text()).toContain('Agreements in force');
  });

  it('counts an enterprise’s open needs and lists the drafts review sent back', async () => {
    const returned = makeNeed({
      id: 'need-9',
      status: 'draft',
      title: 'Bearing noise',
      reviewNote: 'Name the bearing type',
    });
    mockApi({
      ...restoresSessionOf(makeUser()),
      ...emptyToday(),
      'GET /needs': (request) => {
        const status = request.query.get('status');
        if (status === 'open') return { body: paged([makeNeed()], 1, 1, 4) };
        if (status === 'draft')
          return { body: paged([returned, makeNeed({ id: 'need-8', status: 'draft' })]) };
        return { body: paged([]) };
      },
    });
    const { wrapper } = await renderAt('/');

    expect(wrapper.find('[data-testid=count-open-need]').text()).toContain('4');
    expect(wrapper.find('[data-testid=count-returned-need]').text()).toContain('1');
    const list = wrapper.find('[data-testid=returned-need]');
    expect(list.text()).toContain('Bearing noise');
    expect(list.text()).toContain('Name the bearing type');
    expect(list.find('a').attributes('href')).toBe('/needs/need-9');
  });

  it('shows a college the open needs in the fields of its capabilities', async () => {
    const user = makeUser({ organization: makeOrg({ kind: 'college' }) });
    const api = mockApi({
      ...restoresSessionOf(user),
      ...emptyToday(),
      'GET /capabilities': { body: paged([makeCapability({ fields: ['machinery.cnc', 'materials'] })]) },
      'GET /search': {
        body: makeSearchResponse({
          hits: [makeHit({ type: 'need', id: 'need-3', title: 'Spindle drift' })],
          total: 7,
        }),
      },
    });
    const { wrapper } = await renderAt('/');

    const search = api.callsTo('GET /search')[0]!.query;
    expect(search.get('type')).toBe('need');
    expect(search.get('fields')).toBe('machinery.cnc,materials');
    const card = wrapper.find('[data-testid=needs-in-fields]');
    expect(card.find('[data-testid=count-needs-in-fields]').text()).toContain('7');
    expect(card.text()).toContain('Spindle drift');
  });

  it('asks an org admin to complete a thin profile and to wait for verification', async () => {
    const user = makeUser({ organization: makeOrg({ verified: false, description: null, website: null }) });
    mockApi({ ...restoresSessionOf(user), ...emptyHomeCounts() });
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
      ...emptyToday(),
      ...emptyReports(),
      'GET /orgs/assoc-1/members': { body: paged([verified, waiting], 1, 100) },
      'POST /orgs/member-2/verification': {
        body: {
          id: 'verification-1',
          orgId: 'member-2',
          verified: true,
          reason: 'Licence checked',
          decidedBy: { id: 'user-1', displayName: 'Li Wei' },
          createdAt: '2026-12-01T08:00:00Z',
          files: [],
        },
      },
      'GET /review-queue': (request) => ({
        body: paged([], 1, 1, request.query.get('type') === 'need' ? 2 : 1),
      }),
    });
    const { wrapper } = await renderAt('/');

    expect(wrapper.find('[data-testid=home-coordinator]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=review-needs]').text()).toContain('2');
    expect(wrapper.find('[data-testid=review-capabilities]').text()).toContain('1');
    expect(wrapper.find('[data-testid=member-count]').text()).toContain('2');
    const table = wrapper.find('[data-testid=unverified-members]');
    expect(table.text()).toContain('Ningbo Gears Ltd.');
    expect(table.text()).not.toContain('Hangzhou Precision Machinery Co.');

    await wrapper.find('[data-testid=verify-member-2]').trigger('click');
    await settle();
    const reason = document.querySelector('textarea[data-testid=verification-reason]') as HTMLTextAreaElement;
    reason.value = 'Licence checked';
    reason.dispatchEvent(new Event('input'));
    await settle();
    (document.querySelector('[data-testid=verification-confirm]') as HTMLButtonElement).click();
    await settle();

    expect(api.callsTo('POST /orgs/member-2/verification')[0]!.body).toEqual({
      verified: true,
      reason: 'Licence checked',
    });
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
      'GET /review-queue': { body: paged([]) },
      'GET /admin/reindex': {
        body: {
          running: true,
          index: 'needs',
          done: 25,
          total: 100,
          startedAt: null,
          finishedAt: null,
          error: null,
        },
      },
    });
    const { wrapper } = await renderAt('/');

    const home = wrapper.find('[data-testid=home-admin]');
    expect(home.find('[data-testid=search-index]').text()).toContain('Rebuilding needs: 25 of 100');
    expect(home.find('[data-testid=org-total]').text()).toContain('12');
    expect(home.find('[data-testid=org-unverified]').text()).toContain('3');
    expect(home.text()).toContain('College / university4');
  });

  it('signs out from the user menu', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      ...emptyHomeCounts(),
      'POST /auth/logout': { status: 204 },
    });
    const { wrapper, router } = await renderAt('/');

    await wrapper.find('[data-testid=user-menu]').trigger('click');
    await settle();
    (document.querySelector('[data-testid=logout]') as HTMLElement).click();
    await settle();

    expect(api.callsTo('POST /auth/logout')).toHaveLength(1);
    expect(router.currentRoute.value.fullPath).toBe('/login');
  });
});
