import { Type, type Static } from 'typebox';
import { DESIGNATIONS, ORG_KINDS, ORG_ROLES, PLATFORM_ROLES } from '../enums.js';
import { REGION_CODES } from '../regions.js';
import { Attachment } from './agreements.js';
import { OneOf, PageQuery, Reason, StrictObject, Uuid } from './common.js';

export const OrgKindSchema = OneOf(ORG_KINDS);
export const DesignationSchema = OneOf(DESIGNATIONS);
export const RegionCodeSchema = OneOf(REGION_CODES);
export const OrgRoleSchema = OneOf(ORG_ROLES);

const Name = Type.String({ minLength: 2, maxLength: 120 });

export const Org = Type.Object({
  id: Uuid,
  kind: OrgKindSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  regionCode: Type.String(),
  industry: Type.Union([Type.String(), Type.Null()]),
  /** Those that count today: verified claims within their validity (never set on the profile). */
  designations: Type.Array(Type.String()),
  verified: Type.Boolean(),
  description: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Org = Static<typeof Org>;

export const OrgRef = Type.Object({ id: Uuid, nameZh: Type.String(), nameEn: Type.String() });

export const OrgDetail = Type.Intersect([
  Org,
  Type.Object({
    memberOfAssociations: Type.Array(OrgRef),
    memberCount: Type.Optional(Type.Integer()),
  }),
]);
export type OrgDetail = Static<typeof OrgDetail>;

export const NewOrg = StrictObject({
  kind: OrgKindSchema,
  nameZh: Name,
  nameEn: Name,
  regionCode: RegionCodeSchema,
  industry: Type.Optional(Type.String({ maxLength: 80 })),
});
export type NewOrg = Static<typeof NewOrg>;

export const OrgUpdate = StrictObject(
  {
    nameZh: Type.Optional(Name),
    nameEn: Type.Optional(Name),
    regionCode: Type.Optional(RegionCodeSchema),
    industry: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
    website: Type.Optional(Type.Union([Type.String({ format: 'uri', maxLength: 300 }), Type.Null()])),
  },
  { minProperties: 1 },
);
export type OrgUpdate = Static<typeof OrgUpdate>;

export const OrgListQuery = StrictObject({
  ...PageQuery,
  kind: Type.Optional(OrgKindSchema),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  verified: Type.Optional(Type.Boolean()),
});
export type OrgListQuery = Static<typeof OrgListQuery>;

/** Marking an organisation verified (or not) always says what was checked; evidence files follow as uploads. */
export const VerificationBody = StrictObject({ verified: Type.Boolean(), reason: Reason });
export type VerificationBody = Static<typeof VerificationBody>;

export const OrgVerification = Type.Object({
  id: Uuid,
  orgId: Uuid,
  verified: Type.Boolean(),
  reason: Type.String(),
  decidedBy: Type.Object({ id: Uuid, displayName: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
  files: Type.Array(Attachment),
});
export type OrgVerification = Static<typeof OrgVerification>;
export const MembershipBody = StrictObject({ orgId: Uuid });
export const MemberParams = StrictObject({ id: Uuid, memberId: Uuid });

export const OrgUser = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  orgRole: OrgRoleSchema,
  platformRole: Type.Union([OneOf(PLATFORM_ROLES), Type.Null()]),
});
export type OrgUser = Static<typeof OrgUser>;

export const InvitationBody = StrictObject({
  email: Type.String({ format: 'email', maxLength: 254 }),
  orgRole: OrgRoleSchema,
});
export const Invitation = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
