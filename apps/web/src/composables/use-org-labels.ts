import { useI18n } from 'vue-i18n';
import {
  DESIGNATION_LABELS,
  ORG_KIND_LABELS,
  REGIONS,
  labelOf,
  regionLabel as sharedRegionLabel,
} from '@coop/shared';
import type { OrgKind, OrgRef } from '@/api/types';

/** Names and labels of organisations in the current language (labels come from @coop/shared). */
export function useOrgLabels() {
  const { locale } = useI18n();
  const isZh = () => locale.value === 'zh-CN';

  const orgName = (org: OrgRef) => (isZh() ? org.nameZh || org.nameEn : org.nameEn || org.nameZh);
  const otherName = (org: OrgRef) => {
    const other = isZh() ? org.nameEn : org.nameZh;
    return other && other !== orgName(org) ? other : '';
  };
  const kindLabel = (kind: OrgKind) => labelOf(ORG_KIND_LABELS, kind, locale.value);
  const designationLabel = (designation: string) =>
    labelOf<string>(DESIGNATION_LABELS, designation, locale.value);
  /** "浙江省 杭州市 西湖区" / "Xihu District, Hangzhou, Zhejiang". */
  const regionLabel = (code: string) => sharedRegionLabel(code, locale.value);
  const regionOptions = () =>
    REGIONS.map((region) => ({ value: region.code, label: regionLabel(region.code) }));

  return { orgName, otherName, kindLabel, designationLabel, regionLabel, regionOptions };
}
