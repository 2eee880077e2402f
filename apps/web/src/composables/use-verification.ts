import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { orgsApi } from '@/api/orgs';
import type { Org } from '@/api/types';
import { useErrorMessage } from './use-error-message';
import { useOrgLabels } from './use-org-labels';

/** Verifying (or withdrawing verification of) an organisation, with feedback in the user's language. */
export function useVerification() {
  const { t } = useI18n();
  const { describe } = useErrorMessage();
  const { orgName } = useOrgLabels();
  const pendingId = ref<string | null>(null);

  /** Resolves to the updated organisation, or null when it failed (the user has been told why). */
  async function setVerified(org: Org, verified: boolean): Promise<Org | null> {
    pendingId.value = org.id;
    try {
      const updated = await orgsApi.setVerified(org.id, verified);
      const name = orgName(updated);
      ElMessage.success(verified ? t('common.verifiedDone', { name }) : t('common.unverifiedDone', { name }));
      return updated;
    } catch (error) {
      ElMessage.error(describe(error));
      return null;
    } finally {
      pendingId.value = null;
    }
  }

  return { pendingId, setVerified };
}
