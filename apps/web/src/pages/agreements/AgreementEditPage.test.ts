import { describe, expect, it, vi } from 'vitest';
import { DOMWrapper } from '@vue/test-utils';
import { conflict, makeAgreement } from '@/testing/agreement-fixtures';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import AgreementEditPage from './AgreementEditPage.vue';

const form = () => new DOMWrapper(document.body).find('[data-testid=agreement-form]');

describe('AgreementEditPage', () => {
  it('says what is missing before proposing, in English and in Chinese', async () => {
    const api = mockApi(restoresSessionOf(makeUser()));
    const { wrapper } = await mountComponent(AgreementEditPage, { path: '/agreements/new' });
    await wrapper.find('[data-testid=agreement-submit]').trigger('click');
    // Each field validates on its own tick: wait for both messages.
    await vi.waitFor(() => {
      expect(form().text()).toContain('Title is required');
      expect(form().text()).toContain('Choose an organisation for every party');
    });
    expect(api.callsTo('POST /agreements')).toHaveLength(0);

    const chinese = await mountComponent(AgreementEditPage, { path: '/agreements/new', locale: 'zh-CN' });
    await chinese.wrapper.find('[data-testid=agreement-submit]').trigger('click');
    await vi.waitFor(() => {
      expect(chinese.wrapper.text()).toContain('请输入协议名称');
      expect(chinese.wrapper.text()).toContain('请为每个签约方选择单位');
    });
  });

  it('saves edited terms with the version, the value converted from 万元 to yuan', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /agreements/agreement-1': { body: makeAgreement({ status: 'draft', version: 4 }) },
      'PATCH /agreements/agreement-1': { body: makeAgreement({ version: 5 }) },
    });
    const { wrapper, router } = await mountComponent(AgreementEditPage, {
      props: { id: 'agreement-1' },
      path: '/agreements/agreement-1/edit',
    });
    await wrapper.find('[data-testid=agreement-value] input').setValue('120.5');
    await wrapper.find('[data-testid=agreement-value] input').trigger('change');
    await wrapper.find('[data-testid=agreement-submit]').trigger('click');
    await settle();

    await vi.waitFor(() => expect(api.callsTo('PATCH /agreements/agreement-1')).toHaveLength(1));
    const body = api.callsTo('PATCH /agreements/agreement-1')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      version: 4,
      valueYuan: 1_205_000,
      type: 'framework',
      title: 'Three-party framework agreement',
    });
    expect((body.parties as unknown[]).length).toBe(3);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('agreement'), { timeout: 15_000 });
  });

  it('on a stale version shows the agreement as it is now and explains', async () => {
    const current = makeAgreement({ status: 'draft', version: 5, title: 'Renamed by the college' });
    mockApi({
      ...restoresSessionOf(makeUser()),
      'GET /agreements/agreement-1': [
        { body: makeAgreement({ status: 'draft', version: 4 }) },
        { body: current },
      ],
      'PATCH /agreements/agreement-1': conflict(current),
    });
    const { wrapper } = await mountComponent(AgreementEditPage, {
      props: { id: 'agreement-1' },
      path: '/agreements/agreement-1/edit',
    });
    await wrapper.find('[data-testid=agreement-submit]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid=agreement-form-error]').text()).toContain(
      'Someone else changed this a moment ago',
    );
    expect((wrapper.find('[data-testid=agreement-title]').element as HTMLInputElement).value).toBe(
      'Renamed by the college',
    );
  });
});
