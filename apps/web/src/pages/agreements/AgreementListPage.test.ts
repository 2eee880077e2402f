import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetLiveEvents } from '@/composables/use-live-events';
import { liveStream, makeAgreement, makeLiveEvent } from '@/testing/agreement-fixtures';
import { makeOrg, makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import AgreementListPage from './AgreementListPage.vue';

afterEach(() => resetLiveEvents());

describe('AgreementListPage', () => {
  it('asks for the filters in the address, a page at a time, and words the rows', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': liveStream().reply,
      'GET /agreements': { body: paged([makeAgreement({ expiringSoon: true })], 2, 20, 41) },
    });
    const { wrapper } = await mountComponent(AgreementListPage, {
      path: '/agreements?status=active,signed&mine=1&page=2',
    });

    const query = api.callsTo('GET /agreements')[0]!.query;
    expect(Object.fromEntries(query)).toMatchObject({
      status: 'active,signed',
      org: 'mine',
      page: '2',
      pageSize: '20',
    });
    const row = wrapper.find('[data-testid=agreement-table] .el-table__row').text();
    expect(row).toContain('Three-party framework agreement');
    expect(row).toContain('Framework agreement');
    expect(row).toContain('Active');
    expect(row).toContain('CNY 5,000,000');
    expect(wrapper.find('[data-testid=expiring-soon]').exists()).toBe(true);
    expect(wrapper.find('.el-pagination').exists()).toBe(true);
  });

  it('tells a government officer there is nothing in scope yet, without offering to create one', async () => {
    const officer = makeUser({
      email: 'gov@demo.cn',
      organization: makeOrg({ id: 'gov-1', kind: 'government' }),
    });
    mockApi({
      ...restoresSessionOf(officer),
      'GET /events/stream': liveStream().reply,
      'GET /agreements': { body: paged([]) },
    });
    const { wrapper } = await mountComponent(AgreementListPage, { path: '/agreements', locale: 'zh-CN' });
    expect(wrapper.find('[data-testid=agreements-empty]').text()).toContain('暂无您可查看的协议');
    expect(wrapper.find('[data-testid=agreement-create]').exists()).toBe(false);
  });

  it('shows a new status as soon as the stream reports it', async () => {
    const stream = liveStream();
    mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /events/stream': stream.reply,
      'GET /agreements': [
        { body: paged([makeAgreement()]) },
        { body: paged([makeAgreement({ status: 'completed' })]) },
      ],
    });
    const { wrapper } = await mountComponent(AgreementListPage, { path: '/agreements' });
    stream.send(
      makeLiveEvent({
        entityType: 'agreement',
        entityId: 'agreement-1',
        projectId: null,
        action: 'complete',
      }),
    );
    await vi.waitFor(() => expect(wrapper.find('[data-testid=agreement-status]').text()).toBe('Completed'));
  });
});
