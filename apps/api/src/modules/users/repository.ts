import type { AccountStatus, AdminUser, AdminUserQuery } from '@coop/shared';
import { and, count, desc, eq, gt, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { organizations, sessions, users } from '../../db/schema/index.js';

const now = sql`now()`;

const STATUS: Record<AccountStatus, SQL> = {
  disabled: isNotNull(users.disabledAt),
  locked: and(isNull(users.disabledAt), gt(users.lockedUntil, now))!,
  active: and(isNull(users.disabledAt), or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= now()`))!,
};

const activeSessions = sql<number>`(
  select count(*)::int from ${sessions}
  where ${sessions.userId} = ${users.id} and ${sessions.revokedAt} is null and ${sessions.expiresAt} > now()
)`;

const columns = {
  user: users,
  org: {
    id: organizations.id,
    nameZh: organizations.nameZh,
    nameEn: organizations.nameEn,
    kind: organizations.kind,
  },
  activeSessions,
};

type Row = { user: typeof users.$inferSelect; org: AdminUser['organization']; activeSessions: number };

function toAdminUser({ user, org, activeSessions }: Row): AdminUser {
  const status: AccountStatus = user.disabledAt
    ? 'disabled'
    : user.lockedUntil && user.lockedUntil.getTime() > Date.now()
      ? 'locked'
      : 'active';
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    orgRole: user.orgRole,
    platformRole: user.platformRole,
    organization: org,
    status,
    disabledReason: user.disabledReason,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    activeSessions: Number(activeSessions),
    createdAt: user.createdAt.toISOString(),
  };
}

export function createUserRepository() {
  return {
    async list(db: Executor, query: AdminUserQuery) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const q = query.q?.trim();
      const where = and(
        q
          ? or(
              ilike(users.email, containsPattern(q)),
              ilike(users.displayName, containsPattern(q)),
              ilike(organizations.nameZh, containsPattern(q)),
              ilike(organizations.nameEn, containsPattern(q)),
            )
          : undefined,
        query.status ? STATUS[query.status] : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select(columns)
          .from(users)
          .innerJoin(organizations, eq(organizations.id, users.orgId))
          .where(where)
          .orderBy(desc(users.createdAt), users.email)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db
          .select({ value: count() })
          .from(users)
          .innerJoin(organizations, eq(organizations.id, users.orgId))
          .where(where),
      ]);
      return { items: rows.map(toAdminUser), total: total?.value ?? 0, page, pageSize };
    },

    async get(db: Executor, id: string): Promise<AdminUser | null> {
      const [row] = await db
        .select(columns)
        .from(users)
        .innerJoin(organizations, eq(organizations.id, users.orgId))
        .where(eq(users.id, id));
      return row ? toAdminUser(row) : null;
    },

    async setDisabled(db: Executor, id: string, reason: string | null) {
      await db
        .update(users)
        .set(
          reason === null
            ? { disabledAt: null, disabledReason: null }
            : { disabledAt: new Date(), disabledReason: reason },
        )
        .where(eq(users.id, id));
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
