import { describe, expect, it, vi } from 'vitest';
import { DOMWrapper } from '@vue/test-utils';
import { conflict, makeAgreement } from '@/testing/agreement-fixtures';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import { settle } from '@/testing/render';
import AgreementActions from './AgreementActions.vue';

const page = () => new DOMWrapper(document.body);
const draft = makeAgreement({
  status: 'draft',
  signedOn: null,
  version: 1,
  allowedActions: ['negotiate', 'sign', 'terminate'],
});

const mountActions = (agreement = draft, locale: 'en' | 'zh-CN' = 'en') =>
  mountComponent(AgreementActions, { props: { agreement }, locale });

const buttons = (wrapper: Awaited<ReturnType<typeof mountActions>>['wrapper']) =>
  wrapper
    .findAll('[data-testid^=agreement-action-]')
    .map((button) => button.attributes('data-testid')!.replace('agreement-action-', ''));

describe('AgreementActions', () => {
  it('offers exactly the moves the API allows, worded in each language', async () => {
    mockApi(restoresSessionOf(makeUser()));
    const { wrapper } = await mountActions();
    expect(buttons(wrapper)).toEqual(['negotiate', 'sign', 'terminate']);
    expect(wrapper.text()).toContain('Start negotiating');
    expect(wrapper.text()).toContain('Sign');

    const active = await mountActions(makeAgreement({ allowedActions: ['complete', 'terminate'] }), 'zh-CN');
    expect(buttons(active.wrapper)).toEqual(['complete', 'terminate']);
    expect(active.wrapper.text()).toContain('完成');
    expect(active.wrapper.text()).toContain('终止');

    const readOnly = await mountActions(makeAgreement({ allowedActions: [] }));
    expect(buttons(readOnly.wrapper)).toEqual([]);
  });

  it('signs only with a signatory for every party, and sends them with the date and version', async () => {
    const api = mockApi({
      ...restoresSessionOf(makeUser()),
      'POST /agreements/agreement-1/transitions': {
        body: makeAgreement({ status: 'signed', version: 2, allowedActions: ['activate'] }),
      },
    });
    const { wrapper } = await mountActions();
    await wrapper.find('[data-testid=agreement-action-sign]').trigger('click');
    await settle();
    expect(page().find('[data-testid=agreement-move-dialog]').text()).toContain(
      'Every party needs a signatory',
    );

    await page().find('[data-testid=move-submit]').trigger('click');
    await vi.waitFor(() =>
      expect(page().find('[data-testid=agreement-move-dialog]').text()).toContain('Signatory is required'),
    );
    expect(api.callsTo('POST /agreements/agreement-1/transitions')).toHaveLength(0);

    await page().find('[data-testid=sign-name-0]').setValue('Li Qiang');
    await page().find('[data-testid=sign-title-0]').setValue('General manager');
    await page().find('[data-testid=sign-name-1]').setValue('Chen Jing');
    await page().find('[data-testid=sign-name-2]').setValue('Zheng Fang');
    await page().find('[data-testid=move-submit]').trigger('click');
    await settle();

    const body = api.callsTo('POST /agreements/agreement-1/transitions')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ action: 'sign', version: 1 });
    expect(body.signatories).toEqual([
      { orgId: 'org-1', signatoryName: 'Li Qiang', signatoryTitle: 'General manager' },
      { orgId: 'org-2', signatoryName: 'Chen Jing', signatoryTitle: null },
      { orgId: 'org-3', signatoryName: 'Zheng Fang', signatoryTitle: null },
    ]);
    expect(wrapper.emitted('changed')?.[0]?.[0]).toMatchObject({ status: 'signed', version: 2 });
  });

  it('will not terminate without a reason (in Chinese too)', async () => {
    const api = mockApi(restoresSessionOf(makeUser()));
    const { wrapper } = await mountActions(draft, 'zh-CN');
    await wrapper.find('[data-testid=agreement-action-terminate]').trigger('click');
    await settle();
    await page().find('[data-testid=move-submit]').trigger('click');
    await vi.waitFor(() =>
      expect(page().find('[data-testid=agreement-move-dialog]').text()).toContain('请输入终止原因'),
    );
    expect(api.callsTo('POST /agreements/agreement-1/transitions')).toHaveLength(0);
  });

  it('on a stale version asks for the current state and tells the user', async () => {
    mockApi({
      ...restoresSessionOf(makeUser()),
      'POST /agreements/agreement-1/transitions': conflict(
        makeAgreement({ status: 'negotiating', version: 2 }),
      ),
    });
    const { wrapper } = await mountActions();
    await wrapper.find('[data-testid=agreement-action-terminate]').trigger('click');
    await settle();
    await page().find('[data-testid=terminate-reason]').setValue('Plans changed');
    await page().find('[data-testid=move-submit]').trigger('click');
    await settle();

    expect(wrapper.emitted('reload')).toHaveLength(1);
    expect(wrapper.emitted('changed')).toBeUndefined();
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain('Someone else changed this a moment ago'),
    );
    expect(page().find('[data-testid=agreement-move-dialog]').exists()).toBe(false);
  });
});
