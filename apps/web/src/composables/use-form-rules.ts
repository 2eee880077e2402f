import type { FormItemRule } from 'element-plus';
import { useI18n } from 'vue-i18n';

type Check = (value: unknown) => string | null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/[^\s.]+\.[^\s]+$/i;
const TRIGGERS = ['blur', 'change'];

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Element Plus form rules whose messages come from i18n; they check as the user types. */
export function useFormRules() {
  const { t } = useI18n();

  const rule = (check: Check, required = false): FormItemRule => ({
    required,
    trigger: TRIGGERS,
    validator: (_rule, value, callback) => {
      const problem = check(value);
      callback(problem ? new Error(problem) : undefined);
    },
  });

  return {
    /** `field` is the already translated label, e.g. t('login.email'). */
    required: (field: string) =>
      rule((value) => (isBlank(value) ? t('validation.required', { field }) : null), true),
    chosen: (field: string) =>
      rule((value) => (isBlank(value) ? t('validation.choose', { field }) : null), true),
    email: () =>
      rule((value) => (isBlank(value) || EMAIL.test(String(value).trim()) ? null : t('validation.email'))),
    minLength: (min: number) =>
      rule((value) =>
        isBlank(value) || String(value).length >= min ? null : t('validation.minLength', { min }),
      ),
    maxLength: (max: number) =>
      rule((value) =>
        isBlank(value) || String(value).length <= max ? null : t('validation.maxLength', { max }),
      ),
    /** Lists (tags, multi-selects): no more than `max` entries. */
    maxItems: (max: number) =>
      rule((value) =>
        Array.isArray(value) && value.length > max ? t('validation.maxItems', { max }) : null,
      ),
    /** Lists of short texts (keywords, patent numbers): each between `min` and `max` characters. */
    eachLength: (min: number, max: number) =>
      rule((value) => {
        const wrong = (Array.isArray(value) ? value : [])
          .map((item) => String(item).trim())
          .filter((item) => item.length < min || item.length > max);
        return wrong.length ? t('validation.eachLength', { min, max, items: wrong.join(', ') }) : null;
      }),
    /** Any other check, with its own message. */
    custom: (check: Check) => rule(check),
    url: () =>
      rule((value) =>
        isBlank(value) || URL_PATTERN.test(String(value).trim()) ? null : t('validation.url'),
      ),
    sameAs: (other: () => string) =>
      rule((value) => (isBlank(value) || value === other() ? null : t('validation.passwordsDiffer'))),
    differentFrom: (other: () => string) =>
      rule((value) => (isBlank(value) || value !== other() ? null : t('validation.passwordUnchanged'))),
  };
}
