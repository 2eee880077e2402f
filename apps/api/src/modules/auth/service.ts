import type {
  LoginBody,
  Me,
  MeUpdate,
  PasswordChangeBody,
  PasswordResetBody,
  RegisterBody,
} from '@coop/shared';
import { isTimeZone } from '../../calendar.js';
import type { Database, Executor } from '../../db/client.js';
import {
  BadRequestError,
  AccountDisabledError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
} from '../../errors.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy } from '../access/policy.js';
import { recordAudit } from '../audit/repository.js';
import { recordEvent } from '../events/repository.js';
import type { OrgRepository } from '../orgs/repository.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import type { AuthRepository, UserRow } from './repository.js';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  type AccessTokenClaims,
  newOpaqueToken,
  SESSION_TTL_DAYS,
  sha256,
} from './tokens.js';

const LOCK_AFTER_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
const INVITATION_TTL_DAYS = 14;

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  user: Me;
  refreshToken: string;
}

interface Deps {
  db: Database;
  auth: AuthRepository;
  orgs: OrgRepository;
  access: AccessPolicy;
  signAccessToken(claims: AccessTokenClaims): string;
}

const invalidCredentials = () => new UnauthorizedError('invalid_credentials', 'Email or password is wrong');
const sessionEnded = () => new UnauthorizedError('session_ended', 'Your session has ended; log in again');

export function createAuthService({ db, auth, orgs, access, signAccessToken }: Deps) {
  async function me(executor: Executor, user: UserRow): Promise<Me> {
    const organization = await orgs.get(executor, user.orgId);
    if (!organization) throw new NotFoundError('Organisation');
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      orgRole: user.orgRole,
      platformRole: user.platformRole,
      timeZone: user.timeZone,
      organization,
    };
  }

  async function issue(executor: Executor, user: UserRow, sessionId: string): Promise<IssuedSession> {
    const refreshToken = newOpaqueToken();
    await auth.addRefreshToken(executor, sessionId, sha256(refreshToken));
    return {
      accessToken: signAccessToken({ sub: user.id, sid: sessionId }),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: await me(executor, user),
      refreshToken,
    };
  }

  async function startSession(executor: Executor, user: UserRow, meta: ClientMeta) {
    const session = await auth.createSession(executor, {
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_TTL_DAYS * 86_400_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return issue(executor, user, session.id);
  }

  return {
    async login(body: LoginBody, meta: ClientMeta): Promise<IssuedSession> {
      const user = await auth.userByEmail(db, body.email);
      const attempt = { ...meta, targetType: 'user', targetLabel: body.email.toLowerCase() };
      const failed = (reason: string) =>
        recordAudit(db, {
          ...attempt,
          action: 'login.failed',
          actorUserId: null,
          targetId: user?.id,
          details: { reason },
        });
      if (!user) {
        await burnPasswordCheck(body.password);
        await failed('unknown_email');
        throw invalidCredentials();
      }
      const now = Date.now();
      if (user.lockedUntil && user.lockedUntil.getTime() > now) {
        await failed('locked');
        throw new RateLimitedError((user.lockedUntil.getTime() - now) / 1000);
      }
      if (!(await verifyPassword(user.passwordHash, body.password))) {
        await failed('wrong_password');
        await auth.recordFailedLogin(
          db,
          user.id,
          new Date(now - FAILURE_WINDOW_MS),
          LOCK_AFTER_FAILURES,
          new Date(now + LOCK_MS),
        );
        throw invalidCredentials();
      }
      // Only someone who knows the password learns that the account is disabled.
      if (user.disabledAt) {
        await recordAudit(db, {
          ...attempt,
          action: 'login.refused_disabled',
          actorUserId: null,
          targetId: user.id,
        });
        throw new AccountDisabledError();
      }
      return db.transaction(async (tx) => {
        await auth.recordLogin(tx, user.id);
        await recordAudit(tx, {
          ...attempt,
          action: 'login.succeeded',
          actorUserId: user.id,
          targetId: user.id,
        });
        return startSession(tx, user, meta);
      });
    },

    async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
      if (!refreshToken) throw sessionEnded();
      const found = await auth.refreshTokenByHash(db, sha256(refreshToken));
      if (!found) throw sessionEnded();
      const { token, session } = found;
      if (session.revokedAt || session.expiresAt.getTime() <= Date.now()) throw sessionEnded();
      const outcome = await db.transaction(async (tx) => {
        if (!(await auth.consumeRefreshToken(tx, token.id))) return null;
        const user = await auth.userById(tx, session.userId);
        return user ? issue(tx, user, session.id) : null;
      });
      if (!outcome) {
        // A refresh token used twice means it was copied: end the whole family.
        await auth.revokeSession(db, session.id, 'refresh_token_reuse');
        throw new UnauthorizedError('refresh_reused', 'This session was ended for your safety; log in again');
      }
      return outcome;
    },

    async logout(refreshToken: string | undefined, actor: Actor | null, meta: ClientMeta): Promise<void> {
      const found = refreshToken ? await auth.refreshTokenByHash(db, sha256(refreshToken)) : null;
      const userId = actor?.userId ?? found?.session.userId ?? null;
      await db.transaction(async (tx) => {
        if (actor) await auth.revokeSession(tx, actor.sessionId, 'logout');
        if (found) await auth.revokeSession(tx, found.session.id, 'logout');
        if (userId) {
          await recordAudit(tx, {
            ...meta,
            action: 'logout',
            actorUserId: userId,
            targetType: 'user',
            targetId: userId,
          });
        }
      });
    },

    async register(body: RegisterBody, meta: ClientMeta): Promise<IssuedSession> {
      if (Boolean(body.organization) === Boolean(body.invitationToken)) {
        throw new BadRequestError(
          'validation_failed',
          'body.organization or body.invitationToken is required, not both',
          [
            {
              field: 'body.organization',
              problem: 'give either a new organisation or an invitation token',
              rule: 'invalid',
            },
          ],
        );
      }
      if (await auth.userByEmail(db, body.email)) {
        throw new ConflictError('email_taken', 'An account with this email already exists');
      }
      const passwordHash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        let orgId: string;
        let orgRole: 'admin' | 'member' = 'admin';
        if (body.invitationToken) {
          const invitation = await auth.openInvitation(tx, sha256(body.invitationToken));
          if (!invitation || invitation.email !== body.email.toLowerCase()) {
            throw new BadRequestError(
              'invitation_invalid',
              'This invitation is unknown, used, expired or for another email',
            );
          }
          await auth.acceptInvitation(tx, invitation.id);
          orgId = invitation.orgId;
          orgRole = invitation.orgRole;
        } else {
          const org = await orgs.create(tx, body.organization!);
          await recordEvent(tx, {
            actorUserId: null,
            actorOrgId: org.id,
            entityType: 'organization',
            entityId: org.id,
            action: 'created',
            after: org,
          });
          orgId = org.id;
        }
        const user = await auth.createUser(tx, {
          orgId,
          orgRole,
          email: body.email,
          passwordHash,
          displayName: body.displayName,
          locale: body.locale ?? 'zh-CN',
        });
        return startSession(tx, user, meta);
      });
    },

    async updateMe(actor: Actor, body: MeUpdate): Promise<Me> {
      if (body.timeZone !== undefined) {
        if (!isTimeZone(body.timeZone)) {
          throw new BadRequestError('invalid_time_zone', 'Unknown time zone', [
            { field: 'body.timeZone', problem: 'is not an IANA time zone name', rule: 'not_one_of' },
          ]);
        }
        await auth.setTimeZone(db, actor.userId, body.timeZone);
      }
      const user = await auth.userById(db, actor.userId);
      if (!user) throw sessionEnded();
      return me(db, user);
    },

    async changePassword(actor: Actor, body: PasswordChangeBody, meta: ClientMeta): Promise<void> {
      const user = await auth.userById(db, actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new BadRequestError('wrong_password', 'The current password is wrong', [
          { field: 'body.currentPassword', problem: 'is wrong', rule: 'invalid' },
        ]);
      }
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await auth.setPassword(tx, user.id, passwordHash);
        await auth.revokeUserSessions(tx, user.id, 'password_changed');
        await recordAudit(tx, {
          ...meta,
          action: 'password.changed',
          actorUserId: user.id,
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
      });
    },

    /** Sets a new password with a one-time link an administrator issued; every session of the account ends. */
    async resetPassword(body: PasswordResetBody, meta: ClientMeta): Promise<void> {
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        const userId = await auth.consumePasswordReset(tx, sha256(body.token));
        const user = userId ? await auth.userById(tx, userId) : null;
        if (!user) {
          throw new BadRequestError('reset_invalid', 'This reset link is unknown, used or expired', [
            { field: 'body.token', problem: 'is unknown, used or expired', rule: 'invalid' },
          ]);
        }
        await auth.setPassword(tx, user.id, passwordHash);
        await auth.clearFailedLogins(tx, user.id);
        await auth.revokeUserSessions(tx, user.id, 'password_reset');
        await recordAudit(tx, {
          ...meta,
          action: 'password.reset_completed',
          actorUserId: user.id,
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
      });
    },

    async invite(actor: Actor | null, orgId: string, email: string, orgRole: 'admin' | 'member') {
      const caller = await access.requireOrg(db, actor, 'org.invite', orgId);
      const token = newOpaqueToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
      await auth.createInvitation(db, {
        orgId,
        email: email.toLowerCase(),
        orgRole,
        tokenHash: sha256(token),
        createdBy: caller.userId,
        expiresAt,
      });
      return { token, expiresAt: expiresAt.toISOString() };
    },

    async me(actor: Actor): Promise<Me> {
      const user = await auth.userById(db, actor.userId);
      if (!user) throw sessionEnded();
      return me(db, user);
    },

    sessionActor: (userId: string, sessionId: string) => auth.sessionActor(db, userId, sessionId),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
