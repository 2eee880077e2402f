import { useI18n } from 'vue-i18n';
import { ApiError, NETWORK_ERROR } from '@/api/client';

/** i18n keys of the labels of fields the API may name in a validation_failed answer. */
const FIELD_LABELS: Record<string, string> = {
  email: 'login.email',
  password: 'login.password',
  displayName: 'register.displayName',
  invitationToken: 'register.invitationToken',
  kind: 'org.fields.kind',
  nameZh: 'org.fields.nameZh',
  nameEn: 'org.fields.nameEn',
  regionCode: 'org.fields.region',
  industry: 'org.fields.industry',
  designations: 'org.fields.designations',
  description: 'org.fields.description',
  website: 'org.fields.website',
  currentPassword: 'account.currentPassword',
  newPassword: 'account.newPassword',
};

/** The fields a validation_failed answer names, e.g. `[{ field: 'body.organization.nameZh', … }]` → ['nameZh']. */
function invalidFields(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const fields = details
    .map((problem) => (typeof problem?.field === 'string' ? problem.field.split('.').pop() : undefined))
    .filter((field): field is string => Boolean(field));
  return [...new Set(fields)];
}

/** Turns any failure into a sentence for the user, in their language. */
export function useErrorMessage() {
  const { t, locale } = useI18n();

  function describe(error: unknown): string {
    if (!(error instanceof ApiError)) return t('errors.unknown', { message: String(error) });
    switch (error.code) {
      case NETWORK_ERROR:
        return t('errors.network');
      case 'invalid_credentials':
        return t('errors.invalidCredentials');
      case 'email_taken':
        return t('errors.emailTaken');
      case 'invitation_invalid':
        return t('errors.invitationInvalid');
      case 'wrong_password':
        return t('errors.wrongPassword');
    }
    if (error.status === 400) {
      const fields = invalidFields(error.details).map((field) =>
        FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field,
      );
      const list = new Intl.ListFormat(locale.value, { type: 'conjunction' }).format(fields);
      return fields.length ? t('errors.validation', { fields: list }) : t('errors.validationGeneric');
    }
    if (error.status === 401) return t('errors.unauthorized');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 429) {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      return t('errors.rateLimited', { n: minutes }, minutes);
    }
    if (error.status >= 500) return t('errors.server');
    return t('errors.unknown', { message: error.message || error.code });
  }

  return { describe };
}
