import { describe, expect, it } from 'vitest';
import { makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { makeNotification } from '@/testing/matching-fixtures';
import { mockApi, type MockRequest } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

const unread = makeNotification();
const read = makeNotification({
  id: 'note-2',
  kind: 'new_match',
  params: { score: 0.72, needId: 'need-1', capabilityId: 'cap-1' },
  readAt: '2026-11-21T09:00:00.000Z',
});

describe('NotificationsPage', () => {
  it('lists unread or all, marks one or all read, and keeps the bell in step', async () => {
    let unreadCount = 1;
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /notifications': (request: MockRequest) => {
        const items = request.query.get('unread') === 'true' ? [unread] : [unread, read];
        return { body: { ...paged(items), unread: unreadCount } };
      },
      'POST /notifications/note-1/read': () => {
        unreadCount = 0;
        return { body: { marked: 1 } };
      },
      'POST /notifications/read-all': { body: { marked: 0 } },
    });
    const { wrapper, router } = await renderAt('/notifications');

    expect(wrapper.findAll('[data-testid=notification-list] [data-testid=notification]')).toHaveLength(1);
    expect(wrapper.find('[data-testid=notifications-count] sup').text()).toBe('1');

    await router.replace({ query: { tab: 'all' } });
    await settle();
    const items = wrapper.findAll('[data-testid=notification-list] [data-testid=notification]');
    expect(items).toHaveLength(2);
    expect(items[1]!.text()).toContain('New match (72%) for your listing');
    // An enterprise's new match opens its need, where the match panel shows it.
    expect(items[1]!.find('a').attributes('href')).toBe('/needs/need-1');

    await items[0]!.find('[data-testid=notification-read]').trigger('click');
    await settle();
    expect(api.callsTo('POST /notifications/note-1/read')).toHaveLength(1);
    expect(wrapper.find('[data-testid=notifications-count] sup').exists()).toBe(false);
    expect(wrapper.find('[data-testid=notification-read]').exists()).toBe(false);
  });

  it('shows a day’s digest counted by kind', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /notifications/digest': {
        body: { date: '2026-11-21', byKind: { interest: 2, declined: 1 }, items: [unread] },
      },
    });
    const { wrapper } = await renderAt('/notifications?tab=digest', 'zh-CN');

    expect(api.callsTo('GET /notifications/digest')[0]!.query.get('date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const counts = wrapper.find('[data-testid=digest-counts]').text();
    expect(counts).toContain('2表示兴趣');
    expect(counts).toContain('1婉拒');
    expect(wrapper.find('[data-testid=digest]').text()).toContain('对方表示了兴趣');
  });
});
