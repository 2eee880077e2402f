import { Type, type Static } from 'typebox';
import { LOCALES, PLATFORM_ROLES } from '../enums.js';
import { OneOf, StrictObject, Uuid } from './common.js';
import { NewOrg, Org, OrgRoleSchema } from './orgs.js';

export const PASSWORD_MIN_LENGTH = 10;
const Email = Type.String({ format: 'email', maxLength: 254 });
export const NewPassword = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 });

export const LoginBody = StrictObject({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const RegisterBody = StrictObject({
  email: Email,
  password: NewPassword,
  displayName: Type.String({ minLength: 1, maxLength: 80 }),
  locale: Type.Optional(OneOf(LOCALES)),
  organization: Type.Optional(NewOrg),
  invitationToken: Type.Optional(Type.String({ minLength: 20, maxLength: 200 })),
});
export type RegisterBody = Static<typeof RegisterBody>;

export const PasswordChangeBody = StrictObject({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: NewPassword,
});
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const Me = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  locale: OneOf(LOCALES),
  orgRole: OrgRoleSchema,
  platformRole: Type.Union([OneOf(PLATFORM_ROLES), Type.Null()]),
  /** IANA time zone name; the digest and date filters use this calendar. */
  timeZone: Type.String(),
  organization: Org,
});
export type Me = Static<typeof Me>;

export const TokenResponse = Type.Object({ accessToken: Type.String(), expiresIn: Type.Integer(), user: Me });
export type TokenResponse = Static<typeof TokenResponse>;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The reader's own settings. The time zone is checked against the runtime's IANA list by the API. */
export const MeUpdate = StrictObject({
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$' })),
});
export type MeUpdate = Static<typeof MeUpdate>;
