import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, RouterView, type Router } from 'vue-router';
import type { Locale } from '@/api/types';
import { createAppI18n, loadMessages } from '@/i18n';
import { createAppRouter } from '@/router';

/** Loads the lazily imported pages up front, so navigations inside a test settle with flushPromises. */
async function preloadPages(router: Router) {
  const loaders = router
    .getRoutes()
    .flatMap((route) => Object.values(route.components ?? {}))
    .filter((component): component is () => Promise<unknown> => typeof component === 'function');
  await Promise.all(loaders.map((load) => load()));
}

/** Mounts the whole app (router, store, i18n) at `path`. Set up the API calls it makes with mockApi first. */
export async function renderAt(path: string, locale: Locale = 'en') {
  const pinia = createPinia();
  setActivePinia(pinia);
  // As the app starts: the one language shown; a switch loads the other.
  const i18n = createAppI18n(locale, { [locale]: await loadMessages(locale) });
  const router = createAppRouter(createMemoryHistory());
  await preloadPages(router);
  router.push(path);
  await router.isReady();
  const wrapper = mount(RouterView, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router, i18n };
}

/** Lets Element Plus finish what it defers to timers (form validation messages, dropdowns) and the API calls settle. */
export async function settle() {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await flushPromises();
}
