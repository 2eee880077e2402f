import { ref, type Ref } from 'vue';

/** Below this width the app takes its phone form (navigation in a drawer, stacked headers). */
export const PHONE_MAX_WIDTH = 767;

let phone: Ref<boolean> | null = null;

/** Whether the screen is phone-sized, kept current as the window resizes (one listener for the whole app). */
export function useViewport() {
  if (!phone) {
    const query = window.matchMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`);
    const state = ref(query.matches);
    query.addEventListener('change', (event) => (state.value = event.matches));
    phone = state;
  }
  return { isPhone: phone };
}
