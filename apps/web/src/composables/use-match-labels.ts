import { useI18n } from 'vue-i18n';
import {
  COOPERATION_TYPE_LABELS,
  DESIGNATION_LABELS,
  fieldLabel,
  labelOf,
  regionOf,
  type CooperationType,
  type Designation,
} from '@coop/shared';
import type { Match, MatchParty, MatchReason, MatchStage } from '@/api/matching';
import type { ListingType } from '@/api/types';

type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

const STAGE_TAGS: Record<MatchStage, TagType> = {
  suggested: 'info',
  interested: 'warning',
  introduced: 'primary',
  negotiating: 'primary',
  agreed: 'success',
  declined: 'danger',
};

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

/** One reason as a sentence in the reader's language, e.g. "共同关键词：误差、补偿" or "Both in Hangzhou". */
export function describeReason(reason: MatchReason, t: Translate, locale: string): string {
  const place = (code: string) => {
    const region = regionOf(code);
    return region ? (locale === 'en' ? region.en : region.zh) : code;
  };
  switch (reason.kind) {
    case 'shared_terms':
      return t('matching.reasons.sharedTerms', { terms: joined(reason.terms, locale) });
    case 'translated_terms':
      return t('matching.reasons.translatedTerms', {
        terms: joined(
          reason.terms.map((term) => `${term.own} = ${term.other}`),
          locale,
        ),
      });
    case 'shared_fields':
      return t('matching.reasons.sharedFields', {
        fields: joined(
          reason.fields.map((code) => fieldLabel(code, locale)),
          locale,
        ),
      });
    case 'cooperation_types':
      return t('matching.reasons.cooperationTypes', {
        types: joined(
          reason.types.map((type) => labelOf(COOPERATION_TYPE_LABELS, type as CooperationType, locale)),
          locale,
        ),
      });
    case 'same_city':
      return t('matching.reasons.sameCity', { place: place(reason.regionCode) });
    case 'same_province':
      return t('matching.reasons.sameProvince', { place: place(reason.regionCode) });
    case 'designations':
      return t('matching.reasons.designations', {
        designations: joined(
          reason.designations.map((item) => labelOf(DESIGNATION_LABELS, item as Designation, locale)),
          locale,
        ),
      });
    case 'past_cooperation':
      return t('matching.reasons.pastCooperation', { n: reason.count }, reason.count);
  }
}

/** "误差、补偿" in Chinese, "error, compensation" in English. */
function joined(items: string[], locale: string): string {
  return items.join(locale === 'en' ? ', ' : '、');
}

/** Which side of a match the user's organisation is on, if either. */
export function sideOf(match: Match, orgId: string | undefined): ListingType | null {
  if (!orgId) return null;
  if (match.need.orgId === orgId) return 'need';
  if (match.capability.orgId === orgId) return 'capability';
  return null;
}

/** Labels of matches in the current language. */
export function useMatchLabels() {
  const { t, locale } = useI18n();

  const reasonText = (reason: MatchReason) => describeReason(reason, t as Translate, locale.value);
  const stageLabel = (stage: MatchStage) => t(`matching.stages.${stage}`);
  const stageTag = (stage: MatchStage) => STAGE_TAGS[stage];
  const percent = (score: number) => Math.round(Math.max(0, Math.min(1, score)) * 100);
  /** The party's organisation, or why it is not shown. */
  const partyOrg = (party: MatchParty) =>
    party.anonymised
      ? t('matching.anonymous')
      : (locale.value === 'en' ? party.orgNameEn : party.orgNameZh) ||
        party.orgName ||
        t('matching.unknownOrg');
  /** "¥50万" / "CN¥500K". */
  const money = (yuan: number) =>
    new Intl.NumberFormat(locale.value, {
      style: 'currency',
      currency: 'CNY',
      notation: 'compact',
      maximumFractionDigits: 2,
    }).format(yuan);
  /** Whole days since the last move. */
  const idleDays = (match: Match, now = Date.now()) =>
    Math.max(0, Math.floor((now - new Date(match.movedAt).getTime()) / 86_400_000));

  return { reasonText, stageLabel, stageTag, percent, partyOrg, money, idleDays };
}
