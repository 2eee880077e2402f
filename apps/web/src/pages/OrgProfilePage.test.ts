import { describe, expect, it, vi } from 'vitest';
import type { OrgDetail } from '@/api/types';
import { makeOrg, makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const detail = (overrides: Partial<OrgDetail> = {}): OrgDetail => ({
  ...makeOrg(),
  memberOfAssociations: [],
  ...overrides,
});
const forbidden = { status: 403, body: { error: { code: 'forbidden', message: 'no' } } };
const people = paged([
  { id: 'u1', email: 'li@example.com', displayName: 'Li Wei', orgRole: 'admin', platformRole: null },
]);

function tabNames(wrapper: Awaited<ReturnType<typeof renderAt>>['wrapper']) {
  return wrapper.findAll('.el-tabs__item').map((tab) => tab.text());
}

describe('OrgProfilePage', () => {
  it('lets an org admin edit the profile, with validation, and shows the saved result', async () => {
    const org = detail();
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /orgs/org-1': { body: org },
      'GET /orgs/org-1/users': { body: people },
      'PATCH /orgs/org-1': (request) => ({ body: { ...org, ...(request.body as object) } }),
    });
    const { wrapper } = await renderAt('/orgs/org-1');
    expect(wrapper.find('[data-testid=org-name]').text()).toBe('Hangzhou Precision Machinery Co.');
    expect(tabNames(wrapper)).toEqual(['Overview', 'People']);

    await wrapper.find('[data-testid=org-edit]').trigger('click');
    await settle();
    const dialog = wrapper.find('[data-testid=org-edit-dialog]');
    await dialog.find('[data-testid=org-website]').setValue('example.com');
    await vi.waitFor(() => expect(dialog.text()).toContain('Enter a full web address'));
    await dialog.find('[data-testid=org-save]').trigger('click');
    await settle();
    expect(api.callsTo('PATCH /orgs/org-1')).toHaveLength(0);

    await dialog.find('[data-testid=org-name-en]').setValue('Hangzhou Precision Group');
    await dialog.find('[data-testid=org-website]').setValue('https://hzpm.example.com');
    await dialog.find('[data-testid=org-save]').trigger('click');
    await settle();

    expect(api.callsTo('PATCH /orgs/org-1')[0]!.body).toMatchObject({
      nameEn: 'Hangzhou Precision Group',
      website: 'https://hzpm.example.com',
      designations: ['high_tech'],
    });
    expect(wrapper.find('[data-testid=org-name]').text()).toBe('Hangzhou Precision Group');
  });

  it('creates an invitation and shows the link to send', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /orgs/org-1': { body: detail() },
      'GET /orgs/org-1/users': { body: people },
      'POST /orgs/org-1/invitations': {
        status: 201,
        body: { token: 'tok-123', expiresAt: '2030-01-01T00:00:00Z' },
      },
    });
    const { wrapper } = await renderAt('/orgs/org-1');

    await wrapper.find('[data-testid=org-invite]').trigger('click');
    await settle();
    await wrapper.find('[data-testid=invite-email]').setValue('wang@example.com');
    await wrapper.find('[data-testid=invite-submit]').trigger('click');
    await settle();

    const link = wrapper.find('[data-testid=invitation-link]').element as HTMLInputElement;
    expect(link.value).toMatch(/\/register\?invitation=tok-123$/);
  });

  it('shows another organisation read-only, without asking for its people', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /orgs/org-2': { body: detail({ id: 'org-2' }) },
    });
    const { wrapper } = await renderAt('/orgs/org-2');

    expect(wrapper.find('[data-testid=org-edit]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=org-invite]').exists()).toBe(false);
    expect(tabNames(wrapper)).toEqual(['Overview']);
    expect(api.callsTo('GET /orgs/org-2/users')).toHaveLength(0);
  });

  it('hides the People tab when the API refuses it', async () => {
    const coordinator = makeUser({
      platformRole: 'coordinator',
      organization: makeOrg({ id: 'assoc-1', kind: 'association' }),
    });
    mockApi({
      ...restoresSessionOf(coordinator),
      'GET /orgs/org-9': { body: detail({ id: 'org-9' }) },
      'GET /orgs/org-9/users': forbidden,
    });
    const { wrapper } = await renderAt('/orgs/org-9');

    expect(tabNames(wrapper)).toEqual(['Overview']);
  });

  it('lists an association’s members and lets its coordinator verify them', async () => {
    const association = detail({ id: 'assoc-1', kind: 'association', memberCount: 1 });
    const coordinator = makeUser({ platformRole: 'coordinator', organization: association });
    const member = makeOrg({ id: 'member-1', verified: false, nameEn: 'Ningbo Gears Ltd.' });
    const api = mockApi({
      ...restoresSessionOf(coordinator),
      'GET /orgs/assoc-1': { body: association },
      'GET /orgs/assoc-1/users': { body: people },
      'GET /orgs/assoc-1/members': { body: paged([member]) },
      'POST /orgs/member-1/verification': { body: { ...member, verified: true } },
    });
    const { wrapper } = await renderAt('/orgs/assoc-1?tab=members');

    const members = wrapper.find('[data-testid=org-members]');
    expect(members.text()).toContain('Ningbo Gears Ltd.');
    await members.find('[data-testid=verify-member-1]').trigger('click');
    await settle();

    expect(api.callsTo('POST /orgs/member-1/verification')).toHaveLength(1);
    expect(members.find('[data-testid=verified-badge]').exists()).toBe(true);
  });

  it('says so when the organisation does not exist', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /orgs/nope': {
        status: 404,
        body: { error: { code: 'not_found', message: 'Organisation was not found' } },
      },
    });
    const { wrapper } = await renderAt('/orgs/nope');

    expect(wrapper.text()).toContain('This does not exist, or it was removed.');
  });
});
