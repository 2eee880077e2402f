// In-app notifications: one row per recipient, written in the transaction of the change they report.
import type { Notification } from '@coop/shared';
import { and, count, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { dateIn, dayStartIn } from '../../calendar.js';
import type { Database, Executor } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';
import type { Actor } from '../access/actor.js';
import { NotFoundError } from '../../errors.js';
import type { NotificationMessage, NotificationSender } from './sender.js';

type Row = typeof notifications.$inferSelect;

const toDto = (row: Row): Notification => ({
  id: row.id,
  kind: row.kind,
  entityType: row.entityType,
  entityId: row.entityId,
  params: row.params as Record<string, unknown>,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export interface NotifyInput {
  orgIds: string[];
  kind: string;
  entityType: string;
  entityId: string;
  params: Record<string, unknown>;
  /** The person who caused it hears nothing about their own action. */
  except?: string;
}

const INSERT_ROWS = 1000;

async function notifyMany(tx: Executor, inputs: NotifyInput[]): Promise<NotificationMessage[]> {
  const orgIds = [...new Set(inputs.flatMap((input) => input.orgIds))];
  if (orgIds.length === 0) return [];
  const people = await tx
    .select({ id: users.id, orgId: users.orgId })
    .from(users)
    .where(inArray(users.orgId, orgIds));
  const messages = inputs.flatMap((input) =>
    people
      .filter(({ id, orgId }) => input.orgIds.includes(orgId) && id !== input.except)
      .map(({ id }) => ({
        userId: id,
        kind: input.kind,
        entityType: input.entityType,
        entityId: input.entityId,
        params: input.params,
      })),
  );
  for (let i = 0; i < messages.length; i += INSERT_ROWS) {
    await tx.insert(notifications).values(messages.slice(i, i + INSERT_ROWS));
  }
  return messages;
}

export function createNotificationService({ db, sender }: { db: Database; sender: NotificationSender }) {
  return {
    /** Notifies every user of the organisations; call inside the change's transaction, then `deliver` after commit. */
    notify: (tx: Executor, input: NotifyInput) => notifyMany(tx, [input]),

    /** As `notify` for many changes at once: one read of the recipients, one insert per thousand messages. */
    notifyMany,

    deliver: (messages: NotificationMessage[]) => sender.send(messages),

    async list(actor: Actor, unreadOnly: boolean, page: number, pageSize: number) {
      const mine = eq(notifications.userId, actor.userId);
      const unreadRow = isNull(notifications.readAt);
      const [rows, [counts]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(and(mine, unreadOnly ? unreadRow : undefined))
          .orderBy(desc(notifications.createdAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        // Both counts in one pass over the caller's rows.
        db
          .select({ all: count(), unread: sql<number>`(count(*) filter (where ${unreadRow}))::int` })
          .from(notifications)
          .where(mine),
      ]);
      const unread = counts?.unread ?? 0;
      return {
        items: rows.map(toDto),
        total: unreadOnly ? unread : (counts?.all ?? 0),
        unread,
        page,
        pageSize,
      };
    },

    /** Marks one (or, without an id, every) notification of the caller read; others' stay untouched. */
    async markRead(actor: Actor, id?: string): Promise<number> {
      const rows = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.userId, actor.userId),
            isNull(notifications.readAt),
            id ? eq(notifications.id, id) : undefined,
          ),
        )
        .returning({ id: notifications.id });
      if (id && rows.length === 0) {
        // Already read is fine (marking twice is harmless); an id that is not the caller's names nothing.
        const [own] = await db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)));
        if (!own) throw new NotFoundError('Notification');
      }
      return rows.length;
    },

    /** One day's notifications on the reader's calendar (today when no date is given), counted by kind. */
    async digest(actor: Actor, date: string = dateIn(actor.timeZone)) {
      const start = dayStartIn(actor.timeZone, date);
      const end = dayStartIn(actor.timeZone, date, 1);
      const rows = await db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, actor.userId),
            gte(notifications.createdAt, start),
            lt(notifications.createdAt, end),
          ),
        )
        .orderBy(desc(notifications.createdAt));
      const byKind: Record<string, number> = {};
      for (const row of rows) byKind[row.kind] = (byKind[row.kind] ?? 0) + 1;
      return { date, byKind, items: rows.map(toDto) };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
