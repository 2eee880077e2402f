import { createI18n } from 'vue-i18n';
import { LOCALES } from '@coop/shared';
import type { Locale } from '@/api/types';
import en, { type MessageSchema } from './en';
import zhCN from './zh-CN';

export const LOCALE_STORAGE_KEY = 'coop.locale';

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The language the user chose before, else the browser's: Chinese for any zh-*, English otherwise. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const DATE_FORMATS = {
  short: { year: 'numeric', month: '2-digit', day: '2-digit' },
  long: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
} as const;

export function createAppI18n(locale: Locale = initialLocale()) {
  document.documentElement.lang = locale;
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { 'zh-CN': zhCN, en },
    datetimeFormats: { 'zh-CN': DATE_FORMATS, en: DATE_FORMATS },
  });
}
