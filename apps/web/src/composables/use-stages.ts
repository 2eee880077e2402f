import { onMounted, ref, watch, type Ref } from 'vue';

/**
 * Counts up from 0 to `last`, one step per task, once `ready` turns true: a page renders its first screen
 * in one task and the sections below it in the following ones (`v-if="stage >= n"`), so no single task holds
 * the main thread for the whole page (Lighthouse's total blocking time on a phone).
 */
export function useStages(ready: Ref<boolean>, last: number) {
  const stage = ref(0);
  const step = () => {
    if (stage.value >= last) return;
    stage.value += 1;
    setTimeout(step);
  };
  onMounted(() =>
    watch(
      ready,
      (now) => {
        if (now && stage.value === 0) setTimeout(step);
      },
      { immediate: true },
    ),
  );
  return stage;
}
