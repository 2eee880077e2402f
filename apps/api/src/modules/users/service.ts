import type { AdminUserQuery, PasswordResetIssued } from '@coop/shared';
import type { Database } from '../../db/client.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy } from '../access/policy.js';
import { recordAudit } from '../audit/repository.js';
import type { AuthRepository } from '../auth/repository.js';
import type { ClientMeta } from '../auth/service.js';
import { newOpaqueToken, sha256 } from '../auth/tokens.js';
import type { NotificationSender } from '../notifications/sender.js';
import type { UserRepository } from './repository.js';

const RESET_TTL_HOURS = 24;

interface Deps {
  db: Database;
  users: UserRepository;
  auth: AuthRepository;
  access: AccessPolicy;
  sender: NotificationSender;
}

/** Platform administrators' account management; every change is in the audit log, in its own transaction. */
export function createUserAdminService({ db, users, auth, access, sender }: Deps) {
  async function target(id: string) {
    const user = await users.get(db, id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  const audited = (caller: Actor, meta: ClientMeta, user: { id: string; email: string }) => ({
    ...meta,
    actorUserId: caller.userId,
    targetType: 'user',
    targetId: user.id,
    targetLabel: user.email,
  });

  return {
    async list(actor: Actor | null, query: AdminUserQuery) {
      access.requirePlatformAdmin(actor);
      return users.list(db, query);
    },

    /** Ends every session of the account at once; it cannot log in until enabled again. */
    async disable(actor: Actor | null, id: string, reason: string, meta: ClientMeta) {
      const caller = access.requirePlatformAdmin(actor);
      const user = await target(id);
      if (user.id === caller.userId) {
        throw new BadRequestError('cannot_disable_self', 'You cannot disable your own account', [
          { field: 'params.id', problem: 'is your own account', rule: 'not_allowed' },
        ]);
      }
      await db.transaction(async (tx) => {
        await users.setDisabled(tx, id, reason);
        await auth.revokeUserSessions(tx, id, 'disabled');
        await recordAudit(tx, {
          ...audited(caller, meta, user),
          action: 'user.disabled',
          details: { reason },
        });
      });
      return target(id);
    },

    async enable(actor: Actor | null, id: string, meta: ClientMeta) {
      const caller = access.requirePlatformAdmin(actor);
      const user = await target(id);
      await db.transaction(async (tx) => {
        await users.setDisabled(tx, id, null);
        await auth.clearFailedLogins(tx, id);
        await recordAudit(tx, { ...audited(caller, meta, user), action: 'user.enabled' });
      });
      return target(id);
    },

    /** A one-time link to set a new password, sent to the user (and shown to the administrator to pass on). */
    async issuePasswordReset(
      actor: Actor | null,
      id: string,
      meta: ClientMeta,
    ): Promise<PasswordResetIssued> {
      const caller = access.requirePlatformAdmin(actor);
      const user = await target(id);
      const token = newOpaqueToken();
      const expiresAt = new Date(Date.now() + RESET_TTL_HOURS * 3_600_000);
      const resetUrl = `/reset-password?token=${token}`;
      await db.transaction(async (tx) => {
        await auth.createPasswordReset(tx, {
          userId: id,
          tokenHash: sha256(token),
          createdBy: caller.userId,
          expiresAt,
        });
        await recordAudit(tx, { ...audited(caller, meta, user), action: 'password.reset_issued' });
      });
      await sender.send([
        { userId: id, kind: 'password_reset', entityType: 'user', entityId: id, params: { resetUrl } },
      ]);
      return { email: user.email, resetUrl, expiresAt: expiresAt.toISOString() };
    },
  };
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;
