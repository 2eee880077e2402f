import { describe, expect, it } from 'vitest';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import KpiTiles from './KpiTiles.vue';

const mountTiles = (figures: Record<string, { value: number; lastYear: number; sameBasis: number }>) => {
  mockApi(restoresSessionOf(makeUser()));
  return mountComponent(KpiTiles, {
    locale: 'en',
    props: {
      summary: { from: '2026-01-01', to: '2026-12-03', regionCode: null, figures },
      targets: { scope: { kind: 'platform', key: 'all' }, items: [] },
    },
  });
};
const tileText = async (figure: { value: number; lastYear: number; sameBasis: number }) => {
  const { wrapper } = await mountTiles({ needs_posted: figure });
  return wrapper.find('[data-testid=kpi-needs_posted]').text().replace(/\s+/g, ' ');
};

describe('KpiTiles', () => {
  it('compares like for like and says so when organisations new this year make the figures differ', async () => {
    // 90 posted, 83 of them by organisations that existed a year ago: 83 against last year's 88 is 6 % down.
    expect(await tileText({ value: 90, lastYear: 88, sameBasis: 83 })).toContain(
      'Same period last year 88 · like for like 83 ▼ 6%',
    );
  });

  it('shows only last year when every organisation already existed', async () => {
    const text = await tileText({ value: 90, lastYear: 60, sameBasis: 90 });
    expect(text).toContain('Same period last year 60 ▲ 50%');
    expect(text).not.toContain('like for like');
  });
});
