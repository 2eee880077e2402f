import type { AuditAction, AuditEntry, AuditQuery } from '@coop/shared';
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { auditLog, users } from '../../db/schema/index.js';
import { dayStartIn } from '../../calendar.js';

export interface AuditInput {
  action: AuditAction;
  actorUserId: string | null;
  targetType?: string;
  targetId?: string;
  targetLabel?: string;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/** Append-only: pass the transaction of the change it records, so neither lands without the other. */
export async function recordAudit(db: Executor, input: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    action: input.action,
    actorUserId: input.actorUserId,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    targetLabel: input.targetLabel ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    details: input.details ?? {},
  });
}

/** `from`/`to` are days on the reader's calendar (`timeZone`). */
export async function listAudit(db: Executor, query: AuditQuery, timeZone: string) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const conditions: (SQL | undefined)[] = [
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.actor ? ilike(users.email, containsPattern(query.actor)) : undefined,
    query.target
      ? or(ilike(auditLog.targetLabel, containsPattern(query.target)), eq(auditLog.targetId, query.target))
      : undefined,
    query.from ? gte(auditLog.occurredAt, dayStartIn(timeZone, query.from)) : undefined,
    query.to ? lt(auditLog.occurredAt, dayStartIn(timeZone, query.to, 1)) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        entry: auditLog,
        actor: { id: users.id, email: users.email, displayName: users.displayName },
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ value: count() })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where),
  ]);
  const items: AuditEntry[] = rows.map(({ entry, actor }) => ({
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    action: entry.action as AuditAction,
    actor: actor?.id ? { id: actor.id, email: actor.email, displayName: actor.displayName } : null,
    targetType: entry.targetType,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel,
    ip: entry.ip,
    details: entry.details as Record<string, unknown>,
  }));
  return { items, total: total?.value ?? 0, page, pageSize };
}
