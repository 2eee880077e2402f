import { ref, shallowRef } from 'vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/client';
import { matchingApi, type Match, type MatchStage, type ProposalBody } from '@/api/matching';
import { useErrorMessage } from './use-error-message';

/** What a move carries besides its target: a message, a decline reason, or a proposal with interest. */
export interface MovePayload {
  message?: string;
  reason?: string;
  proposal?: ProposalBody;
}

/**
 * Moves matches along their stages through one dialog at a time.
 * `changed` gets the match as it now is: after a move, or the latest state after a conflict.
 */
export function useMatchMoves(changed: (match: Match) => void, reload: () => void) {
  const { t } = useI18n();
  const { describe } = useErrorMessage();
  /** The match and target stage being confirmed in a dialog, if any. */
  const pending = shallowRef<{ match: Match; to: MatchStage } | null>(null);
  const saving = ref(false);
  const error = ref('');

  function start(match: Match, to: MatchStage) {
    error.value = '';
    pending.value = { match, to };
  }

  function cancel() {
    if (!saving.value) pending.value = null;
  }

  async function submit(payload: MovePayload) {
    const move = pending.value;
    if (!move || saving.value) return;
    saving.value = true;
    error.value = '';
    try {
      const moved = await matchingApi.transition(move.match.id, {
        to: move.to,
        version: move.match.version,
        ...payload,
      });
      pending.value = null;
      changed(moved);
      ElMessage.success(t(`matching.done.${move.to}`));
    } catch (caught) {
      // Someone else moved it first: show what it is now rather than an error the user cannot act on.
      if (caught instanceof ApiError && caught.status === 409) {
        pending.value = null;
        const current = (caught.details as { current?: Match } | undefined)?.current;
        if (current) changed(current);
        else reload();
        ElMessage.warning(t('matching.conflict'));
      } else {
        error.value = describe(caught);
      }
    } finally {
      saving.value = false;
    }
  }

  return { pending, saving, error, start, cancel, submit };
}

export type MatchMoves = ReturnType<typeof useMatchMoves>;
