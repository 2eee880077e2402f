// Organisation vocabularies. These mirror what @coop/shared will export (ORG_KINDS, DESIGNATIONS, REGIONS);
// once it does, re-export from there and delete the lists below. Labels for kinds and designations live in i18n.

export const ORG_KINDS = ['enterprise', 'college', 'institute', 'association', 'government'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const DESIGNATIONS = [
  'high_tech',
  'specialized_sophisticated',
  'little_giant',
  'invisible_champion',
  'provincial_research_institute',
  'provincial_tech_centre',
] as const;
export type Designation = (typeof DESIGNATIONS)[number];

export interface Region {
  code: string;
  zh: string;
  en: string;
  parent?: string;
}

export const REGIONS: Region[] = [
  { code: '330000', zh: '浙江省', en: 'Zhejiang' },
  { code: '330100', zh: '杭州市', en: 'Hangzhou', parent: '330000' },
  { code: '330106', zh: '西湖区', en: 'Xihu District', parent: '330100' },
  { code: '330200', zh: '宁波市', en: 'Ningbo', parent: '330000' },
  { code: '330300', zh: '温州市', en: 'Wenzhou', parent: '330000' },
  { code: '330400', zh: '嘉兴市', en: 'Jiaxing', parent: '330000' },
  { code: '330500', zh: '湖州市', en: 'Huzhou', parent: '330000' },
  { code: '330600', zh: '绍兴市', en: 'Shaoxing', parent: '330000' },
  { code: '330700', zh: '金华市', en: 'Jinhua', parent: '330000' },
  { code: '330800', zh: '衢州市', en: 'Quzhou', parent: '330000' },
  { code: '330900', zh: '舟山市', en: 'Zhoushan', parent: '330000' },
  { code: '331000', zh: '台州市', en: 'Taizhou', parent: '330000' },
  { code: '331100', zh: '丽水市', en: 'Lishui', parent: '330000' },
];
