// Designation claims and their verification; expiry warnings ride on the platform's periodic check.
import type { DesignationClaim, DesignationDecision, DesignationRecord } from '@coop/shared';
import type { Database } from '../../db/client.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import { enqueueIndexing } from '../../search/outbox.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy } from '../access/policy.js';
import { addDays, EXPIRY_WARNING_DAYS, platformDate } from '../agreements/dates.js';
import { recordEvent } from '../events/repository.js';
import type { NotificationService } from '../notifications/service.js';
import type { OrgRepository } from '../orgs/repository.js';
import type { DesignationRepository } from './repository.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  orgs: OrgRepository;
  designations: DesignationRepository;
  notifications: NotificationService;
}

export function createDesignationService({ db, access, orgs, designations, notifications }: Deps) {
  async function existing(id: string): Promise<DesignationRecord> {
    const found = await designations.get(db, id);
    if (!found) throw new NotFoundError('Designation');
    return found;
  }

  return {
    async ofOrg(orgId: string) {
      if (!(await orgs.get(db, orgId))) throw new NotFoundError('Organisation');
      return designations.ofOrg(db, orgId);
    },

    /** What a coordinator (their members) or officer (their region) has to decide. */
    queue(actor: Actor | null) {
      const { scope } = access.requireOversight(actor);
      return designations.pendingIn(db, scope);
    },

    async claim(actor: Actor | null, orgId: string, claim: DesignationClaim) {
      if (!(await orgs.get(db, orgId))) throw new NotFoundError('Organisation');
      const caller = await access.requireOrg(db, actor, 'org.designation.claim', orgId);
      if (claim.validUntil < claim.validFrom) {
        throw new BadRequestError('invalid_validity', 'The certificate ends before it starts', [
          { field: 'body.validUntil', problem: 'is before validFrom', rule: 'invalid' },
        ]);
      }
      if (claim.validUntil < platformDate()) {
        throw new BadRequestError('invalid_validity', 'The certificate has already expired', [
          { field: 'body.validUntil', problem: 'is in the past', rule: 'invalid' },
        ]);
      }
      const id = await db.transaction(async (tx) => {
        const created = await designations.claim(tx, orgId, caller.userId, claim);
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'designation',
          entityId: created,
          action: 'claimed',
          after: { orgId, ...claim },
        });
        return created;
      });
      return existing(id);
    },

    async decide(actor: Actor | null, id: string, { decision, reason }: DesignationDecision) {
      const before = await existing(id);
      const caller = await access.requireOrg(db, actor, 'org.designation.verify', before.orgId);
      if (before.status !== 'pending') {
        throw new ConflictError('already_decided', `This designation is ${before.status}, not pending`, {
          status: before.status,
        });
      }
      const messages = await db.transaction(async (tx) => {
        await designations.decide(tx, id, decision, caller.userId, reason);
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'designation',
          entityId: id,
          action: decision,
          before: { status: before.status },
          after: { status: decision, reason },
        });
        // Search documents carry the designations that count.
        await enqueueIndexing(tx, 'organization', before.orgId);
        return notifications.notify(tx, {
          orgIds: [before.orgId],
          kind: `designation_${decision}`,
          entityType: 'designation',
          entityId: id,
          params: { kind: before.kind, reason },
        });
      });
      await notifications.deliver(messages);
      return existing(id);
    },

    /** Marks lapsed certificates expired and warns organisations 30 days before theirs lapse; once each. */
    async checkExpiry(now: Date) {
      const today = platformDate(now);
      const messages = await db.transaction(async (tx) => {
        for (const orgId of await designations.expire(tx, today)) {
          await enqueueIndexing(tx, 'organization', orgId);
        }
        const sent = [];
        for (const due of await designations.claimExpiryWarnings(
          tx,
          today,
          addDays(today, EXPIRY_WARNING_DAYS),
        )) {
          sent.push(
            ...(await notifications.notify(tx, {
              orgIds: [due.orgId],
              kind: 'designation_expiring',
              entityType: 'designation',
              entityId: due.id,
              params: { kind: due.kind, validUntil: due.validUntil },
            })),
          );
        }
        return sent;
      });
      await notifications.deliver(messages);
      return messages.length;
    },
  };
}

export type DesignationService = ReturnType<typeof createDesignationService>;
