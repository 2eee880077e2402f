import { describe, expect, it, vi } from 'vitest';
import { makeNeed, makeOrg, makeUser, quietShell, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import ListingEditPage from './ListingEditPage.vue';

type Wrapper = Awaited<ReturnType<typeof mountComponent>>['wrapper'];

/** The page alone, where the router shows it; `id` edits a listing, none creates one. */
function openForm(type: 'need' | 'capability', id?: string, locale: 'en' | 'zh-CN' = 'en') {
  const path = id
    ? `/${type === 'need' ? 'needs' : 'capabilities'}/${id}/edit`
    : `/${type === 'need' ? 'needs' : 'capabilities'}/new`;
  return mountComponent(ListingEditPage, { props: { type, id }, locale, path });
}
const input = (wrapper: Wrapper, testId: string) => wrapper.find(`[data-testid=${testId}]`);
const budget = (wrapper: Wrapper, end: 'min' | 'max') =>
  wrapper.find(`[data-testid=listing-budget-${end}] input`);
const itemOf = (wrapper: Wrapper, testId: string) => input(wrapper, testId).element.closest('.el-form-item')!;

// Forms with many Element Plus fields render slowly in happy-dom, more so on a busy machine.
describe('ListingEditPage', { timeout: 60_000 }, () => {
  it('checks the fields as the user types, against the server limits', async () => {
    const api = mockApi({ ...restoresSessionOf(makeUser()), ...quietShell() });
    const { wrapper } = await openForm('need');

    await input(wrapper, 'listing-title').setValue('abc');
    await vi.waitFor(() =>
      expect(itemOf(wrapper, 'listing-title').textContent).toContain('Use at least 4 characters'),
    );
    await input(wrapper, 'listing-title').setValue('x'.repeat(201));
    await vi.waitFor(() =>
      expect(itemOf(wrapper, 'listing-title').textContent).toContain('Keep it under 200 characters'),
    );

    await budget(wrapper, 'min').setValue('100');
    await budget(wrapper, 'max').setValue('50');
    await vi.waitFor(() => expect(wrapper.text()).toContain('The upper end must not be below the lower end'));

    await input(wrapper, 'listing-submit').trigger('click');
    // Each field validates on its own tick: wait for both messages.
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('Description is required');
      expect(wrapper.text()).toContain('Technical fields is required');
    });
    expect(api.callsTo('POST /needs')).toHaveLength(0);
  });

  it('says the same in Chinese', async () => {
    mockApi({ ...restoresSessionOf(makeUser()), ...quietShell() });
    const { wrapper } = await openForm('need', undefined, 'zh-CN');

    await input(wrapper, 'listing-title').setValue('abc');
    await vi.waitFor(() => expect(itemOf(wrapper, 'listing-title').textContent).toContain('至少 4 个字符'));
    await input(wrapper, 'listing-submit').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入详细描述'));
  });

  it('sends only what changed, with the budget in yuan and the version it was based on', async () => {
    const need = makeNeed();
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      ...quietShell(),
      'GET /needs/need-1': { body: need },
      'PATCH /needs/need-1': (request) => ({
        body: { ...need, budgetMax: 1_200_000, version: 2, ...(request.body as object) },
      }),
      'GET /needs/need-1/matches': { body: { matches: [] } },
    });
    const { wrapper, router } = await openForm('need', 'need-1');

    expect((budget(wrapper, 'min').element as HTMLInputElement).value).toBe('50.00');
    await budget(wrapper, 'max').setValue('120');
    await input(wrapper, 'listing-save').trigger('click');
    await settle();

    expect(api.callsTo('PATCH /needs/need-1')[0]!.body).toEqual({ budgetMax: 1_200_000, version: 1 });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/needs/need-1'));
  });

  it('puts the server’s problems on the fields they concern', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      ...quietShell(),
      'GET /needs/need-1': { body: makeNeed() },
      'PATCH /needs/need-1': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'bad',
            details: [
              {
                field: 'body.keywords.1',
                problem: 'must not have fewer than 1 characters',
                rule: 'too_short',
                limit: 1,
              },
            ],
          },
        },
      },
    });
    const { wrapper } = await openForm('need', 'need-1');

    await input(wrapper, 'listing-title').setValue('A sharper title for the need');
    await input(wrapper, 'listing-save').trigger('click');
    await settle();

    await vi.waitFor(() =>
      expect(itemOf(wrapper, 'listing-keywords').textContent).toContain(
        'Not accepted by the server: must not be empty',
      ),
    );
    expect(input(wrapper, 'listing-error').text()).toContain('Some fields are not valid: Keywords');
  });

  it('shows the newer version after a conflict and re-applies the user’s changes on top of it', async () => {
    const need = makeNeed();
    const theirs = makeNeed({
      version: 2,
      title: 'Their better title',
      updatedAt: '2025-03-02T09:30:00.000Z',
    });
    const conflict = {
      status: 409,
      body: { error: { code: 'version_conflict', message: 'changed', details: { current: theirs } } },
    };
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      ...quietShell(),
      'GET /needs/need-1': { body: need },
      'PATCH /needs/need-1': [conflict, { body: { ...theirs, version: 3, budgetMax: 2_000_000 } }],
      'GET /needs/need-1/matches': { body: { matches: [] } },
    });
    const { wrapper } = await openForm('need', 'need-1');

    await budget(wrapper, 'max').setValue('200');
    await input(wrapper, 'listing-save').trigger('click');
    await settle();

    const alert = input(wrapper, 'version-conflict');
    expect(alert.text()).toContain('Someone changed this need while you were editing it');
    expect(alert.text()).toContain('It is now at version 2');
    expect(alert.text()).toContain('Changed since you opened it: Title');

    await input(wrapper, 'conflict-mine').trigger('click');
    await settle();

    expect(api.callsTo('PATCH /needs/need-1')[1]!.body).toEqual({ budgetMax: 2_000_000, version: 2 });
  });

  it('shows the details of the capability’s kind', async () => {
    const user = makeUser({ organization: makeOrg({ kind: 'college', verified: false }) });
    mockApi({ ...restoresSessionOf(user), ...quietShell() });
    const { wrapper } = await openForm('capability');

    expect(wrapper.text()).toContain('a coordinator reviews it before it goes public');
    expect(wrapper.find('[data-testid=kind-details]').exists()).toBe(false);
    await wrapper.find('[data-testid=listing-kind] input[value=achievement]').setValue(true);
    await settle();
    expect(wrapper.find('[data-testid=listing-trl]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=listing-booking-terms]').exists()).toBe(false);

    await wrapper.find('[data-testid=listing-kind] input[value=instrument]').setValue(true);
    await settle();
    expect(wrapper.find('[data-testid=listing-booking-terms]').exists()).toBe(true);
  });
});
