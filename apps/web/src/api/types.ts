// Shapes of the API's JSON answers. The entity types come from @coop/shared, where the API's schemas live.
import type { Capability, Need, SearchResponse, TokenResponse } from '@coop/shared';

export type {
  Capability,
  CapabilityKind,
  CapabilityUpdate,
  Designation,
  ListingAction,
  ListingListQuery,
  Need,
  NeedStatus,
  NeedUpdate,
  NewCapability,
  NewNeed,
  SearchQueryParams,
  SearchResponse,
  Locale,
  Me,
  Org,
  OrgDetail,
  OrgKind,
  OrgRole,
  OrgUser,
  PlatformRole,
} from '@coop/shared';

/** The two sides of the market: needs (enterprises) and capabilities (colleges and institutes). */
export type ListingType = 'need' | 'capability';
export type Listing = Need | Capability;
export type ListingOf<T extends ListingType> = T extends 'need' ? Need : Capability;
export type ListingStatus = Listing['status'];
export type SearchHit = SearchResponse['hits'][number];

/** What an import answers once every row is done. */
export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  rejected: number;
  errors: { row: number; title: string; problems: { field: string; problem: string }[] }[];
}

/** What login, register and refresh answer. */
export type Session = TokenResponse;

export interface OrgRef {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Invitation {
  token: string;
  expiresAt: string;
}
