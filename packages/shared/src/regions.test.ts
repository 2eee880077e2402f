import { describe, expect, it } from 'vitest';
import { cityOf, provinceOf, regionLabel, regionWithin } from './regions.js';

describe('regions', () => {
  it('walks a district up to its province', () => {
    expect(provinceOf('330106')).toBe('330000');
    expect(cityOf('330106')).toBe('330100');
    expect(regionLabel('330106', 'zh-CN')).toBe('浙江省 杭州市 西湖区');
    expect(regionLabel('330106', 'en')).toBe('Xihu District, Hangzhou, Zhejiang');
  });

  it("holds a province's cities and districts, a city's districts, and nothing across", () => {
    expect(regionWithin('330106', '330000')).toBe(true);
    expect(regionWithin('330106', '330100')).toBe(true);
    expect(regionWithin('330200', '330100')).toBe(false);
    expect(regionWithin('320000', '330000')).toBe(false);
    expect(regionWithin('330100', '330106')).toBe(false);
  });
});
