import type { OrgDetail, OrgListQuery, OrgUpdate, OrgVerification, VerificationBody } from '@coop/shared';
import type { Database } from '../../db/client.js';
import { BadRequestError, NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy } from '../access/policy.js';
import { enqueueIndexing } from '../../search/outbox.js';
import { recordAudit } from '../audit/repository.js';
import { recordEvent } from '../events/repository.js';
import { toEvidence, type EvidenceRepository } from '../evidence/repository.js';
import type { OrgRepository } from './repository.js';

interface Deps {
  db: Database;
  orgs: OrgRepository;
  access: AccessPolicy;
  evidence: EvidenceRepository;
}

export function createOrgService({ db, orgs, access, evidence }: Deps) {
  async function verificationsWhere(where: { orgId: string } | { id: string }): Promise<OrgVerification[]> {
    const rows = await orgs.verifications(db, where);
    const files = await evidence.ofVerifications(
      db,
      rows.map((row) => row.id),
    );
    return rows.map(({ deciderName, decidedBy, createdAt, ...row }) => ({
      id: row.id,
      orgId: row.orgId,
      verified: row.verified,
      reason: row.reason,
      decidedBy: { id: decidedBy, displayName: deciderName },
      createdAt: createdAt.toISOString(),
      files: files.filter((file) => file.verificationId === row.id).map(toEvidence),
    }));
  }

  async function existing(id: string) {
    const org = await orgs.get(db, id);
    if (!org) throw new NotFoundError('Organisation');
    return org;
  }

  async function association(id: string) {
    const org = await existing(id);
    if (org.kind !== 'association') throw new NotFoundError('Association');
    return org;
  }

  return {
    list: (query: OrgListQuery) => orgs.list(db, query),

    async get(id: string): Promise<OrgDetail> {
      const org = await existing(id);
      const memberOfAssociations = await orgs.associationsOf(db, id);
      const memberCount = org.kind === 'association' ? await orgs.memberCount(db, id) : undefined;
      return { ...org, memberOfAssociations, ...(memberCount === undefined ? {} : { memberCount }) };
    },

    async update(actor: Actor | null, id: string, patch: OrgUpdate) {
      const before = await existing(id);
      const caller = await access.requireOrg(db, actor, 'org.update', id);
      return db.transaction(async (tx) => {
        const after = (await orgs.update(tx, id, patch))!;
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'organization',
          entityId: id,
          action: 'updated',
          before,
          after,
        });
        await enqueueIndexing(tx, 'organization', id);
        return after;
      });
    },

    /** Marks an organisation verified or not, keeping what was checked; evidence files are added to the decision. */
    async setVerified(actor: Actor | null, id: string, { verified, reason }: VerificationBody) {
      const before = await existing(id);
      const caller = await access.requireOrg(db, actor, 'org.verify', id);
      const verificationId = await db.transaction(async (tx) => {
        await orgs.update(tx, id, { verified, verifiedBy: verified ? caller.userId : null });
        const recorded = await orgs.recordVerification(tx, {
          orgId: id,
          verified,
          reason,
          decidedBy: caller.userId,
        });
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'organization',
          entityId: id,
          action: verified ? 'verified' : 'unverified',
          before: { verified: before.verified },
          after: { verified, reason, verificationId: recorded },
        });
        await recordAudit(tx, {
          action: 'org.verification_changed',
          actorUserId: caller.userId,
          targetType: 'organization',
          targetId: id,
          targetLabel: before.nameZh,
          details: { before: before.verified, after: verified, reason, verificationId: recorded },
        });
        await enqueueIndexing(tx, 'organization', id);
        return recorded;
      });
      const [verification] = await verificationsWhere({ id: verificationId });
      return verification!;
    },

    /** The verification decisions with what was checked: for the organisation itself and those who verify it. */
    async verifications(actor: Actor | null, id: string) {
      await existing(id);
      await access.requireOrg(db, actor, 'org.evidence.read', id);
      return verificationsWhere({ orgId: id });
    },

    async members(id: string, query: { page?: number; pageSize?: number; verified?: boolean }) {
      await association(id);
      return orgs.list(db, { ...query, memberOf: id });
    },

    async addMember(actor: Actor | null, id: string, memberId: string) {
      await association(id);
      const caller = await access.requireOrg(db, actor, 'org.members.manage', id);
      const member = await existing(memberId);
      if (member.kind === 'association' || member.kind === 'government' || memberId === id) {
        throw new BadRequestError(
          'invalid_member',
          'Only enterprises, colleges and institutes can be members',
          [{ field: 'body.orgId', problem: 'must be an enterprise, college or institute', rule: 'invalid' }],
        );
      }
      await db.transaction(async (tx) => {
        if (await orgs.addMember(tx, id, memberId)) {
          await recordEvent(tx, {
            actorUserId: caller.userId,
            actorOrgId: caller.orgId,
            entityType: 'organization',
            entityId: id,
            action: 'member_added',
            after: { memberId },
          });
          await recordAudit(tx, {
            action: 'org.member_added',
            actorUserId: caller.userId,
            targetType: 'organization',
            targetId: memberId,
            targetLabel: member.nameZh,
            details: { associationId: id },
          });
        }
      });
      return member;
    },

    async removeMember(actor: Actor | null, id: string, memberId: string) {
      await association(id);
      const caller = await access.requireOrg(db, actor, 'org.members.manage', id);
      await db.transaction(async (tx) => {
        if (!(await orgs.removeMember(tx, id, memberId))) throw new NotFoundError('Membership');
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'organization',
          entityId: id,
          action: 'member_removed',
          before: { memberId },
        });
        await recordAudit(tx, {
          action: 'org.member_removed',
          actorUserId: caller.userId,
          targetType: 'organization',
          targetId: memberId,
          details: { associationId: id },
        });
      });
    },

    async users(actor: Actor | null, id: string, page: number, pageSize: number) {
      await existing(id);
      await access.requireOrg(db, actor, 'org.users.read', id);
      return orgs.users(db, id, page, pageSize);
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
