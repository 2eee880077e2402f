import { describe, expect, it, vi } from 'vitest';
import { makeNeed, makeOrg, makeUser, quietShell, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import ListingDetailPage from './ListingDetailPage.vue';

const coordinator = makeUser({
  platformRole: 'coordinator',
  organization: makeOrg({ id: 'assoc-1', kind: 'association', nameEn: 'Machinery Association' }),
});
const open = (id = 'need-1') =>
  mountComponent(ListingDetailPage, { props: { type: 'need', id }, path: `/needs/${id}` });
const button = (testId: string) => document.querySelector(`[data-testid=${testId}]`) as HTMLElement;

describe('ListingDetailPage', () => {
  it('shows the owner why review sent it back, and submits it again', async () => {
    const returned = makeNeed({
      status: 'draft',
      reviewNote: 'Name the spindle model and the drift you measured.',
    });
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      ...quietShell(),
      'GET /needs/need-1': { body: returned },
      'POST /needs/need-1/transitions': { body: { ...returned, status: 'pending_review', version: 2 } },
    });
    const { wrapper } = await open();

    expect(wrapper.find('[data-testid=notice-returned]').text()).toContain(
      'Name the spindle model and the drift',
    );
    expect(wrapper.find('[data-testid=action-edit]').exists()).toBe(true);
    await wrapper.find('[data-testid=action-submit]').trigger('click');
    await settle();

    expect(api.callsTo('POST /needs/need-1/transitions')[0]!.body).toEqual({ action: 'submit' });
    expect(wrapper.find('[data-testid=status-pending_review]').exists()).toBe(true);
    expect(wrapper.text()).toContain('A coordinator is reviewing it');
  });

  it('lets a reviewer return a listing only with a reason', async () => {
    const pending = makeNeed({ status: 'pending_review', canEdit: false });
    const api = mockApi({
      ...restoresSessionOf(coordinator),
      ...quietShell(),
      'GET /needs/need-1': { body: pending },
      'POST /needs/need-1/transitions': { body: { ...pending, status: 'draft', reviewNote: 'Too vague' } },
    });
    const { wrapper } = await open();

    expect(wrapper.find('[data-testid=notice-review]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=action-edit]').exists()).toBe(false);
    await wrapper.find('[data-testid=action-return]').trigger('click');
    await settle();
    button('return-confirm').click();
    await vi.waitFor(() => expect(document.body.textContent).toContain('Reason is required'));
    expect(api.callsTo('POST /needs/need-1/transitions')).toHaveLength(0);

    const reason = document.querySelector('textarea[data-testid=return-reason]') as HTMLTextAreaElement;
    reason.value = 'Too vague: say which tolerance you need.';
    reason.dispatchEvent(new Event('input'));
    await settle();
    button('return-confirm').click();
    await settle();

    expect(api.callsTo('POST /needs/need-1/transitions')[0]!.body).toEqual({
      action: 'return',
      reason: 'Too vague: say which tolerance you need.',
    });
    expect(wrapper.find('[data-testid=status-draft]').exists()).toBe(true);
  });

  it('shows outsiders only the anonymised summary of a confidential need', async () => {
    const summary = 'Confidential need: an enterprise in Zhejiang seeks joint R&D in hydraulics.';
    mockApi({
      ...restoresSessionOf(makeUser({ organization: makeOrg({ id: 'college-1', kind: 'college' }) })),
      ...quietShell(),
      'GET /needs/need-7': {
        body: makeNeed({
          id: 'need-7',
          title: summary,
          description: summary,
          visibility: 'confidential',
          anonymised: true,
          org: null,
          canEdit: false,
          keywords: [],
          budgetMin: null,
          budgetMax: null,
          regionCode: '330000',
        }),
      },
      'GET /needs/need-7/matches': { body: { matches: [] } },
    });
    const { wrapper } = await open('need-7');

    expect(wrapper.find('[data-testid=listing-title]').text()).toBe('Confidential need');
    expect(wrapper.find('[data-testid=notice-anonymised]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=listing-description]').text()).toBe(summary);
    expect(wrapper.find('[data-testid=listing-org]').text()).toContain('An enterprise (confidential)');
    expect(wrapper.find('[data-testid=listing-facts]').text()).not.toContain('Budget');
    expect(wrapper.find('[data-testid=action-close]').exists()).toBe(false);
  });
});
