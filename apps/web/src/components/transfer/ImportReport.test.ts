import { describe, expect, it } from 'vitest';
import type { ImportReport as Report, Locale } from '@/api/types';
import { makeUser, restoresSessionOf } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { mountComponent } from '@/testing/mount-component';
import ImportReport from './ImportReport.vue';

const report: Report = {
  total: 4,
  created: 1,
  updated: 0,
  rejected: 3,
  errors: [
    {
      row: 2,
      title: '显微镜',
      problems: [
        { field: 'title', problem: 'must not have fewer than 4 characters', rule: 'too_short', limit: 4 },
        { field: 'keywords', problem: 'must not have more than 40 characters', rule: 'too_long', limit: 40 },
      ],
    },
    {
      row: 3,
      title: 'Wind tunnel',
      problems: [
        {
          field: 'region',
          problem: '"Atlantis" is not a known region',
          rule: 'unknown_value',
          value: 'Atlantis',
        },
        { field: 'kind', problem: 'is required', rule: 'required' },
      ],
    },
    {
      row: 4,
      title: 'Materials lab',
      // A rule a newer server may send: its English text is shown as it is.
      problems: [{ field: 'row', problem: 'clashes with a row above', rule: 'clash' as 'invalid' }],
    },
  ],
};

async function problemsIn(locale: Locale) {
  mockApi(restoresSessionOf(makeUser()));
  const { wrapper } = await mountComponent(ImportReport, { props: { report }, locale });
  return wrapper
    .findAll('[data-testid=import-errors] tbody tr')
    .map((row) => row.findAll('li').map((item) => item.text()));
}

describe('ImportReport', () => {
  it('words each problem in Chinese, with the column it concerns', async () => {
    expect(await problemsIn('zh-CN')).toEqual([
      ['title（标题）：不能少于 4 个字符', 'keywords（关键词）：不能超过 40 个字符'],
      ['region（地区）：“Atlantis” 不是可识别的取值', 'kind（类型）：必填'],
      ['整行：clashes with a row above'],
    ]);
  });

  it('words each problem in English', async () => {
    expect(await problemsIn('en')).toEqual([
      ['title: must have at least 4 characters', 'keywords: must have at most 40 characters'],
      ['region: "Atlantis" is not a known value', 'kind: is required'],
      ['the row: clashes with a row above'],
    ]);
  });
});
