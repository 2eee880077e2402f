// The event log of agreements, their projects and checklist items: every change is written with its event and the
// event's link to the agreement in one transaction, and read back as a timeline or a live stream.
import { and, count, desc, eq, gt, max, type SQL } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../../db/client.js';
import { agreementEvents, agreements, events, organizations, users } from '../../db/schema/index.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../events/repository.js';
import type { LiveFeed } from '../events/live.js';

export type JournalEntity = 'agreement' | 'project' | 'checklist_item';

export interface Change {
  entityType: JournalEntity;
  entityId: string;
  agreementId: string;
  projectId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export type RecordChange = (change: Change) => Promise<void>;

const streamedColumns = {
  id: events.id,
  occurredAt: events.occurredAt,
  entityType: events.entityType,
  entityId: events.entityId,
  agreementId: agreementEvents.agreementId,
  projectId: agreementEvents.projectId,
  action: events.action,
  actorUserId: events.actorUserId,
  actorOrgId: events.actorOrgId,
  before: events.before,
  after: events.after,
};

export function createJournal(db: Database, live: LiveFeed) {
  return {
    /** The feed its writes go through; the live stream subscribes to it. */
    live,

    /** Runs `work` in one transaction; `record` writes an event there. Live viewers hear of it after commit. */
    write<T>(actor: Actor | null, work: (tx: Transaction, record: RecordChange) => Promise<T>): Promise<T> {
      return live.transaction((tx) =>
        work(tx, async ({ agreementId, projectId = null, ...event }) => {
          const eventId = await recordEvent(tx, {
            ...event,
            actorUserId: actor?.userId ?? null,
            actorOrgId: actor?.orgId ?? null,
          });
          await tx.insert(agreementEvents).values({ eventId, agreementId, projectId });
        }),
      );
    },

    /** An agreement's events, newest first, with who did what. */
    async timeline(agreementId: string, projectId: string | undefined, page: number, pageSize: number) {
      const where = and(
        eq(agreementEvents.agreementId, agreementId),
        projectId ? eq(agreementEvents.projectId, projectId) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({
            ...streamedColumns,
            displayName: users.displayName,
            orgNameZh: organizations.nameZh,
            orgNameEn: organizations.nameEn,
          })
          .from(agreementEvents)
          .innerJoin(events, eq(events.id, agreementEvents.eventId))
          .leftJoin(users, eq(users.id, events.actorUserId))
          .leftJoin(organizations, eq(organizations.id, events.actorOrgId))
          .where(where)
          .orderBy(desc(agreementEvents.eventId))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ value: count() }).from(agreementEvents).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    /** Events after an id, oldest first, of the agreements `visible` admits. */
    async after(executor: Executor, afterId: number, limit: number, visible?: SQL) {
      const rows = await executor
        .select(streamedColumns)
        .from(agreementEvents)
        .innerJoin(events, eq(events.id, agreementEvents.eventId))
        .innerJoin(agreements, eq(agreements.id, agreementEvents.agreementId))
        .where(and(gt(agreementEvents.eventId, afterId), visible))
        .orderBy(agreementEvents.eventId)
        .limit(limit);
      return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
    },

    async latestId(): Promise<number> {
      const [row] = await db.select({ value: max(agreementEvents.eventId) }).from(agreementEvents);
      return row?.value ?? 0;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
export type StreamedChange = Awaited<ReturnType<Journal['after']>>[number];
