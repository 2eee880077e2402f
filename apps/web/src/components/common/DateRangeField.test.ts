import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import DateRangeField from './DateRangeField.vue';

const mountField = (range: [string, string] | null) =>
  mount(DateRangeField, {
    props: { modelValue: range, label: 'Reporting period', startPlaceholder: 'From', endPlaceholder: 'To' },
    attachTo: document.body,
  });

describe('DateRangeField', () => {
  it('shows the range, and opens the real picker on that range when clicked', async () => {
    const wrapper = mountField(['2026-01-01', '2026-12-03']);
    const button = wrapper.get('button');
    expect(button.findAll('span').map((span) => span.text())).toEqual([
      'Reporting period',
      '2026-01-01',
      '-',
      '2026-12-03',
    ]);
    expect(document.querySelector('.el-date-range-picker')).toBeNull();

    await button.trigger('click');
    await flushPromises();
    const inputs = wrapper.findAll('input.el-range-input');
    expect(inputs.map((input) => (input.element as HTMLInputElement).value)).toEqual([
      '2026-01-01',
      '2026-12-03',
    ]);
    expect(document.querySelector('.el-date-range-picker')).not.toBeNull();
  });

  it('says what to pick while no range is chosen', () => {
    const button = mountField(null).get('button');
    expect(button.findAll('span').map((span) => span.text())).toEqual([
      'Reporting period',
      'From',
      '-',
      'To',
    ]);
  });
});
