// Files attached to an agreement (the signed contract, annexes), kept behind the storage port.
import type { Attachment } from '@coop/shared';
import type { Database } from '../../db/client.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { UploadedFile } from '../../http/multipart.js';
import type { FileStorage } from '../../storage/port.js';
import { keepUpload } from '../../storage/upload.js';
import type { Actor } from '../access/actor.js';
import type { AgreementPermission } from '../access/policy.js';
import { toAttachment } from './dto.js';
import type { Journal } from './journal.js';
import type { AgreementService } from './service.js';
import { FINAL_STATUSES } from './status.js';

interface Deps {
  db: Database;
  agreements: AgreementService;
  journal: Journal;
  storage: FileStorage;
}

export function createAttachmentService({ db, agreements, journal, storage }: Deps) {
  const { repository } = agreements;

  /** Changing attachments is work on an agreement that is still open. */
  async function authoriseChange(actor: Actor | null, agreementId: string, permission: AgreementPermission) {
    const found = await agreements.authorise(actor, agreementId, permission);
    if (FINAL_STATUSES.includes(found.record.row.status)) {
      throw new ConflictError(
        'agreement_closed',
        `This agreement is ${found.record.row.status}; it no longer changes`,
      );
    }
    return found.caller;
  }

  async function load(id: string) {
    const row = await repository.attachment(db, id);
    if (!row) throw new NotFoundError('Attachment');
    return row;
  }

  return {
    async upload(actor: Actor | null, agreementId: string, upload: UploadedFile): Promise<Attachment> {
      const caller = await authoriseChange(actor, agreementId, 'agreement.work');
      return keepUpload(storage, upload, async (file) => {
        const id = await journal.write(caller, async (tx, record) => {
          const row = await repository.insertAttachment(tx, {
            agreementId,
            ...file,
            uploadedBy: caller.userId,
          });
          const after = { attachmentId: row.id, fileName: file.fileName, size: file.size };
          await record({
            entityType: 'agreement',
            entityId: agreementId,
            agreementId,
            action: 'attachment_added',
            after,
          });
          return row.id;
        });
        return toAttachment(await load(id));
      });
    },

    async open(actor: Actor | null, id: string) {
      const row = await load(id);
      await agreements.authorise(actor, row.agreementId, 'agreement.read', 'Attachment');
      return { file: toAttachment(row), content: await storage.open(row.storageKey) };
    },

    async remove(actor: Actor | null, id: string): Promise<void> {
      const row = await load(id);
      const caller = await authoriseChange(actor, row.agreementId, 'agreement.manage');
      await journal.write(caller, async (tx, record) => {
        await repository.deleteAttachment(tx, id);
        const before = { attachmentId: id, fileName: row.fileName, size: row.size };
        await record({
          entityType: 'agreement',
          entityId: row.agreementId,
          agreementId: row.agreementId,
          action: 'attachment_removed',
          before,
        });
      });
      // After commit: a failed transaction must not lose the file.
      await storage.remove(row.storageKey);
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
