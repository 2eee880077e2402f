import { describe, expect, it, vi } from 'vitest';
import { DOMWrapper } from '@vue/test-utils';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { makeNotification } from '@/testing/matching-fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import NotificationBell from './NotificationBell.vue';

const declined = makeNotification({
  id: 'note-2',
  kind: 'declined',
  params: {
    stage: 'declined',
    needTitle: 'Thermal error',
    capabilityTitle: 'Precision team',
    reason: 'Budget spent',
  },
});
const interest = makeNotification();
const page = (unread: number) => ({ items: [declined, interest], total: 2, unread, page: 1, pageSize: 6 });
const body = () => new DOMWrapper(document.body);

async function openBell(locale: 'en' | 'zh-CN' = 'en') {
  const api = mockApi({
    ...restoresSessionOf(makeUser()),
    'GET /notifications': { body: page(2) },
    'POST /notifications/note-2/read': { body: { marked: 1 } },
    'POST /notifications/read-all': { body: { marked: 1 } },
  });
  const { wrapper } = await mountComponent(NotificationBell, { locale });
  await settle();
  return { api, wrapper };
}

describe('NotificationBell', () => {
  it('shows the unread count and words each notification', async () => {
    const { wrapper } = await openBell('en');
    expect(wrapper.find('[data-testid=notifications-count] sup').text()).toBe('2');
    expect(wrapper.find('[data-testid=notifications]').attributes('aria-label')).toBe(
      'Notifications, 2 unread',
    );

    await wrapper.find('[data-testid=notifications]').trigger('click');
    await settle();
    const items = body()
      .findAll('[data-testid=notification]')
      .map((item) => item.text());
    expect(items[0]).toContain('Declined: Thermal error ↔ Precision team');
    expect(items[0]).toContain('Reason: Budget spent');
    expect(items[1]).toContain('Interest shown: Thermal error ↔ Precision team');
    expect(body().find('[data-testid=notification-link]').attributes('href')).toBe(
      '/my/matches?match=match-1',
    );
  });

  it('words them in Chinese too', async () => {
    const { wrapper } = await openBell('zh-CN');
    await wrapper.find('[data-testid=notifications]').trigger('click');
    await settle();
    const items = body()
      .findAll('[data-testid=notification]')
      .map((item) => item.text());
    expect(items[0]).toContain('匹配已被婉拒：Thermal error ↔ Precision team');
    expect(items[0]).toContain('原因：Budget spent');
    expect(items[1]).toContain('对方表示了兴趣');
  });

  it('marks one read and counts down', async () => {
    const { api, wrapper } = await openBell('en');
    await wrapper.find('[data-testid=notifications]').trigger('click');
    await settle();
    await body().find('[data-testid=notification-read]').trigger('click');
    await settle();

    expect(api.callsTo('POST /notifications/note-2/read')).toHaveLength(1);
    expect(wrapper.find('[data-testid=notifications-count] sup').text()).toBe('1');
    expect(body().findAll('[data-testid=notification-read]')).toHaveLength(1);

    await body().find('[data-testid=notifications-read-all]').trigger('click');
    await settle();
    expect(api.callsTo('POST /notifications/read-all')).toHaveLength(1);
    expect(wrapper.find('[data-testid=notifications-count] sup').exists()).toBe(false);
  });

  it('asks again every minute and when the window regains focus', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { api } = await openBell('en');
    expect(api.callsTo('GET /notifications')).toHaveLength(1);
    expect(api.callsTo('GET /notifications')[0]!.query.get('pageSize')).toBe('6');

    vi.advanceTimersByTime(60_000);
    await settle();
    expect(api.callsTo('GET /notifications')).toHaveLength(2);

    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(api.callsTo('GET /notifications')).toHaveLength(3);
  });
});
