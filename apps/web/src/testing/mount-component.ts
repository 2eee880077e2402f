import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import type { Locale } from '@/api/types';
import { createAppI18n, loadMessages } from '@/i18n';
import { createAppRouter } from '@/router';

interface Options {
  props?: Record<string, unknown>;
  locale?: Locale;
  /** Where the router stands while the component shows; '/' by default. */
  path?: string;
}

/**
 * Mounts one component with the app's store, i18n and router. Set up its API calls with mockApi first,
 * including the session it runs in (`restoresSessionOf(user)`, or a refused `POST /auth/refresh` for a guest).
 */
export async function mountComponent(
  component: Component,
  { props, locale = 'en', path = '/' }: Options = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  // As the app starts: the one language shown; a switch loads the other.
  const i18n = createAppI18n(locale, { [locale]: await loadMessages(locale) });
  const router = createAppRouter(createMemoryHistory());
  // Navigating first restores the session, as the app does before it shows anything.
  await router.push(path);
  const wrapper = mount(component, {
    props,
    global: { plugins: [pinia, i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, i18n };
}
