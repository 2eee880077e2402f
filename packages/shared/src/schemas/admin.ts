// Platform administration: accounts and the security audit log.
import { Type, type Static } from 'typebox';
import { PLATFORM_ROLES } from '../enums.js';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';
import { OrgKindSchema, OrgRoleSchema } from './orgs.js';
import { NewPassword } from './auth.js';

export const ACCOUNT_STATUSES = ['active', 'disabled', 'locked'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const AdminUser = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  orgRole: OrgRoleSchema,
  platformRole: Type.Union([OneOf(PLATFORM_ROLES), Type.Null()]),
  organization: Type.Object({ id: Uuid, nameZh: Type.String(), nameEn: Type.String(), kind: OrgKindSchema }),
  status: OneOf(ACCOUNT_STATUSES),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  activeSessions: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AdminUser = Static<typeof AdminUser>;

export const AdminUserQuery = StrictObject({
  ...PageQuery,
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Part of the email, name or organisation name' }),
  ),
  status: Type.Optional(OneOf(ACCOUNT_STATUSES)),
});
export type AdminUserQuery = Static<typeof AdminUserQuery>;

export const DisableUserBody = StrictObject({ reason: Type.String({ minLength: 2, maxLength: 500 }) });
export type DisableUserBody = Static<typeof DisableUserBody>;

export const PasswordResetIssued = Type.Object({
  email: Type.String(),
  /** The link to pass on when no mail is configured; it works once, until `expiresAt`. */
  resetUrl: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type PasswordResetIssued = Static<typeof PasswordResetIssued>;

export const PasswordResetBody = StrictObject({
  token: Type.String({ minLength: 20, maxLength: 200 }),
  newPassword: NewPassword,
});
export type PasswordResetBody = Static<typeof PasswordResetBody>;

/** Security-relevant actions the audit log keeps; every administrator action is one of them. */
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.refused_disabled',
  'logout',
  'password.changed',
  'password.reset_issued',
  'password.reset_completed',
  'user.disabled',
  'user.enabled',
  'org.verification_changed',
  'org.member_added',
  'org.member_removed',
  'export',
  'search.reindex_started',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  action: OneOf(AUDIT_ACTIONS),
  actor: Type.Union([
    Type.Object({ id: Uuid, email: Type.String(), displayName: Type.String() }),
    Type.Null(),
  ]),
  /** What was acted on: a user, an organisation, an export kind … */
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  targetLabel: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = StrictObject({
  ...PageQuery,
  action: Type.Optional(OneOf(AUDIT_ACTIONS)),
  actor: Type.Optional(Type.String({ maxLength: 254, description: 'Part of the acting user’s email' })),
  target: Type.Optional(Type.String({ maxLength: 254, description: 'Part of the target’s label or id' })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});
export type AuditQuery = Static<typeof AuditQuery>;
