import { ref, shallowRef } from 'vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { evidenceApi } from '@/api/designations';
import { orgsApi } from '@/api/orgs';
import type { Org } from '@/api/types';
import { useErrorMessage } from './use-error-message';
import { useEvidenceUpload } from './use-evidence-upload';
import { useOrgLabels } from './use-org-labels';

/**
 * Verifying (or withdrawing verification of) an organisation: `ask` opens the dialog that takes what was checked
 * and its evidence files; `decide` sends them, with feedback in the user's language.
 */
export function useVerification() {
  const { t } = useI18n();
  const { describe } = useErrorMessage();
  const { orgName } = useOrgLabels();
  const sendAll = useEvidenceUpload();
  const pendingId = ref<string | null>(null);
  const asking = shallowRef<{ org: Org; verified: boolean } | null>(null);
  const dialogOpen = ref(false);

  function ask(org: Org, verified: boolean) {
    asking.value = { org, verified };
    dialogOpen.value = true;
  }

  /** Resolves to the organisation as it now stands, or null when it failed (the user has been told why). */
  async function decide(reason: string, files: File[]): Promise<Org | null> {
    const current = asking.value;
    if (!current) return null;
    const { org, verified } = current;
    pendingId.value = org.id;
    try {
      const decision = await orgsApi.setVerified(org.id, { verified, reason });
      const { failed } = await sendAll(files, (file, progress, session) =>
        evidenceApi.addToVerification(decision.id, file, progress, session),
      );
      const name = orgName(org);
      ElMessage.success(verified ? t('common.verifiedDone', { name }) : t('common.unverifiedDone', { name }));
      if (failed) {
        ElMessage.error(t('evidence.failed', { name: failed.file.name, reason: describe(failed.error) }));
      }
      dialogOpen.value = false;
      return { ...org, verified };
    } catch (error) {
      ElMessage.error(describe(error));
      return null;
    } finally {
      pendingId.value = null;
    }
  }

  return { pendingId, asking, dialogOpen, ask, decide };
}
