import type { OrgKind, OrgRole, PlatformRole } from '@coop/shared';

/** Who is calling: resolved from the access token and the database on every authenticated request. */
export interface Actor {
  userId: string;
  sessionId: string;
  orgId: string;
  orgKind: OrgKind;
  /** The organisation's region (GB/T 2260): a government officer's scope. */
  orgRegionCode: string;
  /** Only a verified government organisation's people oversee its region. */
  orgVerified: boolean;
  orgRole: OrgRole;
  platformRole: PlatformRole | null;
  /** The reader's IANA time zone: which instants make up "a day" for them. */
  timeZone: string;
}
