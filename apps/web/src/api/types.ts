// Shapes of the API's JSON answers. The entity types come from @coop/shared, where the API's schemas live.
import type { TokenResponse } from '@coop/shared';

export type {
  Designation,
  Locale,
  Me,
  Org,
  OrgDetail,
  OrgKind,
  OrgRole,
  OrgUser,
  PlatformRole,
} from '@coop/shared';

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
