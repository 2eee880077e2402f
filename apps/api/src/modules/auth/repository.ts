import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  invitations,
  organizations,
  passwordResets,
  refreshTokens,
  sessions,
  users,
} from '../../db/schema/index.js';
import type { Actor } from '../access/actor.js';

export type UserRow = typeof users.$inferSelect;

function prepareSessionActor(db: Executor) {
  return db
    .select({
      userId: users.id,
      orgId: users.orgId,
      orgRole: users.orgRole,
      platformRole: users.platformRole,
      timeZone: users.timeZone,
      orgKind: organizations.kind,
      orgRegionCode: organizations.regionCode,
      orgVerified: organizations.verified,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        eq(sessions.userId, sql.placeholder('userId')),
        isNull(sessions.revokedAt),
        isNull(users.disabledAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('session_actor');
}

/** Asked on every authenticated request (unless kept, see actor-cache.ts): built once per database. */
const preparedSessionActor = new WeakMap<Executor, ReturnType<typeof prepareSessionActor>>();

export function createAuthRepository() {
  return {
    async userByEmail(db: Executor, email: string): Promise<UserRow | null> {
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      return row ?? null;
    },

    async userById(db: Executor, id: string): Promise<UserRow | null> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },

    async createUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
      const [row] = await db
        .insert(users)
        .values({ ...values, email: values.email.toLowerCase() })
        .returning();
      return row!;
    },

    async recordFailedLogin(
      db: Executor,
      userId: string,
      windowStart: Date,
      lockAfter: number,
      lockUntil: Date,
    ) {
      // Failures older than the window start a fresh count.
      const [row] = await db
        .update(users)
        .set({
          failedLoginCount: sql`case when ${users.lastFailedLoginAt} < ${windowStart.toISOString()}::timestamptz or ${users.lastFailedLoginAt} is null then 1 else ${users.failedLoginCount} + 1 end`,
          lastFailedLoginAt: new Date(),
        })
        .where(eq(users.id, userId))
        .returning({ count: users.failedLoginCount });
      if (row && row.count >= lockAfter) {
        await db.update(users).set({ lockedUntil: lockUntil }).where(eq(users.id, userId));
      }
    },

    async clearFailedLogins(db: Executor, userId: string) {
      await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
    },

    /** After a successful login: failures forgotten, the time kept for administrators. */
    async recordLogin(db: Executor, userId: string) {
      await db
        .update(users)
        .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
        .where(eq(users.id, userId));
    },

    async setPassword(db: Executor, userId: string, passwordHash: string) {
      await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
    },

    async createSession(db: Executor, values: typeof sessions.$inferInsert) {
      const [row] = await db.insert(sessions).values(values).returning();
      return row!;
    },

    async addRefreshToken(db: Executor, sessionId: string, tokenHash: string) {
      await db.insert(refreshTokens).values({ sessionId, tokenHash });
    },

    async refreshTokenByHash(db: Executor, tokenHash: string) {
      const [row] = await db
        .select({ token: refreshTokens, session: sessions })
        .from(refreshTokens)
        .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
        .where(eq(refreshTokens.tokenHash, tokenHash));
      return row ?? null;
    },

    /** Marks a token used; false when it was already used (a concurrent or replayed refresh). */
    async consumeRefreshToken(db: Executor, tokenId: string): Promise<boolean> {
      const rows = await db
        .update(refreshTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(refreshTokens.id, tokenId), isNull(refreshTokens.usedAt)))
        .returning({ id: refreshTokens.id });
      return rows.length === 1;
    },

    async revokeSession(db: Executor, sessionId: string, reason: string) {
      await db
        .update(sessions)
        .set({ revokedAt: new Date(), revokeReason: reason })
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    },

    async revokeUserSessions(db: Executor, userId: string, reason: string) {
      await db
        .update(sessions)
        .set({ revokedAt: new Date(), revokeReason: reason })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    },

    async setTimeZone(db: Executor, userId: string, timeZone: string) {
      await db.update(users).set({ timeZone }).where(eq(users.id, userId));
    },

    /** The caller behind an access token and when its session ends, or null when it has ended. */
    async sessionActor(
      db: Executor,
      userId: string,
      sessionId: string,
    ): Promise<{ actor: Actor; expiresAt: Date } | null> {
      let query = preparedSessionActor.get(db);
      if (!query) preparedSessionActor.set(db, (query = prepareSessionActor(db)));
      const [row] = await query.execute({ userId, sessionId, now: new Date().toISOString() });
      if (!row) return null;
      const { expiresAt, ...actor } = row;
      return { actor: { ...actor, sessionId }, expiresAt };
    },

    async createInvitation(db: Executor, values: typeof invitations.$inferInsert) {
      const [row] = await db.insert(invitations).values(values).returning();
      return row!;
    },

    async openInvitation(db: Executor, tokenHash: string) {
      const [row] = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.tokenHash, tokenHash),
            isNull(invitations.acceptedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        );
      return row ?? null;
    },

    async createPasswordReset(db: Executor, values: typeof passwordResets.$inferInsert) {
      await db.insert(passwordResets).values(values);
    },

    /** Takes an unused, unexpired reset: at most one caller gets it. */
    async consumePasswordReset(db: Executor, tokenHash: string): Promise<string | null> {
      const [row] = await db
        .update(passwordResets)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, new Date()),
          ),
        )
        .returning({ userId: passwordResets.userId });
      return row?.userId ?? null;
    },

    async acceptInvitation(db: Executor, id: string): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
        .returning({ id: invitations.id });
      return rows.length === 1;
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
