import { useI18n } from 'vue-i18n';
import { ApiError, NETWORK_ERROR } from '@/api/client';

/** Turns any failure into a sentence for the user, in their language. */
export function useErrorMessage() {
  const { t } = useI18n();

  function describe(error: unknown): string {
    if (!(error instanceof ApiError)) return t('errors.unknown', { message: String(error) });
    switch (error.code) {
      case NETWORK_ERROR:
        return t('errors.network');
      case 'invalid_credentials':
        return t('errors.invalidCredentials');
      case 'rate_limited': {
        const seconds = Number(error.details.retryAfterSeconds) || 60;
        const minutes = Math.max(1, Math.ceil(seconds / 60));
        return t('errors.rateLimited', { n: minutes }, minutes);
      }
      case 'email_taken':
        return t('errors.emailTaken');
      case 'invitation_invalid':
      case 'invitation_expired':
        return t('errors.invitationInvalid');
      case 'wrong_password':
        return t('errors.wrongPassword');
    }
    if (error.status === 400) {
      const fields = Object.keys(error.details).filter((key) => key !== 'retryAfterSeconds');
      return fields.length ? t('errors.validation', { fields: fields.join(', ') }) : t('errors.validationGeneric');
    }
    if (error.status === 401) return t('errors.unauthorized');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status >= 500) return t('errors.server');
    return t('errors.unknown', { message: error.message || error.code });
  }

  return { describe };
}
