// Evidence files: a designation claim's certificate scans (the organisation's, while the claim is pending) and what a
// verifier checked when verifying an organisation. Seen by the organisation and those who verify it, nobody else.
import type { Attachment } from '@coop/shared';
import type { Database } from '../../db/client.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import type { FileStorage } from '../../storage/port.js';
import { keepUpload } from '../../storage/upload.js';
import type { Actor } from '../access/actor.js';
import type { AccessPolicy } from '../access/policy.js';
import type { DesignationRepository } from '../designations/repository.js';
import { recordEvent } from '../events/repository.js';
import type { OrgRepository } from '../orgs/repository.js';
import { toEvidence, type EvidenceRepository } from './repository.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  orgs: OrgRepository;
  designations: DesignationRepository;
  evidence: EvidenceRepository;
  storage: FileStorage;
}

export function createEvidenceService({ db, access, orgs, designations, evidence, storage }: Deps) {
  async function designation(id: string) {
    const found = await designations.get(db, id);
    if (!found) throw new NotFoundError('Designation');
    return found;
  }

  function requirePending(status: string) {
    if (status !== 'pending') {
      throw new ConflictError(
        'already_decided',
        `This designation is ${status}; its evidence no longer changes`,
        {
          status,
        },
      );
    }
  }

  async function loaded(id: string) {
    const row = await evidence.get(db, id);
    if (!row) throw new NotFoundError('Evidence file');
    return row;
  }

  return {
    async addToDesignation(actor: Actor | null, id: string, upload: UploadedFile): Promise<Attachment> {
      const claim = await designation(id);
      const caller = await access.requireOrg(db, actor, 'org.designation.claim', claim.orgId);
      requirePending(claim.status);
      const fileId = await keepUpload(storage, upload, (file) =>
        db.transaction(async (tx) => {
          const added = await evidence.insert(tx, {
            orgId: claim.orgId,
            designationId: id,
            ...file,
            uploadedBy: caller.userId,
          });
          await recordEvent(tx, {
            actorUserId: caller.userId,
            actorOrgId: caller.orgId,
            entityType: 'designation',
            entityId: id,
            action: 'evidence_added',
            after: { fileId: added, fileName: file.fileName, size: file.size },
          });
          return added;
        }),
      );
      return toEvidence(await loaded(fileId));
    },

    async ofDesignation(actor: Actor | null, id: string): Promise<Attachment[]> {
      const claim = await designation(id);
      await access.requireOrg(db, actor, 'org.evidence.read', claim.orgId);
      return (await evidence.ofDesignation(db, id)).map(toEvidence);
    },

    /** Only the verifier who recorded the decision adds what they checked to it. */
    async addToVerification(actor: Actor | null, id: string, upload: UploadedFile): Promise<Attachment> {
      const [decision] = await orgs.verifications(db, { id });
      if (!decision) throw new NotFoundError('Verification');
      const caller = await access.requireOrg(db, actor, 'org.verify', decision.orgId);
      if (caller.userId !== decision.decidedBy) {
        throw new ForbiddenError('Only the verifier who recorded this decision may add its evidence');
      }
      const fileId = await keepUpload(storage, upload, (file) =>
        db.transaction(async (tx) => {
          const added = await evidence.insert(tx, {
            orgId: decision.orgId,
            verificationId: id,
            ...file,
            uploadedBy: caller.userId,
          });
          await recordEvent(tx, {
            actorUserId: caller.userId,
            actorOrgId: caller.orgId,
            entityType: 'organization',
            entityId: decision.orgId,
            action: 'verification_evidence_added',
            after: { verificationId: id, fileId: added, fileName: file.fileName, size: file.size },
          });
          return added;
        }),
      );
      return toEvidence(await loaded(fileId));
    },

    /** Not found to those who may not see it: which files an organisation gave stays private. */
    async open(actor: Actor | null, id: string) {
      const row = await loaded(id);
      if (!actor || !(await access.allowsOrg(db, actor, 'org.evidence.read', row.orgId))) {
        throw new NotFoundError('Evidence file');
      }
      return { file: toEvidence(row), content: await storage.open(row.storageKey) };
    },

    /** A pending claim's files may be taken back by its organisation; a verification's are kept as its record. */
    async remove(actor: Actor | null, id: string): Promise<void> {
      const row = await loaded(id);
      if (!actor || !(await access.allowsOrg(db, actor, 'org.evidence.read', row.orgId))) {
        throw new NotFoundError('Evidence file');
      }
      if (!row.designationId) {
        throw new ConflictError(
          'kept_as_record',
          'Evidence of a verification decision is kept as its record',
        );
      }
      const claim = await designation(row.designationId);
      const caller = await access.requireOrg(db, actor, 'org.designation.claim', claim.orgId);
      requirePending(claim.status);
      await db.transaction(async (tx) => {
        await evidence.remove(tx, id);
        await recordEvent(tx, {
          actorUserId: caller.userId,
          actorOrgId: caller.orgId,
          entityType: 'designation',
          entityId: claim.id,
          action: 'evidence_removed',
          before: { fileId: id, fileName: row.fileName, size: row.size },
        });
      });
      // After commit: a failed transaction must not lose the file.
      await storage.remove(row.storageKey);
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
