import { describe, expect, it } from 'vitest';
import { cityOf, provinceOf, regionLabel } from './regions.js';

describe('regions', () => {
  it('walks a district up to its province', () => {
    expect(provinceOf('330106')).toBe('330000');
    expect(cityOf('330106')).toBe('330100');
    expect(regionLabel('330106', 'zh-CN')).toBe('浙江省 杭州市 西湖区');
    expect(regionLabel('330106', 'en')).toBe('Xihu District, Hangzhou, Zhejiang');
  });
});
