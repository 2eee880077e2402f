import { ref } from 'vue';
import { useErrorMessage } from './use-error-message';

/** One save at a time: whether it is running, and the last failure in words a person understands. */
export function useSaving() {
  const { describe } = useErrorMessage();
  const saving = ref(false);
  const error = ref('');
  async function save(work: () => Promise<void>): Promise<void> {
    saving.value = true;
    error.value = '';
    try {
      await work();
    } catch (caught) {
      error.value = describe(caught);
    } finally {
      saving.value = false;
    }
  }
  return { saving, error, save };
}
