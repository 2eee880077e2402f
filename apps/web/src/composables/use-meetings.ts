import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import { MEETING_OUTCOME_LABELS, MEETING_STATUS_LABELS, labelOf } from '@coop/shared';
import { ApiError } from '@/api/client';
import type { MeetingOutcome, MeetingStatus } from '@/api/meetings';
import { useErrorMessage } from './use-error-message';

const CODES = [
  'request_limit',
  'duplicate_request',
  'table_taken',
  'participant_busy',
  'meeting_status',
  'not_held',
] as const;

/** Labels of meeting statuses and outcomes, and meeting failures as sentences in the user's language. */
export function useMeetingWords() {
  const { t, locale } = useI18n();
  const { describe: describeCommon } = useErrorMessage();
  const statusLabel = (status: MeetingStatus) => labelOf(MEETING_STATUS_LABELS, status, locale.value);
  const outcomeLabel = (outcome: MeetingOutcome) => labelOf(MEETING_OUTCOME_LABELS, outcome, locale.value);
  const statusTag = (status: MeetingStatus) =>
    ({
      draft: 'info',
      open: 'success',
      scheduling: 'warning',
      scheduled: 'primary',
      held: '',
      closed: 'info',
    })[status] as 'info' | 'success' | 'warning' | 'primary' | '';
  function describe(error: unknown) {
    if (error instanceof ApiError && (CODES as readonly string[]).includes(error.code)) {
      return t(`meetings.errors.${error.code}`);
    }
    return describeCommon(error);
  }
  const report = (error: unknown) => ElMessage.error(describe(error));
  return { statusLabel, outcomeLabel, statusTag, describe, report };
}
