import { describe, expect, it, vi } from 'vitest';
import { DOMWrapper } from '@vue/test-utils';
import { makeOrg, makeUser, restoresSessionOf } from '@/testing/fixtures';
import { makeMatch } from '@/testing/matching-fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import MatchPanel from './MatchPanel.vue';

const college = makeUser({
  email: 'college@demo.cn',
  organization: makeOrg({ id: 'org-2', kind: 'college' }),
});
const body = (element: string) => new DOMWrapper(document.body).find(element);

const mountPanel = (locale: 'en' | 'zh-CN' = 'en') =>
  mountComponent(MatchPanel, { props: { side: 'need', listingId: 'need-1' }, locale });

describe('MatchPanel', () => {
  it('words the reasons in English', async () => {
    const api = mockApi({
      ...restoresSessionOf(college),
      'GET /needs/need-1/matches': { body: { matches: [makeMatch()] } },
    });
    const { wrapper } = await mountPanel('en');

    expect(api.callsTo('GET /needs/need-1/matches')[0]!.query.get('limit')).toBe('10');
    const reasons = wrapper.findAll('[data-testid=match-reasons] li').map((item) => item.text());
    expect(reasons).toEqual([
      'Shared key terms: 误差, 补偿',
      'Same technical field: CNC machine tools',
      'Both want: Joint R&D',
      'Both in Hangzhou',
      'Recognised as: Provincial research institute',
      'Worked together before, 2 times',
    ]);
    expect(wrapper.find('[data-testid=match-score]').text()).toBe('Match 66%');
    expect(wrapper.find('[data-testid=match-party]').text()).toBe('精密制造与误差补偿研究团队');
  });

  it('words the reasons in Chinese', async () => {
    mockApi({
      ...restoresSessionOf(college),
      'GET /needs/need-1/matches': { body: { matches: [makeMatch()] } },
    });
    const { wrapper } = await mountPanel('zh-CN');

    const reasons = wrapper.findAll('[data-testid=match-reasons] li').map((item) => item.text());
    expect(reasons).toEqual([
      '共同关键词：误差、补偿',
      '技术领域相同：数控机床',
      '合作方式一致：联合研发',
      '同在杭州市',
      '机构资质：省级研究院',
      '双方曾合作 2 次',
    ]);
    expect(wrapper.find('[data-testid=match-score]').text()).toBe('匹配度 66%');
  });

  it('shows a confidential need as such', async () => {
    const hidden = makeMatch({ need: { ...makeMatch().need, orgId: null, orgName: null, anonymised: true } });
    mockApi({
      ...restoresSessionOf(college),
      'GET /capabilities/cap-1/matches': { body: { matches: [hidden] } },
    });
    const { wrapper } = await mountComponent(MatchPanel, {
      props: { side: 'capability', listingId: 'cap-1' },
    });
    expect(wrapper.find('[data-testid=match-card]').text()).toContain('Confidential need');
  });

  it('will not decline without a reason, and sends the reason the other side will see', async () => {
    const api = mockApi({
      ...restoresSessionOf(college),
      'GET /needs/need-1/matches': { body: { matches: [makeMatch()] } },
      'POST /matches/match-1/transitions': (request) => ({
        body: makeMatch({
          stage: 'declined',
          version: 2,
          allowedMoves: [],
          declineReason: (request.body as { reason: string }).reason,
        }),
      }),
    });
    const { wrapper } = await mountPanel('en');

    await wrapper.find('[data-testid=move-declined]').trigger('click');
    await settle();
    expect(body('[data-testid=move-dialog]').text()).toContain('The other side sees your reason');
    await body('[data-testid=move-confirm]').trigger('click');
    await vi.waitFor(() => expect(body('[data-testid=move-dialog]').text()).toContain('Reason is required'));
    expect(api.callsTo('POST /matches/match-1/transitions')).toHaveLength(0);

    await body('[data-testid=move-text]').setValue('Budget committed this year');
    await body('[data-testid=move-confirm]').trigger('click');
    await settle();

    expect(api.callsTo('POST /matches/match-1/transitions')[0]!.body).toEqual({
      to: 'declined',
      version: 1,
      reason: 'Budget committed this year',
    });
    expect(wrapper.find('[data-testid=match-stage]').text()).toBe('Declined');
    expect(wrapper.find('[data-testid=decline-reason]').text()).toContain('Budget committed this year');
  });

  it('asks for the reason in Chinese too', async () => {
    mockApi({
      ...restoresSessionOf(college),
      'GET /needs/need-1/matches': { body: { matches: [makeMatch()] } },
    });
    const { wrapper } = await mountPanel('zh-CN');
    await wrapper.find('[data-testid=move-declined]').trigger('click');
    await settle();
    await body('[data-testid=move-confirm]').trigger('click');
    await vi.waitFor(() => expect(body('[data-testid=move-dialog]').text()).toContain('请输入原因'));
  });

  it('shows the latest state when someone else moved the match first', async () => {
    const current = makeMatch({ stage: 'introduced', version: 3, allowedMoves: ['negotiating', 'declined'] });
    mockApi({
      ...restoresSessionOf(college),
      'GET /needs/need-1/matches': { body: { matches: [makeMatch()] } },
      'POST /matches/match-1/transitions': {
        status: 409,
        body: { error: { code: 'version_conflict', message: 'moved', details: { current } } },
      },
    });
    const { wrapper } = await mountPanel('en');
    await wrapper.find('[data-testid=move-declined]').trigger('click');
    await settle();
    await body('[data-testid=move-text]').setValue('Not now');
    await body('[data-testid=move-confirm]').trigger('click');
    await settle();

    expect(wrapper.find('[data-testid=match-stage]').text()).toBe('Introduced');
    expect(wrapper.find('[data-testid=move-negotiating]').exists()).toBe(true);
    expect(document.body.textContent).toContain('Someone moved this match while you were looking');
  });

  it('says what to do when there are no matches', async () => {
    mockApi({ ...restoresSessionOf(college), 'GET /needs/need-1/matches': { body: { matches: [] } } });
    const { wrapper } = await mountPanel('en');
    expect(wrapper.text()).toContain('No matches yet.');
    expect(wrapper.text()).toContain('Adding precise keywords and fields helps.');
  });
});
