import { describe, expect, it } from 'vitest';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import ChartCard, { type ChartRow } from './ChartCard.vue';

const cities: ChartRow[] = [
  { key: '330100', label: 'Hangzhou, Zhejiang', value: 1234, lastYear: 900 },
  { key: '330200', label: 'Ningbo, Zhejiang', value: 56, lastYear: 70 },
];

const mountCard = (kind: 'map' | 'bar', locale: 'en' | 'zh-CN' = 'en') => {
  mockApi(restoresSessionOf(makeUser()));
  return mountComponent(ChartCard, {
    locale,
    props: {
      title: 'Needs posted · Region',
      rows: cities,
      kind,
      valueLabel: 'Needs posted',
      testId: 'chart-map',
      fetchXlsx: () => Promise.reject(new Error('not asked for here')),
    },
  });
};
const tableLines = (wrapper: Awaited<ReturnType<typeof mountCard>>['wrapper']) =>
  wrapper.findAll('[data-testid=chart-map-rows] tbody tr').map((row) =>
    row
      .findAll('td')
      .map((cell) => cell.text())
      .join(' | '),
  );

describe('ChartCard as a map', () => {
  it('shows the cities’ figures in a table beside the map, with no switch to hide either', async () => {
    const { wrapper } = await mountCard('map');

    expect(tableLines(wrapper)).toEqual(['Hangzhou, Zhejiang | 1,234 | 900', 'Ningbo, Zhejiang | 56 | 70']);
    expect(wrapper.find('.chart').exists()).toBe(true);
    expect(wrapper.find('[data-testid=chart-map-table]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=chart-map-rows] thead').text()).toContain('Same period last year');
  });

  it('asks for the rows behind a city when its line in the table is clicked', async () => {
    const { wrapper } = await mountCard('map');

    await wrapper.findAll('[data-testid=chart-map-rows] tbody tr')[1]!.trigger('click');

    expect(wrapper.emitted('drill')).toEqual([[cities[1]]]);
  });

  it('labels the table in Chinese', async () => {
    const { wrapper } = await mountCard('map', 'zh-CN');

    expect(wrapper.find('[data-testid=chart-map-rows] thead').text()).toContain('去年同期');
    expect(wrapper.text()).toContain('点击图表或表格行');
  });

  it('keeps a bar chart’s table behind the table switch', async () => {
    const { wrapper } = await mountCard('bar');
    expect(wrapper.find('[data-testid=chart-map-rows]').exists()).toBe(false);

    await wrapper.find('[data-testid=chart-map-table] input').setValue(true);

    expect(tableLines(wrapper)).toHaveLength(2);
  });
});
