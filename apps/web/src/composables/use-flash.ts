import { onScopeDispose, ref } from 'vue';

/** Marks things as "updated just now" for a few seconds, e.g. rows changed by another party. */
export function useFlash(ms = 4000) {
  const flashing = ref<ReadonlySet<string>>(new Set());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function flash(ids: Iterable<string | null | undefined>) {
    const next = new Set(flashing.value);
    for (const id of ids) {
      if (!id) continue;
      next.add(id);
      clearTimeout(timers.get(id));
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          const rest = new Set(flashing.value);
          rest.delete(id);
          flashing.value = rest;
        }, ms),
      );
    }
    flashing.value = next;
  }

  onScopeDispose(() => timers.forEach((timer) => clearTimeout(timer)));
  return { flash, isFlashing: (id: string) => flashing.value.has(id), flashing };
}
