import { describe, expect, it, vi } from 'vitest';
import { DOMWrapper } from '@vue/test-utils';
import { makeOrg, makeUser, restoresSessionOf } from '@/testing/fixtures';
import { makeMatch } from '@/testing/matching-fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import MatchPanel from './MatchPanel.vue';
import { toProposalBody } from './proposal';

const college = makeUser({ organization: makeOrg({ id: 'org-2', kind: 'college' }) });
const dialog = () => new DOMWrapper(document.body).find('[data-testid=proposal-dialog]');

async function openProposal(locale: 'en' | 'zh-CN') {
  const api = mockApi({
    ...restoresSessionOf(college),
    'GET /needs/need-1/matches': { body: { matches: [makeMatch()] } },
    'POST /matches/match-1/transitions': {
      body: makeMatch({ stage: 'interested', version: 2, allowedMoves: ['declined'] }),
    },
  });
  const { wrapper } = await mountComponent(MatchPanel, {
    props: { side: 'need', listingId: 'need-1' },
    locale,
  });
  await wrapper.find('[data-testid=move-interested]').trigger('click');
  await settle();
  return { api, wrapper };
}

describe('ProposalDialog', () => {
  it('says what is missing, in English, and sends nothing until it is right', async () => {
    const { api } = await openProposal('en');
    await dialog().find('[data-testid=proposal-submit]').trigger('click');
    await vi.waitFor(() => expect(dialog().text()).toContain('Approach is required'));

    await dialog().find('[data-testid=proposal-approach]').setValue('Too short');
    await vi.waitFor(() => expect(dialog().text()).toContain('Use at least 10 characters'));
    expect(api.callsTo('POST /matches/match-1/transitions')).toHaveLength(0);
  });

  it('says what is missing in Chinese too', async () => {
    await openProposal('zh-CN');
    await dialog().find('[data-testid=proposal-submit]').trigger('click');
    await vi.waitFor(() => expect(dialog().text()).toContain('请输入技术路线'));
    await dialog().find('[data-testid=proposal-approach]').setValue('太短了');
    await vi.waitFor(() => expect(dialog().text()).toContain('至少 10 个字符'));
  });

  it('sends interest with the proposal, the budget turned from 万元 into yuan', async () => {
    const { api, wrapper } = await openProposal('en');
    await dialog()
      .find('[data-testid=proposal-approach]')
      .setValue('Build a thermal error model from sensor data');
    const budget = dialog().find('[data-testid=proposal-budget] input');
    await budget.setValue('12.5');
    await budget.trigger('change');
    await dialog().find('[data-testid=proposal-submit]').trigger('click');
    await settle();

    expect(api.callsTo('POST /matches/match-1/transitions')[0]!.body).toEqual({
      to: 'interested',
      version: 1,
      proposal: { approach: 'Build a thermal error model from sensor data', budget: 125_000 },
    });
    expect(wrapper.find('[data-testid=match-stage]').text()).toBe('Interest shown');
  });

  it('leaves out what was left blank', () => {
    expect(
      toProposalBody({ approach: '  Approach text  ', team: ' ', timeline: '6 months', budgetWan: null }),
    ).toEqual({
      approach: 'Approach text',
      timeline: '6 months',
    });
    expect(toProposalBody({ approach: 'x'.repeat(10), team: '', timeline: '', budgetWan: 0.01 }).budget).toBe(
      100,
    );
  });
});
