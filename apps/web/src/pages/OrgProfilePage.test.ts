import { describe, expect, it, vi } from 'vitest';
import type { DesignationRecord } from '@/api/designations';
import type { OrgDetail } from '@/api/types';
import { makeOrg, makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

// Profile paths take UUIDs, as the API's ids are.
const OWN_ORG = '00000000-0000-4000-8000-000000000001';

const ownAdmin = () => makeUser({ organization: makeOrg({ id: OWN_ORG }) });
const detail = (overrides: Partial<OrgDetail> = {}): OrgDetail => ({
  ...makeOrg({ id: OWN_ORG }),
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
      ...restoresSessionOf(ownAdmin()),
      'GET /orgs/00000000-0000-4000-8000-000000000001': { body: org },
      'GET /orgs/00000000-0000-4000-8000-000000000001/users': { body: people },
      'GET /orgs/00000000-0000-4000-8000-000000000001/verifications': { body: [] },
      'PATCH /orgs/00000000-0000-4000-8000-000000000001': (request) => ({
        body: { ...org, ...(request.body as object) },
      }),
    });
    const { wrapper } = await renderAt('/orgs/00000000-0000-4000-8000-000000000001');
    expect(wrapper.find('[data-testid=org-name]').text()).toBe('Hangzhou Precision Machinery Co.');
    expect(tabNames(wrapper)).toEqual(['Overview', 'Designations', 'People']);

    await wrapper.find('[data-testid=org-edit]').trigger('click');
    await settle();
    const dialog = wrapper.find('[data-testid=org-edit-dialog]');
    await dialog.find('[data-testid=org-website]').setValue('example.com');
    await vi.waitFor(() => expect(dialog.text()).toContain('Enter a full web address'));
    await dialog.find('[data-testid=org-save]').trigger('click');
    await settle();
    expect(api.callsTo('PATCH /orgs/00000000-0000-4000-8000-000000000001')).toHaveLength(0);

    await dialog.find('[data-testid=org-name-en]').setValue('Hangzhou Precision Group');
    await dialog.find('[data-testid=org-website]').setValue('https://hzpm.example.com');
    await dialog.find('[data-testid=org-save]').trigger('click');
    await settle();

    expect(api.callsTo('PATCH /orgs/00000000-0000-4000-8000-000000000001')[0]!.body).toMatchObject({
      nameEn: 'Hangzhou Precision Group',
      website: 'https://hzpm.example.com',
    });
    expect(wrapper.find('[data-testid=org-name]').text()).toBe('Hangzhou Precision Group');
  });

  it('creates an invitation and shows the link to send', async () => {
    mockApi({
      ...restoresSessionOf(ownAdmin()),
      'GET /orgs/00000000-0000-4000-8000-000000000001': { body: detail() },
      'GET /orgs/00000000-0000-4000-8000-000000000001/users': { body: people },
      'GET /orgs/00000000-0000-4000-8000-000000000001/verifications': { body: [] },
      'POST /orgs/00000000-0000-4000-8000-000000000001/invitations': {
        status: 201,
        body: { token: 'tok-123', expiresAt: '2030-01-01T00:00:00Z' },
      },
    });
    const { wrapper } = await renderAt('/orgs/00000000-0000-4000-8000-000000000001');

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
      ...restoresSessionOf(ownAdmin()),
      'GET /orgs/00000000-0000-4000-8000-000000000002': {
        body: detail({ id: '00000000-0000-4000-8000-000000000002' }),
      },
    });
    const { wrapper } = await renderAt('/orgs/00000000-0000-4000-8000-000000000002');

    expect(wrapper.find('[data-testid=org-edit]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=org-invite]').exists()).toBe(false);
    expect(tabNames(wrapper)).toEqual(['Overview', 'Designations']);
    expect(api.callsTo('GET /orgs/00000000-0000-4000-8000-000000000002/users')).toHaveLength(0);
  });

  it('hides the People tab when the API refuses it', async () => {
    const coordinator = makeUser({
      platformRole: 'coordinator',
      organization: makeOrg({ id: '00000000-0000-4000-8000-000000000010', kind: 'association' }),
    });
    mockApi({
      ...restoresSessionOf(coordinator),
      'GET /orgs/00000000-0000-4000-8000-000000000009': {
        body: detail({ id: '00000000-0000-4000-8000-000000000009' }),
      },
      'GET /orgs/00000000-0000-4000-8000-000000000009/users': forbidden,
      'GET /orgs/00000000-0000-4000-8000-000000000009/verifications': forbidden,
    });
    const { wrapper } = await renderAt('/orgs/00000000-0000-4000-8000-000000000009');

    expect(tabNames(wrapper)).toEqual(['Overview', 'Designations']);
  });

  it('lists an association’s members and lets its coordinator verify them', async () => {
    const association = detail({
      id: '00000000-0000-4000-8000-000000000010',
      kind: 'association',
      memberCount: 1,
    });
    const coordinator = makeUser({ platformRole: 'coordinator', organization: association });
    const member = makeOrg({
      id: '00000000-0000-4000-8000-000000000011',
      verified: false,
      nameEn: 'Ningbo Gears Ltd.',
    });
    const api = mockApi({
      ...restoresSessionOf(coordinator),
      'GET /orgs/00000000-0000-4000-8000-000000000010': { body: association },
      'GET /orgs/00000000-0000-4000-8000-000000000010/users': { body: people },
      'GET /orgs/00000000-0000-4000-8000-000000000010/verifications': { body: [] },
      'GET /orgs/00000000-0000-4000-8000-000000000010/members': { body: paged([member]) },
      'POST /orgs/00000000-0000-4000-8000-000000000011/verification': {
        body: {
          id: '00000000-0000-4000-8000-0000000000e1',
          orgId: member.id,
          verified: true,
          reason: 'Business licence checked',
          decidedBy: { id: coordinator.id, displayName: coordinator.displayName },
          createdAt: '2026-12-01T08:00:00Z',
          files: [],
        },
      },
    });
    const { wrapper } = await renderAt('/orgs/00000000-0000-4000-8000-000000000010?tab=members');

    const members = wrapper.find('[data-testid=org-members]');
    expect(members.text()).toContain('Ningbo Gears Ltd.');
    await members.find('[data-testid=verify-00000000-0000-4000-8000-000000000011]').trigger('click');
    await settle();
    // Not one click: the dialog asks what was checked before anything is sent.
    const confirm = () =>
      (document.querySelector('[data-testid=verification-confirm]') as HTMLButtonElement).click();
    confirm();
    await vi.waitFor(() => expect(document.body.textContent).toContain('What was checked is required'));
    expect(api.callsTo('POST /orgs/00000000-0000-4000-8000-000000000011/verification')).toHaveLength(0);
    const reason = document.querySelector('textarea[data-testid=verification-reason]') as HTMLTextAreaElement;
    reason.value = 'Business licence checked';
    reason.dispatchEvent(new Event('input'));
    await settle();
    confirm();
    await settle();

    expect(api.callsTo('POST /orgs/00000000-0000-4000-8000-000000000011/verification')[0]!.body).toEqual({
      verified: true,
      reason: 'Business licence checked',
    });
    expect(members.find('[data-testid=verified-badge]').exists()).toBe(true);
  });

  it('lists the designations with what counts today, and lets the org admin claim one', async () => {
    const verified: DesignationRecord = {
      id: '00000000-0000-4000-8000-0000000000d1',
      orgId: OWN_ORG,
      orgNameZh: '杭州精密机械有限公司',
      orgNameEn: 'Hangzhou Precision Machinery Co.',
      kind: 'high_tech',
      certificateNo: 'GR202433001234',
      issuingBody: 'Zhejiang Department of Science and Technology',
      validFrom: '2024-12-01',
      validUntil: '2027-11-30',
      status: 'verified',
      counts: true,
      reason: 'Found in the provincial register',
      verifiedAt: '2026-11-01T08:00:00Z',
      createdAt: '2026-10-30T08:00:00Z',
    };
    const api = mockApi({
      ...restoresSessionOf(ownAdmin()),
      [`GET /orgs/${OWN_ORG}`]: { body: detail() },
      [`GET /orgs/${OWN_ORG}/users`]: { body: people },
      [`GET /orgs/${OWN_ORG}/verifications`]: { body: [] },
      [`GET /orgs/${OWN_ORG}/designations`]: { body: [verified] },
      'GET /designations/00000000-0000-4000-8000-0000000000d1/files': { body: [] },
      'GET /designations/00000000-0000-4000-8000-0000000000d2/files': { body: [] },
      [`POST /orgs/${OWN_ORG}/designations`]: (request) => ({
        status: 201,
        body: {
          ...verified,
          ...(request.body as object),
          id: '00000000-0000-4000-8000-0000000000d2',
          status: 'pending',
          counts: false,
          reason: null,
        },
      }),
    });
    const { wrapper } = await renderAt(`/orgs/${OWN_ORG}?tab=designations`);

    const list = wrapper.find('[data-testid=org-designations]');
    expect(list.text()).toContain('GR202433001234');
    expect(list.find('[data-testid=designation-counts]').text()).toBe('Counts today');
    expect(list.find('[data-testid=designation-reason]').text()).toBe('Found in the provincial register');

    await list.find('[data-testid=claim-open]').trigger('click');
    await settle();
    const dialog = () => document.querySelector('[data-testid=claim-dialog]') as HTMLElement;
    (document.querySelector('[data-testid=claim-submit]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(dialog().textContent).toContain('Certificate number is required'));
    expect(api.callsTo(`POST /orgs/${OWN_ORG}/designations`)).toHaveLength(0);

    const type = (selector: string, value: string, event = 'input') => {
      // Element Plus puts the test id on the input itself or on its wrapper.
      const found = dialog().querySelector(selector)!;
      const field = (
        found.matches('input, textarea') ? found : found.querySelector('input')
      )! as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event(event));
    };
    (
      dialog().querySelector('[data-testid=claim-kind] input[value=little_giant]') as HTMLInputElement
    ).click();
    type('[data-testid=claim-certificate]', 'ZJXJR-2026-0088');
    type('[data-testid=claim-issuer]', 'Ministry of Industry and Information Technology');
    for (const [field, date] of [
      ['claim-from', '2026-07-01'],
      ['claim-until', '2029-06-30'],
    ] as const) {
      type(`[data-testid=${field}]`, date);
      type(`[data-testid=${field}]`, date, 'change');
    }
    await settle();
    (document.querySelector('[data-testid=claim-submit]') as HTMLButtonElement).click();
    await settle();

    expect(api.callsTo(`POST /orgs/${OWN_ORG}/designations`)[0]!.body).toEqual({
      kind: 'little_giant',
      certificateNo: 'ZJXJR-2026-0088',
      issuingBody: 'Ministry of Industry and Information Technology',
      validFrom: '2026-07-01',
      validUntil: '2029-06-30',
    });
    const statuses = wrapper.findAll('[data-testid=designation-status]').map((tag) => tag.text());
    expect(statuses).toEqual(['Pending', 'Verified']);
  });

  it('warns on the tab of a certificate running out within 30 days, as the notification does', async () => {
    const inDays = (days: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(Date.now() + days * 86_400_000),
      );
    const record = (id: string, validUntil: string): DesignationRecord => ({
      id,
      orgId: OWN_ORG,
      orgNameZh: '杭州精密机械有限公司',
      orgNameEn: 'Hangzhou Precision Machinery Co.',
      kind: 'little_giant',
      certificateNo: `GXB-${id.slice(-2)}`,
      issuingBody: 'MIIT',
      validFrom: '2024-01-01',
      validUntil,
      status: 'verified',
      counts: true,
      reason: 'Checked',
      verifiedAt: '2026-01-01T08:00:00Z',
      createdAt: '2025-12-30T08:00:00Z',
    });
    const soon = '00000000-0000-4000-8000-0000000000e1';
    const later = '00000000-0000-4000-8000-0000000000e2';
    mockApi({
      ...restoresSessionOf(ownAdmin()),
      [`GET /orgs/${OWN_ORG}`]: { body: detail() },
      [`GET /orgs/${OWN_ORG}/users`]: { body: people },
      [`GET /orgs/${OWN_ORG}/verifications`]: { body: [] },
      [`GET /orgs/${OWN_ORG}/designations`]: {
        body: [record(soon, inDays(20)), record(later, inDays(200))],
      },
      [`GET /designations/${soon}/files`]: { body: [] },
      [`GET /designations/${later}/files`]: { body: [] },
    });
    const { wrapper } = await renderAt(`/orgs/${OWN_ORG}?tab=designations`);

    const warnings = wrapper.findAll('[data-testid=designation-expiring]');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text()).toBe(`Expires ${inDays(20)}, renew it`);
  });

  it('shows the designations of another organisation without the claim form', async () => {
    const other = '00000000-0000-4000-8000-000000000002';
    mockApi({
      ...restoresSessionOf(ownAdmin()),
      [`GET /orgs/${other}`]: { body: detail({ id: other }) },
      [`GET /orgs/${other}/designations`]: { body: [] },
    });
    const { wrapper } = await renderAt(`/orgs/${other}?tab=designations`, 'zh-CN');

    expect(wrapper.find('[data-testid=org-designations]').text()).toContain('尚未申报资质');
    expect(wrapper.find('[data-testid=claim-open]').exists()).toBe(false);
    // Not its to see: no evidence files are asked for (the mock refuses requests it was not given).
    expect(wrapper.find('[data-testid=designation-evidence]').exists()).toBe(false);
    // Only those who verify designations have the queue in their navigation.
    expect(wrapper.find('[data-testid=nav-designation-queue]').exists()).toBe(false);
  });

  it('says so when the organisation does not exist', async () => {
    mockApi({
      ...restoresSessionOf(ownAdmin()),
      'GET /orgs/00000000-0000-4000-8000-000000000404': {
        status: 404,
        body: { error: { code: 'not_found', message: 'Organisation was not found' } },
      },
    });
    const { wrapper } = await renderAt('/orgs/00000000-0000-4000-8000-000000000404');

    expect(wrapper.text()).toContain('This does not exist, or it was removed.');
  });

  it('shows the not-found page for an address that is not an organisation id, asking nothing', async () => {
    mockApi({ ...restoresSessionOf(ownAdmin()) });
    const { wrapper } = await renderAt('/orgs/nope');

    expect(wrapper.find('[data-testid=not-found]').exists()).toBe(true);
  });
});
