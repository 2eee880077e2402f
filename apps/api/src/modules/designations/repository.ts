// Storage of designation claims; whether one counts is decided by the one rule in orgs/designations.ts.
import type { DesignationClaim, DesignationRecord, DesignationStatus } from '@coop/shared';
import { and, desc, eq, getTableColumns, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { designations, organizations } from '../../db/schema/index.js';
import type { OversightScope } from '../access/policy.js';
import { regionPrefix } from '../listings/repository.js';
import { designationCounts, platformToday } from '../orgs/designations.js';

const columns = {
  ...getTableColumns(designations),
  orgNameZh: organizations.nameZh,
  orgNameEn: organizations.nameEn,
  counts: sql<boolean>`${designationCounts(sql`${designations}`, platformToday)}`,
};
type Row = typeof designations.$inferSelect & { orgNameZh: string; orgNameEn: string; counts: boolean };

const toRecord = (row: Row): DesignationRecord => ({
  id: row.id,
  orgId: row.orgId,
  orgNameZh: row.orgNameZh,
  orgNameEn: row.orgNameEn,
  kind: row.kind,
  certificateNo: row.certificateNo,
  issuingBody: row.issuingBody,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  status: row.status,
  counts: row.counts,
  reason: row.reason,
  verifiedAt: row.verifiedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Organisations (of `organizations`) a verifier oversees. */
function overseen(scope: OversightScope): SQL | undefined {
  if (scope.kind === 'region')
    return sql`${organizations.regionCode} like ${`${regionPrefix(scope.regionCode)}%`}`;
  if (scope.kind === 'association') {
    return sql`${organizations.id} in (select member_id from association_members where association_id = ${scope.associationId})`;
  }
  return undefined;
}

export function createDesignationRepository() {
  const select = (db: Executor, where: SQL | undefined) =>
    db
      .select(columns)
      .from(designations)
      .innerJoin(organizations, eq(organizations.id, designations.orgId))
      .where(where)
      .orderBy(desc(designations.createdAt), designations.id);

  return {
    async get(db: Executor, id: string): Promise<DesignationRecord | null> {
      const [row] = await select(db, eq(designations.id, id));
      return row ? toRecord(row as Row) : null;
    },

    async ofOrg(db: Executor, orgId: string): Promise<DesignationRecord[]> {
      return (await select(db, eq(designations.orgId, orgId))).map((row) => toRecord(row as Row));
    },

    /** Pending claims of the organisations in a verifier's scope, oldest first would hide new ones: newest first. */
    async pendingIn(db: Executor, scope: OversightScope): Promise<DesignationRecord[]> {
      const rows = await select(db, and(eq(designations.status, 'pending'), overseen(scope)));
      return rows.map((row) => toRecord(row as Row));
    },

    async claim(db: Executor, orgId: string, userId: string, claim: DesignationClaim): Promise<string> {
      const [row] = await db
        .insert(designations)
        .values({ orgId, claimedBy: userId, status: 'pending', ...claim })
        .returning({ id: designations.id });
      return row!.id;
    },

    async decide(db: Executor, id: string, status: DesignationStatus, userId: string, reason: string) {
      await db
        .update(designations)
        .set({ status, reason, verifiedBy: userId, verifiedAt: new Date(), updatedAt: new Date() })
        .where(eq(designations.id, id));
    },

    /** Verified certificates running out by `until` that were not warned about yet; marks them warned. */
    async claimExpiryWarnings(db: Executor, today: string, until: string) {
      return db
        .update(designations)
        .set({ expiryWarnedAt: new Date() })
        .where(
          and(
            eq(designations.status, 'verified'),
            isNull(designations.expiryWarnedAt),
            lte(designations.validUntil, until),
            sql`${designations.validUntil} >= ${today}::date`,
          ),
        )
        .returning({
          id: designations.id,
          orgId: designations.orgId,
          kind: designations.kind,
          validUntil: designations.validUntil,
        });
    },

    /** Verified certificates past their validity become expired; answers their organisations. */
    async expire(db: Executor, today: string): Promise<string[]> {
      const rows = await db
        .update(designations)
        .set({ status: 'expired', updatedAt: new Date() })
        .where(and(eq(designations.status, 'verified'), sql`${designations.validUntil} < ${today}::date`))
        .returning({ orgId: designations.orgId });
      return [...new Set(rows.map((row) => row.orgId))];
    },
  };
}

export type DesignationRepository = ReturnType<typeof createDesignationRepository>;
