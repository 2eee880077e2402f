import type { ListingAction, ListingListQuery } from '@coop/shared';
import { api } from './client';
import type { Listing, ListingOf, ListingType, PageQuery, Paged } from './types';

/** The collection path of each side: /needs, /capabilities. */
export const LISTING_PATHS: Record<ListingType, string> = { need: '/needs', capability: '/capabilities' };

/** Create and update bodies: the shared schemas NewNeed / NeedUpdate and NewCapability / CapabilityUpdate. */
export type ListingBody = Record<string, unknown>;

/** One side of the market; needs and capabilities answer the same REST shape. */
export function listingsApi<T extends ListingType>(type: T) {
  const base = LISTING_PATHS[type];
  const itemPath = (id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;
  return {
    list: (query: ListingListQuery) => api.get<Paged<ListingOf<T>>>(base, { ...query }),
    get: (id: string) => api.get<ListingOf<T>>(itemPath(id)),
    create: (body: ListingBody) => api.post<ListingOf<T>>(base, body),
    /** `body` names the changed fields and the `version` they were based on; a stale version gets 409. */
    update: (id: string, body: ListingBody & { version: number }) =>
      api.patch<ListingOf<T>>(itemPath(id), body),
    transition: (id: string, action: ListingAction, reason?: string) =>
      api.post<ListingOf<T>>(itemPath(id, '/transitions'), reason ? { action, reason } : { action }),
  };
}

export const reviewApi = {
  /** Listings waiting for review in the caller's scope (coordinators and admins). */
  queue: (type: ListingType, query: PageQuery) =>
    api.get<Paged<Listing>>('/review-queue', { type, ...query }),
};
