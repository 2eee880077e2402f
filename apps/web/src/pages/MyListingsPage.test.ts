import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { makeNeed, makeUser, paged, quietShell, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import MyListingsPage from './MyListingsPage.vue';

describe('MyListingsPage', () => {
  it('filters by status through the address and exports what is shown, signed in', async () => {
    const created = vi.fn(() => 'blob:export');
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Object.assign(URL, original);
    });
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      ...quietShell(),
      'GET /needs': (request) => {
        const status = request.query.get('status');
        if (request.query.get('pageSize') === '1')
          return { body: paged([], 1, 1, status === 'draft' ? 2 : 5) };
        return { body: paged([makeNeed({ status: 'draft', title: 'Draft about spindles' })], 1, 20, 2) };
      },
      'GET /export/needs': {
        raw: 'title,description\n',
        headers: {
          'Content-Type': 'text/csv',
          'Content-Disposition': 'attachment; filename="needs-2025-03-01.csv"',
        },
      },
    });
    const { wrapper, router } = await mountComponent(MyListingsPage, {
      props: { type: 'need' },
      path: '/my/needs?status=draft',
    });

    const listCall = api.callsTo('GET /needs').find((call) => call.query.get('pageSize') === '20')!;
    expect(listCall.query.toString()).toBe('page=1&pageSize=20&org=mine&status=draft');
    expect(wrapper.find('[data-testid=listing-table]').text()).toContain('Draft about spindles');
    expect(wrapper.find('[data-testid=status-tabs]').text()).toContain('Draft 2');

    await wrapper.find('[data-testid=status-tabs] #tab-open').trigger('click');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ status: 'open' });

    await wrapper.find('[data-testid=export]').trigger('click');
    await settle();
    (document.querySelector('[data-testid=export-csv]') as HTMLElement).click();
    await settle();

    const exported = api.callsTo('GET /export/needs')[0]!;
    expect(exported.query.toString()).toBe('org=mine&status=open&format=csv&lang=en');
    expect(exported.headers.get('Authorization')).toBe('Bearer token-1');
    expect(created).toHaveBeenCalledTimes(1);
  });
});
