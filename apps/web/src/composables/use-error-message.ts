import { useI18n } from 'vue-i18n';
import { FIELD_RULES } from '@coop/shared';
import { ApiError, NETWORK_ERROR } from '@/api/client';
import type { ServerProblem } from '@/api/types';

const KNOWN_RULES: ReadonlySet<string> = new Set(FIELD_RULES);

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
  title: 'listing.fields.title',
  fields: 'listing.fields.fields',
  keywords: 'listing.fields.keywords',
  cooperationTypes: 'listing.fields.cooperationTypes',
  budgetMin: 'listing.fields.budgetMin',
  budgetMax: 'listing.fields.budgetMax',
  deadline: 'listing.fields.deadline',
  visibility: 'listing.fields.visibility',
  publicSummary: 'listing.fields.publicSummary',
  teamLead: 'listing.fields.teamLead',
  availability: 'listing.fields.availability',
  bookingTerms: 'listing.fields.bookingTerms',
  trl: 'listing.fields.trl',
  patentNumbers: 'listing.fields.patentNumbers',
  reason: 'listing.fields.reason',
  token: 'admin.reset.title',
};

/** Codes whose sentence needs nothing from the error itself. */
const PLAIN_CODES: Record<string, string> = {
  invalid_credentials: 'errors.invalidCredentials',
  email_taken: 'errors.emailTaken',
  invitation_invalid: 'errors.invitationInvalid',
  wrong_password: 'errors.wrongPassword',
  account_disabled: 'errors.accountDisabled',
  reset_invalid: 'errors.resetInvalid',
  cannot_disable_self: 'errors.cannotDisableSelf',
  version_conflict: 'errors.versionConflict',
  listing_closed: 'errors.listingClosed',
  invalid_transition: 'errors.invalidTransition',
  invalid_file: 'errors.invalidFile',
  unsupported_file: 'errors.unsupportedFile',
  too_many_rows: 'errors.tooManyRows',
  payload_too_large: 'errors.payloadTooLarge',
  file_too_large: 'errors.fileTooLarge',
  content_mismatch: 'errors.contentMismatch',
  malformed_multipart: 'errors.malformedMultipart',
  storage_full: 'errors.storageFull',
  database_unavailable: 'errors.databaseUnavailable',
  uri_too_long: 'errors.uriTooLong',
  search_unavailable: 'errors.searchUnavailable',
  search_invalid_query: 'errors.searchInvalid',
};

/** The property a problem names: 'body.organization.nameZh' → 'nameZh', 'body.keywords.3' → 'keywords'. */
export function problemProperty(field: string): string | undefined {
  return field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop();
}

/** The fields a validation_failed answer names, e.g. `[{ field: 'body.organization.nameZh', … }]` → ['nameZh']. */
function invalidFields(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const fields = details
    .map((problem) => (typeof problem?.field === 'string' ? problemProperty(problem.field) : undefined))
    .filter((field): field is string => Boolean(field));
  return [...new Set(fields)];
}

/** Turns any failure into a sentence for the user, in their language. */
export function useErrorMessage() {
  const { t, locale } = useI18n();

  function describe(error: unknown): string {
    if (!(error instanceof ApiError)) return t('errors.unknown', { message: String(error) });
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if (PLAIN_CODES[error.code]) return t(PLAIN_CODES[error.code]!);
    if (error.code === 'import_failed') return t('errors.importFailed', { message: error.message });
    if (error.code === 'import_interrupted') {
      const heard = error.details as { processed: number; total: number } | null;
      return heard ? t('errors.importInterrupted', heard) : t('errors.importInterruptedEarly');
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

  /** The label of a field a problem names, in the user's language; the raw name when unknown. */
  const fieldName = (field: string) => {
    const property = problemProperty(field) ?? field;
    return FIELD_LABELS[property] ? t(FIELD_LABELS[property]) : property;
  };

  /** What is wrong with a field, worded from its rule; the server's English for a rule this app cannot word. */
  function problemText({ rule, problem, limit, value }: ServerProblem): string {
    if (!rule || !KNOWN_RULES.has(rule)) return problem;
    const bound = limit === undefined ? '' : new Intl.NumberFormat(locale.value).format(limit);
    // The count picks "must not be empty" for a minimum of one.
    return t(`problems.${rule}`, { limit: bound, value }, limit ?? 0);
  }

  return { describe, fieldName, problemText };
}
