import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import elementEn from 'element-plus/es/locale/lang/en';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import { LOCALES } from '@coop/shared';
import type { Locale } from '@/api/types';
import { LOCALE_STORAGE_KEY, loadMessages } from '@/i18n';

export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** The current language, a way to switch it (remembered in localStorage), and Element Plus's matching locale. */
export function useLocale() {
  const { locale, availableLocales, setLocaleMessage } = useI18n();
  const current = computed(() => locale.value as Locale);

  async function setLocale(next: Locale) {
    if (!availableLocales.includes(next)) setLocaleMessage(next, await loadMessages(next));
    locale.value = next;
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
    document.documentElement.lang = next;
  }

  const elementLocale = computed(() => (current.value === 'zh-CN' ? elementZhCn : elementEn));

  return { locale: current, locales: LOCALES, setLocale, elementLocale };
}
