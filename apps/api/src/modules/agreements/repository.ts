// Storage of agreements and their parties, and what the policy needs to know of them.
import { regionPrefix, type PartyInput, type PartyOrg } from '@coop/shared';
import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  isNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import { allOf, type Executor } from '../../db/client.js';
import type { Totals } from '../../db/figure-cache.js';
import { containsPattern } from '../../db/like.js';
import {
  agreementAttachments,
  agreementConfirmations,
  agreementParties,
  agreements,
  associationMembers,
  organizations,
  users,
} from '../../db/schema/index.js';
import type { AgreementFacts, AgreementScope } from '../access/policy.js';
import type { AttachmentRow } from './dto.js';

export type AgreementRow = typeof agreements.$inferSelect;

export interface AgreementParty {
  org: PartyOrg;
  signatoryName: string | null;
  signatoryTitle: string | null;
}

/** An agreement with its parties and broker, as the services present and authorise it. */
export interface AgreementRecord {
  row: AgreementRow;
  parties: AgreementParty[];
  broker: PartyOrg | null;
  facts: AgreementFacts;
}

export interface AgreementFilter {
  partyOrgId?: string;
  statuses?: string[];
  types?: string[];
  q?: string;
}

const partyOrgColumns = {
  id: organizations.id,
  nameZh: organizations.nameZh,
  nameEn: organizations.nameEn,
  kind: organizations.kind,
};
/** Agreements with a party among these organisations. */
const withPartyIn = (db: Executor, orgIds: string | SQLWrapper) =>
  inArray(
    agreements.id,
    db
      .select({ id: agreementParties.agreementId })
      .from(agreementParties)
      .where(
        typeof orgIds === 'string'
          ? eq(agreementParties.orgId, orgIds)
          : inArray(agreementParties.orgId, orgIds),
      ),
  );

export function createAgreementRepository() {
  /** The SQL twin of the policy's read rule: parties, the brokering coordinator's association, platform admins. */
  function visibleTo(db: Executor, scope: AgreementScope): SQL | undefined {
    if (scope.all) return undefined;
    const asParty = withPartyIn(db, scope.orgId);
    const association = scope.coordinatedAssociationId;
    const region = scope.officerRegionCode;
    const members =
      association &&
      db
        .select({ id: associationMembers.memberId })
        .from(associationMembers)
        .where(eq(associationMembers.associationId, association));
    const inRegion =
      region &&
      db
        .select({ id: organizations.id })
        .from(organizations)
        .where(like(organizations.regionCode, `${regionPrefix(region)}%`));
    return or(
      asParty,
      association ? eq(agreements.brokerOrgId, association) : undefined,
      members ? withPartyIn(db, members) : undefined,
      inRegion ? withPartyIn(db, inRegion) : undefined,
    );
  }

  async function load(db: Executor, ids: string[]): Promise<AgreementRecord[]> {
    if (ids.length === 0) return [];
    const rows = await db.select().from(agreements).where(inArray(agreements.id, ids));
    const brokerIds = [...new Set(rows.map((r) => r.brokerOrgId).filter((id): id is string => id !== null))];
    const [parties, memberships, brokers] = await allOf(db, [
      db
        .select({
          agreementId: agreementParties.agreementId,
          signatoryName: agreementParties.signatoryName,
          signatoryTitle: agreementParties.signatoryTitle,
          regionCode: organizations.regionCode,
          org: partyOrgColumns,
        })
        .from(agreementParties)
        .innerJoin(organizations, eq(organizations.id, agreementParties.orgId))
        .where(inArray(agreementParties.agreementId, ids))
        .orderBy(agreementParties.position),
      db
        .selectDistinct({
          agreementId: agreementParties.agreementId,
          associationId: associationMembers.associationId,
        })
        .from(agreementParties)
        .innerJoin(associationMembers, eq(associationMembers.memberId, agreementParties.orgId))
        .where(inArray(agreementParties.agreementId, ids)),
      brokerIds.length
        ? db.select(partyOrgColumns).from(organizations).where(inArray(organizations.id, brokerIds))
        : [],
    ]);
    const byId = new Map<string, AgreementRecord>(
      rows.map((row) => {
        const own = parties
          .filter((p) => p.agreementId === row.id)
          .map(({ agreementId: _a, ...party }) => party);
        const facts: AgreementFacts = {
          partyOrgIds: own.map((p) => p.org.id),
          partyRegionCodes: own.map((p) => p.regionCode),
          brokerOrgId: row.brokerOrgId,
          partyAssociationIds: memberships
            .filter((m) => m.agreementId === row.id)
            .map((m) => m.associationId),
        };
        return [
          row.id,
          {
            row,
            parties: own.map(({ regionCode: _r, ...party }) => party),
            broker: brokers.find((b) => b.id === row.brokerOrgId) ?? null,
            facts,
          },
        ];
      }),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  return {
    visibleTo,
    load,
    /** Agreements where this organisation is a party. */
    withParty: (db: Executor, orgId: string) => withPartyIn(db, orgId),

    async get(db: Executor, id: string): Promise<AgreementRecord | null> {
      return (await load(db, [id]))[0] ?? null;
    },

    async list(
      db: Executor,
      scope: AgreementScope,
      filter: AgreementFilter,
      page: number,
      pageSize: number,
      totals: Totals,
    ) {
      const where = and(
        visibleTo(db, scope),
        filter.partyOrgId ? withPartyIn(db, filter.partyOrgId) : undefined,
        filter.statuses?.length
          ? inArray(agreements.status, filter.statuses as AgreementRow['status'][])
          : undefined,
        filter.types?.length ? inArray(agreements.type, filter.types as AgreementRow['type'][]) : undefined,
        filter.q ? ilike(agreements.title, containsPattern(filter.q)) : undefined,
      );
      const [ids, total] = await Promise.all([
        db
          .select({ id: agreements.id })
          .from(agreements)
          .where(where)
          .orderBy(desc(agreements.updatedAt), desc(agreements.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        totals.of(db.select({ value: count() }).from(agreements).where(where)),
      ]);
      return {
        records: await load(
          db,
          ids.map((r) => r.id),
        ),
        total,
      };
    },

    /** Organisations among these ids that exist. */
    async existingOrgs(db: Executor, orgIds: string[]): Promise<Set<string>> {
      const rows = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(inArray(organizations.id, orgIds));
      return new Set(rows.map((r) => r.id));
    },

    /** Associations having one of these organisations as a member. */
    async associationsOf(db: Executor, orgIds: string[]): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: associationMembers.associationId })
        .from(associationMembers)
        .where(inArray(associationMembers.memberId, orgIds));
      return rows.map((r) => r.id);
    },

    async insert(db: Executor, values: typeof agreements.$inferInsert): Promise<AgreementRow> {
      const [row] = await db.insert(agreements).values(values).returning();
      return row!;
    },

    async replaceParties(db: Executor, agreementId: string, parties: PartyInput[]) {
      await db.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
      await db.insert(agreementParties).values(
        parties.map((party, index) => ({
          agreementId,
          orgId: party.orgId,
          position: index + 1,
          signatoryName: party.signatoryName?.trim() || null,
          signatoryTitle: party.signatoryTitle?.trim() || null,
        })),
      );
    },

    /** Parties' confirmations of ending a multi-party agreement, oldest first. */
    async confirmations(db: Executor, agreementId: string) {
      return db
        .select()
        .from(agreementConfirmations)
        .where(eq(agreementConfirmations.agreementId, agreementId))
        .orderBy(agreementConfirmations.confirmedAt);
    },

    async clearConfirmations(db: Executor, agreementId: string) {
      await db.delete(agreementConfirmations).where(eq(agreementConfirmations.agreementId, agreementId));
    },

    async attachments(db: Executor, agreementId: string): Promise<AttachmentRow[]> {
      return db
        .select({ ...getTableColumns(agreementAttachments), uploaderName: users.displayName })
        .from(agreementAttachments)
        .innerJoin(users, eq(users.id, agreementAttachments.uploadedBy))
        .where(eq(agreementAttachments.agreementId, agreementId))
        .orderBy(agreementAttachments.createdAt);
    },

    async attachment(db: Executor, id: string): Promise<AttachmentRow | null> {
      const [row] = await db
        .select({ ...getTableColumns(agreementAttachments), uploaderName: users.displayName })
        .from(agreementAttachments)
        .innerJoin(users, eq(users.id, agreementAttachments.uploadedBy))
        .where(eq(agreementAttachments.id, id));
      return row ?? null;
    },

    async insertAttachment(db: Executor, values: typeof agreementAttachments.$inferInsert) {
      const [row] = await db.insert(agreementAttachments).values(values).returning();
      return row!;
    },

    async deleteAttachment(db: Executor, id: string) {
      await db.delete(agreementAttachments).where(eq(agreementAttachments.id, id));
    },

    /** Active agreements whose term ended before `today`. */
    async endedBefore(db: Executor, today: string): Promise<AgreementRow[]> {
      return db
        .select()
        .from(agreements)
        .where(and(eq(agreements.status, 'active'), lt(agreements.endDate, today)));
    },

    /** Active agreements ending between the two dates whose parties have not been warned yet. */
    async endingUnwarned(db: Executor, from: string, until: string): Promise<AgreementRow[]> {
      return db
        .select()
        .from(agreements)
        .where(
          and(
            eq(agreements.status, 'active'),
            gte(agreements.endDate, from),
            lte(agreements.endDate, until),
            isNull(agreements.expiryWarnedAt),
          ),
        );
    },

    /** Claims the warning of one agreement; false when another process already sent it. */
    async claimWarning(db: Executor, id: string): Promise<boolean> {
      const rows = await db
        .update(agreements)
        .set({ expiryWarnedAt: new Date() })
        .where(and(eq(agreements.id, id), isNull(agreements.expiryWarnedAt)))
        .returning({ id: agreements.id });
      return rows.length > 0;
    },
  };
}

export type AgreementRepository = ReturnType<typeof createAgreementRepository>;
