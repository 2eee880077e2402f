// Versioned updates and what the event log keeps of them, shared by agreements, projects and checklist items.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agreements, checklistItems, projects } from '../../db/schema/index.js';
import { ConflictError } from '../../errors.js';

type VersionedTable = typeof agreements | typeof projects | typeof checklistItems;

/** Applies a change only if the row still has the version the caller saw; null when it moved on. */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | null> {
  // Drizzle cannot type an update over a union of tables; id, version and updatedAt are alike in each.
  const t = table as unknown as typeof agreements;
  const [row] = await db
    .update(t)
    .set({
      ...(patch as Partial<typeof agreements.$inferInsert>),
      version: version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(t.id, id), eq(t.version, version)))
    .returning();
  return (row as T['$inferSelect'] | undefined) ?? null;
}

export const versionConflict = (what: string, current: unknown) =>
  new ConflictError('version_conflict', `Someone changed this ${what} since you opened it`, { current });

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields a patch really changes, before and after, for the event; null when nothing changes. */
export function changedFields(
  row: object,
  patch: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const old = (row as Record<string, unknown>)[key];
    if (value === undefined || same(old, value)) continue;
    before[key] = old ?? null;
    after[key] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}
