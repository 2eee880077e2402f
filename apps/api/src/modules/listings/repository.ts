// Storage of needs and capabilities; both tables share their listing columns, so one repository serves both.
import {
  and,
  arrayOverlaps,
  count,
  desc,
  eq,
  getTableName,
  gt,
  ilike,
  inArray,
  like,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Totals } from '../../db/figure-cache.js';
import { orgWithCurrentDesignations } from '../orgs/designations.js';
import { associationMembers, capabilities, needs, organizations } from '../../db/schema/index.js';

export type NeedRow = typeof needs.$inferSelect;
export type CapabilityRow = typeof capabilities.$inferSelect;
export type ListingTable = typeof needs | typeof capabilities;
export type RowOf<T extends ListingTable> = T['$inferSelect'];
/** An organisation with the designations that count today (orgWithCurrentDesignations). */
export type OrgRow = typeof organizations.$inferSelect & { designations: string[] };

export interface ListingFilter {
  orgId?: string;
  statuses?: string[];
  fields?: string[];
  cooperationTypes?: string[];
  /** A region code; a province or city code also takes what lies inside it. */
  region?: string;
  kinds?: string[];
  q?: string;
  /** Published listings of others must be one of these visibilities (own organisation sees all). */
  visibleTo?: { orgId: string | null; visibilities: string[] };
  /** Only organisations that are members of this association. */
  memberOf?: string;
  createdAfter?: Date;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** 330000 → 33 (a province), 330100 → 3301 (a city): the prefix every code inside the region shares. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function createListingRepository<T extends ListingTable>(table: T) {
  // Drizzle cannot type queries over a union of tables; the shared columns are the same in both.
  const t = table as unknown as typeof needs;

  function where(db: Executor, filter: ListingFilter): SQL | undefined {
    const conditions: (SQL | undefined)[] = [];
    if (filter.orgId) conditions.push(eq(t.orgId, filter.orgId));
    if (filter.statuses?.length) conditions.push(inArray(t.status, filter.statuses as NeedRow['status'][]));
    if (filter.fields?.length) conditions.push(arrayOverlaps(t.fields, filter.fields));
    if (filter.cooperationTypes?.length)
      conditions.push(arrayOverlaps(t.cooperationTypes, filter.cooperationTypes));
    if (filter.region) conditions.push(like(t.regionCode, `${regionPrefix(filter.region)}%`));
    if (filter.kinds?.length && 'kind' in table)
      conditions.push(inArray(capabilities.kind, filter.kinds as CapabilityRow['kind'][]));
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      conditions.push(or(ilike(t.title, pattern), ilike(t.description, pattern)));
    }
    if (filter.visibleTo) {
      const visible = inArray(t.visibility, filter.visibleTo.visibilities as NeedRow['visibility'][]);
      conditions.push(filter.visibleTo.orgId ? or(visible, eq(t.orgId, filter.visibleTo.orgId)) : visible);
    }
    if (filter.memberOf) {
      const members = db
        .select({ id: associationMembers.memberId })
        .from(associationMembers)
        .where(eq(associationMembers.associationId, filter.memberOf));
      conditions.push(inArray(t.orgId, members));
    }
    return and(...conditions);
  }

  function prepareGet(db: Executor) {
    return db
      .select({ row: t, org: orgWithCurrentDesignations })
      .from(t)
      .innerJoin(organizations, eq(organizations.id, t.orgId))
      .where(eq(t.id, sql.placeholder('id')))
      .prepare(`${getTableName(t)}_by_id`);
  }
  // Built once per database: a detail page is the hottest read, and building its query is a good part of its cost.
  const prepared = new WeakMap<Executor, ReturnType<typeof prepareGet>>();

  return {
    async get(db: Executor, id: string): Promise<{ row: RowOf<T>; org: OrgRow } | null> {
      let query = prepared.get(db);
      if (!query) prepared.set(db, (query = prepareGet(db)));
      const [found] = await query.execute({ id });
      return (found as { row: RowOf<T>; org: OrgRow } | undefined) ?? null;
    },

    async getMany(db: Executor, ids: string[]): Promise<Map<string, { row: RowOf<T>; org: OrgRow }>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ row: t, org: orgWithCurrentDesignations })
        .from(t)
        .innerJoin(organizations, eq(organizations.id, t.orgId))
        .where(inArray(t.id, ids));
      return new Map((rows as { row: RowOf<T>; org: OrgRow }[]).map((found) => [found.row.id, found]));
    },

    async byOrgAndTitle(db: Executor, orgId: string, title: string): Promise<RowOf<T> | null> {
      const [row] = await db
        .select()
        .from(t)
        .where(and(eq(t.orgId, orgId), eq(t.title, title)));
      return (row as RowOf<T> | undefined) ?? null;
    },

    async insert(db: Executor, values: T['$inferInsert']): Promise<RowOf<T>> {
      const [row] = await db
        .insert(t)
        .values(values as typeof needs.$inferInsert)
        .returning();
      return row as RowOf<T>;
    },

    /** Applies a change only if the row still has the version the caller saw. */
    async update(db: Executor, id: string, version: number, patch: Partial<T['$inferInsert']>) {
      const [row] = await db
        .update(t)
        .set({
          ...(patch as Partial<typeof needs.$inferInsert>),
          version: version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(t.id, id), eq(t.version, version)))
        .returning();
      return (row as RowOf<T> | undefined) ?? null;
    },

    async list(db: Executor, filter: ListingFilter, page: number, pageSize: number, totals: Totals) {
      const condition = where(db, filter);
      const order = [desc(t.updatedAt), desc(t.id)];
      // The page's ids first: organisations' designations are then worked out for its rows only, not for every
      // row the offset skips.
      const onPage = db
        .select({ id: t.id })
        .from(t)
        .where(condition)
        .orderBy(...order)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .as('on_page');
      const [rows, total] = await Promise.all([
        db
          .select({ row: t, org: orgWithCurrentDesignations })
          .from(t)
          .innerJoin(onPage, eq(onPage.id, t.id))
          .innerJoin(organizations, eq(organizations.id, t.orgId))
          .orderBy(...order),
        totals.of(db.select({ value: count() }).from(t).where(condition)),
      ]);
      return { rows: rows as { row: RowOf<T>; org: OrgRow }[], total };
    },

    /** Every listing of an organisation (re-projected when the organisation changes). */
    async idsOfOrg(db: Executor, orgId: string): Promise<string[]> {
      return (await db.select({ id: t.id }).from(t).where(eq(t.orgId, orgId))).map((r) => r.id);
    },

    /** Batches for a rebuild, in id order. */
    async batchAfter(db: Executor, afterId: string | null, limit: number) {
      const rows = await db
        .select({ row: t, org: orgWithCurrentDesignations })
        .from(t)
        .innerJoin(organizations, eq(organizations.id, t.orgId))
        .where(afterId ? gt(t.id, afterId) : undefined)
        .orderBy(t.id)
        .limit(limit);
      return rows as { row: RowOf<T>; org: OrgRow }[];
    },

    async count(db: Executor): Promise<number> {
      const [row] = await db.select({ value: count() }).from(t);
      return row?.value ?? 0;
    },
  };
}

export type ListingRepository<T extends ListingTable> = ReturnType<typeof createListingRepository<T>>;
