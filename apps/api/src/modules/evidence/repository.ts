// Evidence files' metadata; the content lives behind the storage port.
import type { Attachment } from '@coop/shared';
import { eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { evidenceFiles, users } from '../../db/schema/index.js';

export type EvidenceRow = typeof evidenceFiles.$inferSelect & { uploaderName: string };

export const toEvidence = (row: EvidenceRow): Attachment => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  uploadedBy: { id: row.uploadedBy, displayName: row.uploaderName },
  createdAt: row.createdAt.toISOString(),
});

export function createEvidenceRepository() {
  const select = (db: Executor, where: SQL) =>
    db
      .select({ ...getTableColumns(evidenceFiles), uploaderName: users.displayName })
      .from(evidenceFiles)
      .innerJoin(users, eq(users.id, evidenceFiles.uploadedBy))
      .where(where)
      .orderBy(evidenceFiles.createdAt, evidenceFiles.id);

  return {
    async get(db: Executor, id: string): Promise<EvidenceRow | null> {
      const [row] = await select(db, eq(evidenceFiles.id, id));
      return row ?? null;
    },

    ofDesignation: (db: Executor, designationId: string) =>
      select(db, eq(evidenceFiles.designationId, designationId)),

    async ofVerifications(db: Executor, verificationIds: string[]): Promise<EvidenceRow[]> {
      if (!verificationIds.length) return [];
      return select(db, inArray(evidenceFiles.verificationId, verificationIds));
    },

    async insert(db: Executor, values: typeof evidenceFiles.$inferInsert): Promise<string> {
      const [row] = await db.insert(evidenceFiles).values(values).returning({ id: evidenceFiles.id });
      return row!.id;
    },

    async remove(db: Executor, id: string) {
      await db.delete(evidenceFiles).where(eq(evidenceFiles.id, id));
    },
  };
}

export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
