// Administrative regions by GB/T 2260 code. Zhejiang in detail (the platform's home region),
// other provinces at province level so organisations elsewhere can still say where they are.

export interface Region {
  code: string;
  zh: string;
  en: string;
  parent?: string;
}

const ZHEJIANG: Region[] = [
  { code: '330000', zh: '浙江省', en: 'Zhejiang' },
  { code: '330100', zh: '杭州市', en: 'Hangzhou', parent: '330000' },
  { code: '330106', zh: '西湖区', en: 'Xihu District', parent: '330100' },
  { code: '330108', zh: '滨江区', en: 'Binjiang District', parent: '330100' },
  { code: '330110', zh: '余杭区', en: 'Yuhang District', parent: '330100' },
  { code: '330200', zh: '宁波市', en: 'Ningbo', parent: '330000' },
  { code: '330212', zh: '鄞州区', en: 'Yinzhou District', parent: '330200' },
  { code: '330300', zh: '温州市', en: 'Wenzhou', parent: '330000' },
  { code: '330400', zh: '嘉兴市', en: 'Jiaxing', parent: '330000' },
  { code: '330500', zh: '湖州市', en: 'Huzhou', parent: '330000' },
  { code: '330600', zh: '绍兴市', en: 'Shaoxing', parent: '330000' },
  { code: '330700', zh: '金华市', en: 'Jinhua', parent: '330000' },
  { code: '330800', zh: '衢州市', en: 'Quzhou', parent: '330000' },
  { code: '330900', zh: '舟山市', en: 'Zhoushan', parent: '330000' },
  { code: '331000', zh: '台州市', en: 'Taizhou', parent: '330000' },
  { code: '331002', zh: '椒江区', en: 'Jiaojiang District', parent: '331000' },
  { code: '331100', zh: '丽水市', en: 'Lishui', parent: '330000' },
];

const PROVINCES: Region[] = [
  ['110000', '北京市', 'Beijing'],
  ['120000', '天津市', 'Tianjin'],
  ['310000', '上海市', 'Shanghai'],
  ['320000', '江苏省', 'Jiangsu'],
  ['340000', '安徽省', 'Anhui'],
  ['350000', '福建省', 'Fujian'],
  ['360000', '江西省', 'Jiangxi'],
  ['370000', '山东省', 'Shandong'],
  ['420000', '湖北省', 'Hubei'],
  ['430000', '湖南省', 'Hunan'],
  ['440000', '广东省', 'Guangdong'],
  ['500000', '重庆市', 'Chongqing'],
  ['510000', '四川省', 'Sichuan'],
  ['610000', '陕西省', 'Shaanxi'],
].map(([code, zh, en]) => ({ code: code!, zh: zh!, en: en! }));

export const REGIONS: Region[] = [...ZHEJIANG, ...PROVINCES];
export const REGION_CODES = REGIONS.map((region) => region.code);

const byCode = new Map(REGIONS.map((region) => [region.code, region]));

export function regionOf(code: string): Region | undefined {
  return byCode.get(code);
}

/** Province code of any region code ("330106" → "330000"). */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** City code of a district or city code ("330106" → "330100"); provinces answer themselves. */
export function cityOf(code: string): string {
  return code.endsWith('0000') ? code : `${code.slice(0, 4)}00`;
}

/** "浙江省 杭州市 西湖区" or "Xihu District, Hangzhou, Zhejiang". */
export function regionLabel(code: string, locale: string): string {
  const chain: Region[] = [];
  for (
    let region = byCode.get(code);
    region;
    region = region.parent ? byCode.get(region.parent) : undefined
  ) {
    chain.unshift(region);
  }
  if (chain.length === 0) return code;
  return locale === 'en'
    ? chain
        .map((region) => region.en)
        .reverse()
        .join(', ')
    : chain.map((region) => region.zh).join(' ');
}

/**
 * The code prefix every region inside this one shares ("330000" → "33", "330100" → "3301", "330106" → "330106"):
 * a province holds its cities, a city its districts.
 */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether `code` lies inside (or is) the region `scope`. */
export function regionWithin(code: string, scope: string): boolean {
  return code.startsWith(regionPrefix(scope));
}
