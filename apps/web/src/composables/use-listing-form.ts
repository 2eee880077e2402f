import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { ApiError } from '@/api/client';
import { listingsApi } from '@/api/listings';
import type { Listing, ListingType } from '@/api/types';
import {
  bodyFromForm,
  changedFields,
  emptyForm,
  fieldErrors,
  formFromListing,
  type ListingFormValues,
} from '@/components/listing/form/model';
import { useErrorMessage } from './use-error-message';

type FieldErrors = ReturnType<typeof fieldErrors>;

/** What saving did: created or updated (and perhaps submitted), nothing to save, or it failed (shown on the form). */
export type SaveOutcome = { listing: Listing; changed: boolean } | null;

/**
 * State of the need / capability form: loading the listing, saving only what changed against the version it
 * was based on, server problems mapped onto fields, and the version conflict when someone saved in between.
 */
export function useListingForm(type: ListingType, id: string | undefined, defaultRegion: string) {
  const api = listingsApi(type);
  const { describe } = useErrorMessage();

  const form = reactive<ListingFormValues>(emptyForm(defaultRegion));
  /** The version the form was loaded from (and diffs against); null when creating. */
  const base = shallowRef<Listing | null>(null);
  const loadError = shallowRef<unknown>(null);
  const loading = ref(false);
  const saving = ref(false);
  const serverError = ref('');
  const serverFieldErrors = ref<FieldErrors>({});
  /** The current version on the server, when saving ran into someone else's change. */
  const conflict = shallowRef<Listing | null>(null);

  async function load() {
    if (!id) return;
    loading.value = true;
    loadError.value = null;
    try {
      reset(await api.get(id));
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

  function reset(listing: Listing) {
    base.value = listing;
    Object.assign(form, formFromListing(listing));
    conflict.value = null;
    serverError.value = '';
    serverFieldErrors.value = {};
  }

  // A server problem on a field goes away once the user changes that field.
  watch(
    () => ({ ...form }),
    (next, previous) => {
      const keys = Object.keys(serverFieldErrors.value) as (keyof ListingFormValues)[];
      const stale = keys.filter((key) => JSON.stringify(next[key]) !== JSON.stringify(previous[key]));
      if (stale.length)
        serverFieldErrors.value = Object.fromEntries(
          Object.entries(serverFieldErrors.value).filter(([key]) => !stale.includes(key as never)),
        );
    },
  );

  function fail(error: unknown) {
    if (error instanceof ApiError && error.code === 'version_conflict') {
      const current = (error.details as { current?: Listing } | undefined)?.current;
      if (current) {
        conflict.value = current;
        return;
      }
    }
    if (error instanceof ApiError && error.status === 400)
      serverFieldErrors.value = fieldErrors(error.details);
    serverError.value = describe(error);
  }

  /** Creates (as a draft or submitted), or saves the changes and, if asked, submits a draft. */
  async function save(submit: boolean): Promise<SaveOutcome> {
    saving.value = true;
    serverError.value = '';
    serverFieldErrors.value = {};
    try {
      const next = bodyFromForm(type, form);
      if (!base.value) return { listing: await api.create({ ...next, submit }), changed: true };
      const changes = changedFields(bodyFromForm(type, formFromListing(base.value)), next);
      let listing = base.value;
      if (Object.keys(changes).length) {
        listing = await api.update(listing.id, { ...changes, version: listing.version });
        base.value = listing;
      }
      const submitting = submit && listing.status === 'draft';
      if (submitting) listing = await api.transition(listing.id, 'submit');
      return { listing, changed: submitting || Object.keys(changes).length > 0 };
    } catch (error) {
      fail(error);
      return null;
    } finally {
      saving.value = false;
    }
  }

  /** Fields the other save changed, compared with the version this form was based on. */
  const conflictFields = computed<string[]>(() => {
    if (!conflict.value || !base.value) return [];
    return Object.keys(
      changedFields(
        bodyFromForm(type, formFromListing(base.value)),
        bodyFromForm(type, formFromListing(conflict.value)),
      ),
    );
  });

  /** Drops the user's edits for the version on the server. */
  function takeTheirs() {
    if (conflict.value) reset(conflict.value);
  }

  /** Re-applies the user's edits on top of the server's version: what they did not touch takes the new values. */
  function keepMine() {
    if (!conflict.value || !base.value) return;
    const before = formFromListing(base.value);
    const theirs = formFromListing(conflict.value);
    for (const key of Object.keys(theirs) as (keyof ListingFormValues)[]) {
      if (JSON.stringify(form[key]) === JSON.stringify(before[key]))
        Object.assign(form, { [key]: theirs[key] });
    }
    base.value = conflict.value;
    conflict.value = null;
  }

  return {
    form,
    base,
    loading,
    loadError,
    saving,
    serverError,
    serverFieldErrors,
    conflict,
    conflictFields,
    load,
    save,
    takeTheirs,
    keepMine,
  };
}
