import type { NewOrg, Org, OrgListQuery, OrgUpdate, OrgUser } from '@coop/shared';
import { and, count, desc, eq, getTableColumns, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { associationMembers, organizations, orgVerifications, users } from '../../db/schema/index.js';
import { orgWithCurrentDesignations } from './designations.js';

/** A row with the designations that count today (see designations.ts), never a stored list. */
type OrgRow = typeof organizations.$inferSelect & { designations: string[] };

export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    kind: row.kind,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    regionCode: row.regionCode,
    industry: row.industry,
    designations: row.designations,
    verified: row.verified,
    description: row.description,
    website: row.website,
    createdAt: row.createdAt.toISOString(),
  };
}

async function get(db: Executor, id: string): Promise<Org | null> {
  const [row] = await db
    .select(orgWithCurrentDesignations)
    .from(organizations)
    .where(eq(organizations.id, id));
  return row ? toOrg(row) : null;
}

/** Which of `memberIds` belong to the association, in one query (a page of listings, not one per row). */
async function membersAmong(db: Executor, associationId: string, memberIds: string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db
    .select({ id: associationMembers.memberId })
    .from(associationMembers)
    .where(
      and(
        eq(associationMembers.associationId, associationId),
        inArray(associationMembers.memberId, [...new Set(memberIds)]),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export function createOrgRepository() {
  return {
    get,

    async create(db: Executor, input: NewOrg & { verified?: boolean }): Promise<Org> {
      const [row] = await db.insert(organizations).values(input).returning();
      // A new organisation has claimed nothing yet.
      return toOrg({ ...row!, designations: [] });
    },

    async update(
      db: Executor,
      id: string,
      patch: OrgUpdate | { verified: boolean; verifiedBy: string | null },
    ) {
      const extra = 'verified' in patch ? { verifiedAt: patch.verified ? new Date() : null } : {};
      await db
        .update(organizations)
        .set({ ...patch, ...extra, updatedAt: new Date() })
        .where(eq(organizations.id, id));
      return get(db, id);
    },

    async list(db: Executor, query: OrgListQuery & { memberOf?: string }) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const conditions: SQL[] = [];
      if (query.kind) conditions.push(eq(organizations.kind, query.kind));
      if (query.verified !== undefined) conditions.push(eq(organizations.verified, query.verified));
      if (query.q) {
        const pattern = containsPattern(query.q);
        conditions.push(or(ilike(organizations.nameZh, pattern), ilike(organizations.nameEn, pattern))!);
      }
      if (query.memberOf) {
        const members = db
          .select({ id: associationMembers.memberId })
          .from(associationMembers)
          .where(eq(associationMembers.associationId, query.memberOf));
        conditions.push(inArray(organizations.id, members));
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select(orgWithCurrentDesignations)
          .from(organizations)
          .where(where)
          .orderBy(organizations.nameEn, organizations.id)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ value: count() }).from(organizations).where(where),
      ]);
      return { items: rows.map(toOrg), total: total?.value ?? 0, page, pageSize };
    },

    async associationsOf(db: Executor, memberId: string) {
      return db
        .select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
        .from(associationMembers)
        .innerJoin(organizations, eq(organizations.id, associationMembers.associationId))
        .where(eq(associationMembers.memberId, memberId));
    },

    async memberCount(db: Executor, associationId: string): Promise<number> {
      const [row] = await db
        .select({ value: count() })
        .from(associationMembers)
        .where(eq(associationMembers.associationId, associationId));
      return row?.value ?? 0;
    },

    async isMember(db: Executor, associationId: string, memberId: string): Promise<boolean> {
      return (await membersAmong(db, associationId, [memberId])).has(memberId);
    },

    membersAmong,

    async addMember(db: Executor, associationId: string, memberId: string): Promise<boolean> {
      const rows = await db
        .insert(associationMembers)
        .values({ associationId, memberId })
        .onConflictDoNothing()
        .returning();
      return rows.length > 0;
    },

    async removeMember(db: Executor, associationId: string, memberId: string): Promise<boolean> {
      const rows = await db
        .delete(associationMembers)
        .where(
          and(eq(associationMembers.associationId, associationId), eq(associationMembers.memberId, memberId)),
        )
        .returning();
      return rows.length > 0;
    },

    async recordVerification(db: Executor, values: typeof orgVerifications.$inferInsert): Promise<string> {
      const [row] = await db.insert(orgVerifications).values(values).returning({ id: orgVerifications.id });
      return row!.id;
    },

    /** Verification decisions, newest first; `id` narrows them to one. */
    verifications(db: Executor, where: { orgId: string } | { id: string }) {
      return db
        .select({ ...getTableColumns(orgVerifications), deciderName: users.displayName })
        .from(orgVerifications)
        .innerJoin(users, eq(users.id, orgVerifications.decidedBy))
        .where('id' in where ? eq(orgVerifications.id, where.id) : eq(orgVerifications.orgId, where.orgId))
        .orderBy(desc(orgVerifications.createdAt), orgVerifications.id);
    },

    async users(db: Executor, orgId: string, page: number, pageSize: number) {
      const where = eq(users.orgId, orgId);
      const [rows, [total]] = await Promise.all([
        db
          .select({
            id: users.id,
            email: users.email,
            displayName: users.displayName,
            orgRole: users.orgRole,
            platformRole: users.platformRole,
          })
          .from(users)
          .where(where)
          .orderBy(users.email)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ value: count() }).from(users).where(where),
      ]);
      return { items: rows as OrgUser[], total: total?.value ?? 0, page, pageSize };
    },
  };
}

export type OrgRepository = ReturnType<typeof createOrgRepository>;
