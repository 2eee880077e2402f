import { describe, expect, it } from 'vitest';
import { makeOrg, makeUser, paged, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderAt, settle } from '@/testing/render';

describe('OrgDirectoryPage', () => {
  it('pages and filters through the address', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /orgs': (request) => ({
        body: paged(
          [makeOrg({ nameEn: `Page ${request.query.get('page')}` })],
          Number(request.query.get('page')),
          20,
          45,
        ),
      }),
    });
    const { wrapper, router } = await renderAt('/orgs?kind=college&page=2');

    expect(api.callsTo('GET /orgs')[0]!.query.toString()).toBe('page=2&pageSize=20&kind=college');
    expect(wrapper.find('[data-testid=orgs-table]').text()).toContain('Page 2');

    await wrapper.find('.el-pager li:last-child').trigger('click');
    await settle();

    expect(router.currentRoute.value.query).toEqual({ kind: 'college', page: '3' });
    expect(wrapper.find('[data-testid=orgs-table]').text()).toContain('Page 3');
  });

  it('says what to do when nothing matches the filters', async () => {
    mockApi({ ...restoresSessionOf(makeUser()), 'GET /orgs': { body: paged([]) } });
    const { wrapper, router } = await renderAt('/orgs?q=zzz');

    expect(wrapper.text()).toContain('No organisation matches these filters.');
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Clear filters')!
      .trigger('click');
    await settle();

    expect(router.currentRoute.value.query).toEqual({});
  });
});
