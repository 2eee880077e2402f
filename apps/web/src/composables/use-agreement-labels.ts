import { useI18n } from 'vue-i18n';
import {
  AGREEMENT_ACTION_LABELS,
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPE_LABELS,
  CHECKLIST_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  labelOf,
} from '@coop/shared';
import type { AgreementAction, AgreementStatus, AgreementType } from '@/api/agreements';
import type { ChecklistViewStatus, ProjectStatus } from '@/api/projects';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const AGREEMENT_TAGS: Record<AgreementStatus, TagType> = {
  draft: 'info',
  negotiating: 'warning',
  signed: 'primary',
  active: 'success',
  completed: 'success',
  terminated: 'danger',
  expired: 'info',
};
const PROJECT_TAGS: Record<ProjectStatus, TagType> = {
  planned: 'info',
  active: 'primary',
  done: 'success',
  closed: 'info',
};
const ITEM_TAGS: Record<ChecklistViewStatus, TagType> = {
  pending: 'info',
  in_progress: 'primary',
  done: 'success',
  overdue: 'danger',
  blocked: 'warning',
};

/** Labels of agreement, project and checklist values in the current language, plus money and dates. */
export function useAgreementLabels() {
  const { t, d, locale } = useI18n();

  const dateText = (iso: string | null | undefined) =>
    iso ? d(new Date(`${iso.slice(0, 10)}T00:00:00`), 'short') : '';
  const termText = (start: string | null, end: string | null) => {
    if (start && end) return t('agreements.term.range', { start: dateText(start), end: dateText(end) });
    if (start) return t('agreements.term.from', { start: dateText(start) });
    if (end) return t('agreements.term.until', { end: dateText(end) });
    return t('agreements.term.open');
  };
  /** Yuan shown in 万元 (10,000 yuan), the unit Chinese contracts use. */
  const valueText = (yuan: number | null) => {
    if (yuan === null) return t('agreements.value.none');
    const number = (value: number) =>
      new Intl.NumberFormat(locale.value, { maximumFractionDigits: 2 }).format(value);
    return t('agreements.value.wan', { n: number(yuan / 10_000), yuan: number(yuan) });
  };

  return {
    typeLabel: (type: AgreementType) => labelOf(AGREEMENT_TYPE_LABELS, type, locale.value),
    statusLabel: (status: AgreementStatus) => labelOf(AGREEMENT_STATUS_LABELS, status, locale.value),
    actionLabel: (action: AgreementAction) => labelOf(AGREEMENT_ACTION_LABELS, action, locale.value),
    projectStatusLabel: (status: ProjectStatus) => labelOf(PROJECT_STATUS_LABELS, status, locale.value),
    itemStatusLabel: (status: ChecklistViewStatus) => labelOf(CHECKLIST_STATUS_LABELS, status, locale.value),
    statusTag: (status: AgreementStatus) => AGREEMENT_TAGS[status],
    projectTag: (status: ProjectStatus) => PROJECT_TAGS[status],
    itemTag: (status: ChecklistViewStatus) => ITEM_TAGS[status],
    dateText,
    termText,
    valueText,
  };
}
