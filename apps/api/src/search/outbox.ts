// Writes of needs, capabilities and organisations call this inside their transaction.
import { and, asc, count, gte, inArray, isNull, lte, min, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { searchOutbox } from '../db/schema/index.js';

export type OutboxEntity = (typeof searchOutbox.$inferInsert)['entityType'];

export async function enqueueIndexing(db: Executor, entityType: OutboxEntity, entityId: string) {
  await db.insert(searchOutbox).values({ entityType, entityId });
}

export type OutboxRow = typeof searchOutbox.$inferSelect;

export function createOutboxRepository() {
  return {
    /**
     * Leases due rows, oldest first, by pushing their next attempt into the future: no transaction is held
     * while the engine works, a crash only delays them, and SKIP LOCKED lets several processes drain side by side.
     */
    async claimDue(db: Executor, limit: number, leaseMs: number): Promise<OutboxRow[]> {
      const due = db
        .select({ id: searchOutbox.id })
        .from(searchOutbox)
        .where(and(isNull(searchOutbox.processedAt), lte(searchOutbox.nextAttemptAt, new Date())))
        .orderBy(asc(searchOutbox.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      // `= any(array(…))`, not `in (…)`: the rows are then found by key, not by a hash join over the whole table.
      return db
        .update(searchOutbox)
        .set({ nextAttemptAt: new Date(Date.now() + leaseMs) })
        .where(sql`${searchOutbox.id} = any(array(${due}))`)
        .returning();
    },

    async markProcessed(db: Executor, ids: number[]) {
      if (ids.length === 0) return;
      await db
        .update(searchOutbox)
        .set({ processedAt: new Date(), lastError: null })
        .where(inArray(searchOutbox.id, ids));
    },

    /** Retries later, waiting longer after each failure (back-off capped at a minute). */
    async markFailed(db: Executor, ids: number[], error: string) {
      if (ids.length === 0) return;
      await db
        .update(searchOutbox)
        .set({
          attempts: sql`${searchOutbox.attempts} + 1`,
          lastError: error.slice(0, 1000),
          nextAttemptAt: sql`now() + least(60000, 250 * power(2, ${searchOutbox.attempts})) * interval '1 millisecond'`,
        })
        .where(inArray(searchOutbox.id, ids));
    },

    /** Entities changed since a moment, applied or not: a rebuild replays them onto its fresh index. */
    async changedSince(db: Executor, since: Date) {
      return db
        .selectDistinct({ entityType: searchOutbox.entityType, entityId: searchOutbox.entityId })
        .from(searchOutbox)
        .where(gte(searchOutbox.createdAt, since));
    },

    async lag(db: Executor): Promise<{ pending: number; oldest: Date | null }> {
      const [row] = await db
        .select({ pending: count(), oldest: min(searchOutbox.createdAt) })
        .from(searchOutbox)
        .where(isNull(searchOutbox.processedAt));
      return { pending: row?.pending ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
    },

    async prune(db: Executor, before: Date) {
      await db.delete(searchOutbox).where(lte(searchOutbox.processedAt, before));
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
