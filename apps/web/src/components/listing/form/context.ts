import { inject, provide, type InjectionKey } from 'vue';
import type { ListingFormValues } from './model';

/** What the parts of the listing form share: the values, and the server's problem with a field, if any. */
export interface ListingFormContext {
  form: ListingFormValues;
  errorOf: (prop: keyof ListingFormValues) => string | undefined;
}

const KEY: InjectionKey<ListingFormContext> = Symbol('listing-form');

export function provideListingForm(context: ListingFormContext) {
  provide(KEY, context);
}

export function useListingFormContext(): ListingFormContext {
  const context = inject(KEY);
  if (!context) throw new Error('A listing form part must sit inside ListingForm');
  return context;
}
