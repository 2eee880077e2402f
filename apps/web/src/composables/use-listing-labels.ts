import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  CAPABILITY_KIND_LABELS,
  COOPERATION_TYPE_LABELS,
  FIELD_TAXONOMY,
  fieldLabel,
  labelOf,
  type CapabilityKind,
  type CooperationType,
  type FieldNode,
} from '@coop/shared';
import type { ListingStatus } from '@/api/types';

export type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

const STATUS_TAGS: Record<ListingStatus, TagType> = {
  draft: 'info',
  pending_review: 'warning',
  open: 'success',
  in_cooperation: 'primary',
  closed: 'info',
};

export interface FieldOption {
  value: string;
  label: string;
  /** Both languages and the synonyms, lower-cased, for filtering. */
  terms: string;
  children?: FieldOption[];
}

function termsOf(node: FieldNode): string {
  return [node.zh, node.en, ...node.synonyms.zh, ...node.synonyms.en].join(' ').toLowerCase();
}

/** Labels of listing enums and the field taxonomy in the current language (labels come from @coop/shared). */
export function useListingLabels() {
  const { t, locale } = useI18n();

  const fieldName = (code: string) => fieldLabel(code, locale.value);
  const cooperationTypeLabel = (value: string) =>
    labelOf(COOPERATION_TYPE_LABELS, value as CooperationType, locale.value);
  const kindLabel = (kind: string) => labelOf(CAPABILITY_KIND_LABELS, kind as CapabilityKind, locale.value);
  const statusLabel = (status: string) => t(`listing.status.${status}`);
  const statusTag = (status: string): TagType => STATUS_TAGS[status as ListingStatus] ?? 'info';

  const money = (yuan: number) =>
    new Intl.NumberFormat(locale.value, {
      style: 'currency',
      currency: 'CNY',
      notation: 'compact',
      maximumFractionDigits: 2,
    }).format(yuan);
  /** "¥50万 – ¥100万" / "CN¥500K – CN¥1M"; empty when neither end is known. */
  function budgetLabel(min: number | null, max: number | null): string {
    if (min != null && max != null)
      return min === max ? money(min) : t('listing.budgetRange', { min: money(min), max: money(max) });
    if (min != null) return t('listing.budgetFrom', { min: money(min) });
    if (max != null) return t('listing.budgetUpTo', { max: money(max) });
    return '';
  }

  const fieldOptions = computed<FieldOption[]>(() =>
    FIELD_TAXONOMY.map((node) => ({
      value: node.code,
      label: fieldName(node.code),
      terms: termsOf(node),
      children: node.children.map((child) => ({
        value: child.code,
        label: fieldName(child.code),
        terms: termsOf(child),
      })),
    })),
  );
  const cooperationTypeOptions = computed(() =>
    COOPERATION_TYPE_LABELS.map((item) => ({ value: item.value, label: cooperationTypeLabel(item.value) })),
  );
  const kindOptions = computed(() =>
    CAPABILITY_KIND_LABELS.map((item) => ({ value: item.value, label: kindLabel(item.value) })),
  );

  return {
    fieldName,
    cooperationTypeLabel,
    kindLabel,
    statusLabel,
    statusTag,
    budgetLabel,
    fieldOptions,
    cooperationTypeOptions,
    kindOptions,
  };
}
