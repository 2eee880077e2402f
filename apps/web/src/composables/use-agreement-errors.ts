import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/client';
import { isVersionConflict } from '@/api/agreements';
import { useErrorMessage } from './use-error-message';

/** Codes of the agreement and project API, worded here; anything else goes to the common wording. */
const CODES: Record<string, string> = {
  agreement_closed: 'agreements.errors.agreementClosed',
  agreement_signed: 'agreements.errors.agreementSigned',
  agreement_not_running: 'agreements.errors.notRunning',
  project_closed: 'agreements.errors.projectClosed',
  match_declined: 'agreements.errors.matchDeclined',
  version_conflict: 'agreements.conflict',
};

/** Failures of agreements and project lists as sentences; a stale version reloads what is shown and says so. */
export function useAgreementErrors() {
  const { t } = useI18n();
  const { describe: describeCommon, fieldName } = useErrorMessage();

  function describe(error: unknown): string {
    if (error instanceof ApiError) {
      if (CODES[error.code]) return t(CODES[error.code]!);
      if (error.status === 413) return t('agreements.errors.fileTooLarge');
    }
    return describeCommon(error);
  }

  /**
   * Tells the user what went wrong. On a version conflict it first runs `reload` (the current state),
   * then explains; answers true when it was a conflict.
   */
  async function report(error: unknown, reload?: () => unknown): Promise<boolean> {
    if (isVersionConflict(error)) {
      await reload?.();
      ElMessage.warning({ message: t('agreements.conflict'), duration: 6000 });
      return true;
    }
    ElMessage.error(describe(error));
    return false;
  }

  return { describe, report, fieldName };
}
