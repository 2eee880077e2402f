import { describe, expect, it } from 'vitest';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import DialogFooter from './DialogFooter.vue';

describe('DialogFooter', () => {
  it.each([
    ['en', 'Cancel'],
    ['zh-CN', '取消'],
  ] as const)(
    'cancels in the reader’s language and confirms with the label given (%s)',
    async (locale, cancel) => {
      mockApi(restoresSessionOf(makeUser()));
      const { wrapper } = await mountComponent(DialogFooter, {
        props: { confirmLabel: 'Send', confirmTestId: 'send' },
        locale,
      });
      const [cancelButton, confirmButton] = wrapper.findAll('button');
      expect(cancelButton!.text()).toBe(cancel);
      expect(confirmButton!.text()).toBe('Send');
      expect(confirmButton!.classes()).toContain('el-button--primary');
      await cancelButton!.trigger('click');
      await wrapper.find('[data-testid=send]').trigger('click');
      expect(wrapper.emitted('cancel')).toHaveLength(1);
      expect(wrapper.emitted('confirm')).toHaveLength(1);
    },
  );

  it('shows the work going on and a dangerous action in red', async () => {
    mockApi(restoresSessionOf(makeUser()));
    const { wrapper } = await mountComponent(DialogFooter, {
      props: { confirmLabel: 'Decline', confirmTestId: 'decline', loading: true, danger: true },
    });
    const confirm = wrapper.find('[data-testid=decline]');
    expect(confirm.classes()).toEqual(expect.arrayContaining(['el-button--danger', 'is-loading']));
    expect(confirm.attributes('disabled')).toBeDefined();
  });
});
