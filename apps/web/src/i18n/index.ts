import { createI18n } from 'vue-i18n';
import { LOCALES } from '@coop/shared';
import type { Locale } from '@/api/types';
import type { MessageSchema } from './en';

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

const ZH_DATES = {
  short: { year: 'numeric', month: '2-digit', day: '2-digit' },
  long: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
} as const;
// The month by name: 12/03/2026 reads as 3 December to some readers and as 12 March to others.
const EN_DATES = {
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const;

// Each language its own chunk: the first page carries only the one it shows, the other loads on a switch.
const LOADERS: Record<Locale, () => Promise<{ default: MessageSchema }>> = {
  en: () => import('./en'),
  'zh-CN': () => import('./zh-CN'),
};

export async function loadMessages(locale: Locale): Promise<MessageSchema> {
  return (await LOADERS[locale]()).default;
}

/** `messages` holds at least the starting locale's; both locale files are complete, so nothing falls back. */
export function createAppI18n(locale: Locale, messages: Partial<Record<Locale, MessageSchema>>) {
  document.documentElement.lang = locale;
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: messages as Record<Locale, MessageSchema>,
    datetimeFormats: { 'zh-CN': ZH_DATES, en: EN_DATES },
  });
}
