// Shapes of the API's JSON answers (see DESIGN.md "API shape").
import type { OrgKind, Designation } from './vocabulary';

export type Locale = 'zh-CN' | 'en';
export type OrgRole = 'admin' | 'member';
export type PlatformRole = 'admin' | 'coordinator';

export interface Org {
  id: string;
  kind: OrgKind;
  nameZh: string;
  nameEn: string;
  regionCode: string;
  industry: string | null;
  designations: Designation[];
  verified: boolean;
  description: string | null;
  website: string | null;
  createdAt: string;
}

export interface OrgRef {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface OrgDetail extends Org {
  memberOfAssociations: OrgRef[];
  memberCount?: number;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  orgRole: OrgRole;
  platformRole: PlatformRole | null;
  organization: Org;
}

export interface OrgUser {
  id: string;
  email: string;
  displayName: string;
  orgRole: OrgRole;
  platformRole: PlatformRole | null;
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

export interface Session {
  accessToken: string;
  expiresIn: number;
  user: Me;
}

export interface Invitation {
  token: string;
  expiresAt: string;
}
