import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { listingsApi } from '@/api/listings';
import type { Listing, ListingAction, Me } from '@/api/types';
import { useErrorMessage } from './use-error-message';

/** Status moves the owning organisation may ask for, by status (mirrors the API's status machine). */
export function ownerActions(listing: Listing): ListingAction[] {
  if (!listing.canEdit) return [];
  switch (listing.status) {
    case 'draft':
      return ['submit', 'close'];
    case 'pending_review':
      return ['close'];
    case 'open':
      return listing.type === 'need' ? ['start_cooperation', 'close'] : ['close'];
    case 'in_cooperation':
      return ['close'];
    case 'closed':
      return ['reopen'];
  }
}

export const canEditListing = (listing: Listing) => listing.canEdit && listing.status !== 'closed';

/**
 * A coordinator or admin reviews listings waiting for review, except their own organisation's. The API shows a
 * coordinator someone else's unpublished listing only when it is theirs to review.
 */
export function canReview(listing: Listing, user: Me | null): boolean {
  if (!user || listing.status !== 'pending_review') return false;
  if (user.platformRole !== 'coordinator' && user.platformRole !== 'admin') return false;
  return listing.org?.id !== user.organization.id;
}

/** i18n key of what a finished move or save did, e.g. a submit that published at once or went to review. */
export function doneMessage(action: ListingAction, listing: Listing): string {
  if (action !== 'submit') return `listing.done.${action}`;
  return listing.status === 'open' ? 'listing.done.published' : 'listing.done.sentToReview';
}

/** Runs a status move, saying in the user's language what happened or what went wrong. */
export function useListingTransition() {
  const { t } = useI18n();
  const { describe } = useErrorMessage();
  /** `${id}:${action}` of the move under way. */
  const pending = ref<string | null>(null);

  async function run(listing: Listing, action: ListingAction, reason?: string): Promise<Listing | null> {
    pending.value = `${listing.id}:${action}`;
    try {
      const updated = await listingsApi(listing.type).transition(listing.id, action, reason);
      ElMessage.success(t(doneMessage(action, updated)));
      return updated;
    } catch (error) {
      ElMessage.error(describe(error));
      return null;
    } finally {
      pending.value = null;
    }
  }

  return { pending, run };
}
