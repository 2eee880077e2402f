// Shapes of the API's JSON answers. The entity types come from @coop/shared, where the API's schemas live.
import type { Capability, FieldProblem, Need, SearchResponse, TokenResponse } from '@coop/shared';

export type {
  Capability,
  CapabilityKind,
  CapabilityUpdate,
  Designation,
  ImportReport,
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

/** A field problem as the server sent it; its rule may be missing, or one this app does not know yet. */
export type ServerProblem = Omit<FieldProblem, 'rule'> & { rule?: string };

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
