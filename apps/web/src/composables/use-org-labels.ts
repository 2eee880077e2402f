import { useI18n } from 'vue-i18n';
import type { OrgRef } from '@/api/types';
import { REGIONS, type Designation, type OrgKind } from '@/api/vocabulary';

const regionsByCode = new Map(REGIONS.map((region) => [region.code, region]));

/** Names and labels of organisations in the current language. */
export function useOrgLabels() {
  const { t, locale } = useI18n();
  const isZh = () => locale.value === 'zh-CN';

  const orgName = (org: OrgRef) => (isZh() ? org.nameZh || org.nameEn : org.nameEn || org.nameZh);
  const otherName = (org: OrgRef) => {
    const other = isZh() ? org.nameEn : org.nameZh;
    return other && other !== orgName(org) ? other : '';
  };
  const kindLabel = (kind: OrgKind) => t(`org.kinds.${kind}`);
  const designationLabel = (designation: Designation) => t(`org.designations.${designation}`);

  /** "杭州市西湖区" / "Xihu District, Hangzhou"; the province is left out below province level. */
  function regionLabel(code: string): string {
    const chain = [];
    for (let region = regionsByCode.get(code); region; region = region.parent ? regionsByCode.get(region.parent) : undefined) {
      chain.push(region);
    }
    if (chain.length === 0) return code;
    const shown = chain.length > 1 ? chain.slice(0, -1) : chain;
    return isZh() ? shown.map((region) => region.zh).reverse().join('') : shown.map((region) => region.en).join(', ');
  }

  const regionOptions = () => REGIONS.map((region) => ({ value: region.code, label: regionLabel(region.code) }));

  return { orgName, otherName, kindLabel, designationLabel, regionLabel, regionOptions };
}
