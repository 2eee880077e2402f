import { describe, expect, it } from 'vitest';
import { makeOrg, makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { makeMatch } from '@/testing/matching-fixtures';
import { mockApi, type MockRequest } from '@/testing/mock-api';
import { renderAt } from '@/testing/render';

const college = makeUser({ organization: makeOrg({ id: 'org-2', kind: 'college' }) });
const declined = makeMatch({
  id: 'match-2',
  stage: 'declined',
  declineReason: 'Our budget is committed this year',
  allowedMoves: [],
});

describe('MyMatchesPage', () => {
  it('shows my matches by stage, from my side, with the reason of a decline', async () => {
    const api = mockApi({
      ...restoresSessionOf(college),
      'GET /matches': (request: MockRequest) => {
        const stage = request.query.get('stage');
        if (stage === 'suggested') return { body: paged([makeMatch()], 1, 10) };
        if (stage === 'declined') return { body: paged([declined], 1, 10) };
        return { body: paged([], 1, 10) };
      },
    });
    const { wrapper } = await renderAt('/my/matches?match=match-2');

    const stages = api.callsTo('GET /matches').map((call) => call.query.get('stage'));
    expect(stages).toEqual(['suggested', 'interested', 'introduced', 'negotiating', 'agreed', 'declined']);
    expect(api.callsTo('GET /matches')[0]!.query.get('scope')).toBe('mine');

    const suggested = wrapper.find('[data-testid=column-suggested]');
    // The college sees the need it could answer, not its own capability.
    expect(suggested.find('[data-testid=match-party]').text()).toBe(makeMatch().need.title);
    expect(suggested.find('[data-testid=move-interested]').exists()).toBe(true);

    const column = wrapper.find('[data-testid=column-declined]');
    expect(column.find('[data-testid=decline-reason]').text()).toContain('Our budget is committed this year');
    expect(column.find('.match-card').classes()).toContain('highlighted');
    expect(wrapper.find('[data-testid=column-agreed]').text()).toContain('Matches that led to cooperation.');
  });

  it('says what to do when there are no matches at all', async () => {
    mockApi({ ...restoresSessionOf(college), 'GET /matches': { body: paged([], 1, 10) } });
    const { wrapper } = await renderAt('/my/matches', 'zh-CN');
    expect(wrapper.find('[data-testid=board-empty]').text()).toContain('发布一项能力');
  });
});
