import { computed } from 'vue';
import type { FormRules } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { LISTING_LIMITS } from '@coop/shared';
import type { ListingType } from '@/api/types';
import type { ListingFormValues } from '@/components/listing/form/model';
import { useFormRules } from './use-form-rules';

/** Limits the API holds beyond LISTING_LIMITS (see the NewNeed and NewCapability schemas). */
export const EXTRA_LIMITS = {
  publicSummary: 500,
  teamLead: 80,
  availability: 200,
  bookingTerms: 2000,
  patentNumber: { min: 3, max: 40 },
  patentNumbers: 30,
  budgetWan: 10_000_000,
} as const;

/** Rules of the need and capability forms, matching the server's limits; messages in the user's language. */
export function useListingRules(type: () => ListingType, form: ListingFormValues) {
  const { t } = useI18n();
  const rules = useFormRules();
  const { title, description, keywords, keyword, fields } = LISTING_LIMITS;

  const budgetOrder = rules.custom(() =>
    form.budgetMinWan != null && form.budgetMaxWan != null && form.budgetMaxWan < form.budgetMinWan
      ? t('validation.budgetOrder')
      : null,
  );

  return computed<FormRules>(() => ({
    title: [
      rules.required(t('listing.fields.title')),
      rules.minLength(title.min),
      rules.maxLength(title.max),
    ],
    description: [
      rules.required(t('listing.fields.description')),
      rules.minLength(description.min),
      rules.maxLength(description.max),
    ],
    fields: [rules.chosen(t('listing.fields.fields')), rules.maxItems(fields)],
    keywords: [rules.maxItems(keywords), rules.eachLength(1, keyword)],
    regionCode: [rules.chosen(t('listing.fields.region'))],
    ...(type() === 'need'
      ? {
          budgetMaxWan: [budgetOrder],
          publicSummary: [rules.maxLength(EXTRA_LIMITS.publicSummary)],
        }
      : {
          kind: [rules.chosen(t('listing.fields.kind'))],
          teamLead: [rules.maxLength(EXTRA_LIMITS.teamLead)],
          availability: [rules.maxLength(EXTRA_LIMITS.availability)],
          bookingTerms: [rules.maxLength(EXTRA_LIMITS.bookingTerms)],
          patentNumbers: [
            rules.maxItems(EXTRA_LIMITS.patentNumbers),
            rules.eachLength(EXTRA_LIMITS.patentNumber.min, EXTRA_LIMITS.patentNumber.max),
          ],
        }),
  }));
}
