import type { OrgKind, OrgRole, PlatformRole } from '@coop/shared';

/** Who is calling: resolved from the access token and the database on every authenticated request. */
export interface Actor {
  userId: string;
  sessionId: string;
  orgId: string;
  orgKind: OrgKind;
  orgRole: OrgRole;
  platformRole: PlatformRole | null;
}
