// Enumerations shared by the API (validation, database) and the web app (forms, labels).

export const ORG_KINDS = ['enterprise', 'college', 'institute', 'association', 'government'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_ROLES = ['admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const PLATFORM_ROLES = ['admin', 'coordinator'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Labelled<T extends string = string> {
  value: T;
  zh: string;
  en: string;
}

export const ORG_KIND_LABELS: Labelled<OrgKind>[] = [
  { value: 'enterprise', zh: '企业', en: 'Enterprise' },
  { value: 'college', zh: '高校', en: 'College / university' },
  { value: 'institute', zh: '科研院所', en: 'Research institute' },
  { value: 'association', zh: '行业协会', en: 'Industry association' },
  { value: 'government', zh: '政府部门', en: 'Government office' },
];

export const DESIGNATIONS = [
  'high_tech',
  'specialized_sophisticated',
  'little_giant',
  'invisible_champion',
  'provincial_research_institute',
  'provincial_tech_centre',
] as const;
export type Designation = (typeof DESIGNATIONS)[number];
export const DESIGNATION_STATUSES = ['pending', 'verified', 'rejected', 'expired'] as const;
export type DesignationStatus = (typeof DESIGNATION_STATUSES)[number];

export const DESIGNATION_LABELS: Labelled<Designation>[] = [
  { value: 'high_tech', zh: '高新技术企业', en: 'High-tech enterprise' },
  { value: 'specialized_sophisticated', zh: '专精特新企业', en: 'Specialised & sophisticated (专精特新)' },
  { value: 'little_giant', zh: '专精特新“小巨人”', en: 'Little giant' },
  { value: 'invisible_champion', zh: '隐形冠军', en: 'Invisible champion' },
  { value: 'provincial_research_institute', zh: '省级研究院', en: 'Provincial research institute' },
  { value: 'provincial_tech_centre', zh: '省级企业技术中心', en: 'Provincial technology centre' },
];

export function labelOf<T extends string>(list: Labelled<T>[], value: T, locale: Locale | string): string {
  const item = list.find((entry) => entry.value === value);
  if (!item) return value;
  return locale === 'en' ? item.en : item.zh;
}

/**
 * What a field problem breaks, so clients can word it in their own language; `problem` stays the English text.
 * too_short / too_long and too_few / too_many are sizes of text and lists, too_small / too_large of numbers.
 */
export const FIELD_RULES = [
  'required',
  'not_allowed',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_large',
  'format',
  'not_one_of',
  'duplicate',
  'unknown_value',
  'type',
  'invalid',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];
