// Storage of projects, their progress notes and checklist items, with the progress figures the lists show.
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNull,
  lt,
  max,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import type { Totals } from '../../db/figure-cache.js';
import {
  agreements,
  checklistItems,
  organizations,
  projectNotes,
  projects,
  users,
} from '../../db/schema/index.js';
import type { PartyOrg } from '@coop/shared';
import type { AgreementRef, ItemRow, NoteView, ProjectView } from './dto.js';

const responsibleOrg = alias(organizations, 'responsible_org');
const partyOrg = (table: typeof organizations | typeof responsibleOrg) => ({
  id: table.id,
  nameZh: table.nameZh,
  nameEn: table.nameEn,
  kind: table.kind,
});
/** A left-joined responsible organisation (Drizzle answers null when none): absent means the item is joint. */
const joint = (org: { [K in keyof PartyOrg]: PartyOrg[K] | null } | null): PartyOrg | null =>
  org?.id ? (org as PartyOrg) : null;
const agreementRef = {
  id: agreements.id,
  title: agreements.title,
  type: agreements.type,
  status: agreements.status,
};

/** Items whose shown status (with `overdue` computed) is one of these. */
export function itemStatusIn(statuses: string[], today: string): SQL | undefined {
  const late = and(ne(checklistItems.status, 'done'), lt(checklistItems.dueDate, today));
  const onTime = or(isNull(checklistItems.dueDate), gte(checklistItems.dueDate, today));
  const conditions = statuses.map((status) =>
    status === 'overdue'
      ? late
      : status === 'done'
        ? eq(checklistItems.status, 'done')
        : and(eq(checklistItems.status, status as ItemRow['status']), onTime),
  );
  return or(...conditions);
}

type Ordered = typeof projects | typeof checklistItems;
const parentOf = (table: Ordered) => (table === projects ? projects.agreementId : checklistItems.projectId);

export function createProjectRepository() {
  /** Checklist progress of the project in the enclosing query's row (joined laterally). */
  function progress(db: Executor, today: string) {
    return db
      .select({
        done: sql<number>`(count(*) filter (where ${checklistItems.status} = 'done'))::int`
          .mapWith(Number)
          .as('done'),
        total: sql<number>`count(*)::int`.mapWith(Number).as('total'),
        overdue: sql<number>`(count(*) filter (where ${itemStatusIn(['overdue'], today)}))::int`
          .mapWith(Number)
          .as('overdue'),
      })
      .from(checklistItems)
      .where(eq(checklistItems.projectId, projects.id))
      .as('progress');
  }

  /**
   * Projects with owner, agreement and checklist progress; `where` may name projects and agreements columns.
   * The page's ids come first, so progress is counted for its projects only; the total is kept per data version.
   */
  async function list(
    db: Executor,
    where: SQL | undefined,
    today: string,
    totals: Totals | null,
    page = 1,
    pageSize = 100,
  ) {
    const order = [desc(agreements.createdAt), agreements.id, projects.position];
    const onPage = db
      .select({ id: projects.id })
      .from(projects)
      .innerJoin(agreements, eq(agreements.id, projects.agreementId))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .as('on_page');
    const figures = progress(db, today);
    const counting = db
      .select({ value: count() })
      .from(projects)
      .innerJoin(agreements, eq(agreements.id, projects.agreementId))
      .where(where);
    const [rows, total] = await Promise.all([
      db
        .select({
          project: getTableColumns(projects),
          owner: partyOrg(organizations),
          agreement: agreementRef,
          done: figures.done,
          all: figures.total,
          overdue: figures.overdue,
        })
        .from(projects)
        .innerJoin(onPage, eq(onPage.id, projects.id))
        .innerJoin(agreements, eq(agreements.id, projects.agreementId))
        .innerJoin(organizations, eq(organizations.id, projects.ownerOrgId))
        .leftJoinLateral(figures, sql`true`)
        .orderBy(...order),
      totals ? totals.of(counting) : counting.then(([row]) => row?.value ?? 0),
    ]);
    const views: ProjectView[] = rows.map(({ done, all, overdue, ...row }) => ({
      ...row,
      agreement: row.agreement as AgreementRef,
      progress: { done: done ?? 0, total: all ?? 0, overdue: overdue ?? 0 },
    }));
    return { views, total };
  }

  async function items(db: Executor, where: SQL | undefined) {
    const rows = await db
      .select({ item: getTableColumns(checklistItems), responsibleOrg: partyOrg(responsibleOrg) })
      .from(checklistItems)
      .leftJoin(responsibleOrg, eq(responsibleOrg.id, checklistItems.responsibleOrgId))
      .where(where)
      .orderBy(checklistItems.projectId, checklistItems.position);
    return rows.map((row) => ({ ...row, responsibleOrg: joint(row.responsibleOrg) }));
  }

  return {
    list,
    items,

    async get(db: Executor, id: string, today: string): Promise<ProjectView | null> {
      return (await list(db, eq(projects.id, id), today, null)).views[0] ?? null;
    },

    async item(db: Executor, id: string) {
      return (await items(db, eq(checklistItems.id, id)))[0] ?? null;
    },

    /** Checklist items with their project and agreement (my tasks), soonest due first. */
    async tasks(db: Executor, where: SQL, page: number, pageSize: number) {
      const [rows, [total]] = await Promise.all([
        db
          .select({
            item: getTableColumns(checklistItems),
            responsibleOrg: partyOrg(responsibleOrg),
            project: { id: projects.id, title: projects.title },
            agreement: agreementRef,
          })
          .from(checklistItems)
          .innerJoin(projects, eq(projects.id, checklistItems.projectId))
          .innerJoin(agreements, eq(agreements.id, projects.agreementId))
          .leftJoin(responsibleOrg, eq(responsibleOrg.id, checklistItems.responsibleOrgId))
          .where(where)
          .orderBy(sql`${checklistItems.dueDate} asc nulls last`, asc(checklistItems.createdAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db
          .select({ value: count() })
          .from(checklistItems)
          .innerJoin(projects, eq(projects.id, checklistItems.projectId))
          .innerJoin(agreements, eq(agreements.id, projects.agreementId))
          .where(where),
      ]);
      return {
        rows: rows.map((row) => ({ ...row, responsibleOrg: joint(row.responsibleOrg) })),
        total: total?.value ?? 0,
      };
    },

    async notes(db: Executor, where: SQL): Promise<NoteView[]> {
      return db
        .select({ ...getTableColumns(projectNotes), authorName: users.displayName })
        .from(projectNotes)
        .innerJoin(users, eq(users.id, projectNotes.authorUserId))
        .where(where)
        .orderBy(desc(projectNotes.createdAt));
    },

    async insertNote(db: Executor, values: typeof projectNotes.$inferInsert) {
      const [row] = await db.insert(projectNotes).values(values).returning();
      return row!;
    },

    /** Places a new project or item last in its list. */
    async nextPosition(db: Executor, table: Ordered, parentId: string): Promise<number> {
      const [row] = await db
        .select({ value: max(table.position) })
        .from(table)
        .where(eq(parentOf(table), parentId));
      return (row?.value ?? 0) + 1;
    },

    async insertProject(db: Executor, values: typeof projects.$inferInsert) {
      const [row] = await db.insert(projects).values(values).returning();
      return row!;
    },

    async insertItem(db: Executor, values: typeof checklistItems.$inferInsert) {
      const [row] = await db.insert(checklistItems).values(values).returning();
      return row!;
    },

    async deleteItem(db: Executor, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(checklistItems)
        .where(and(eq(checklistItems.id, id), eq(checklistItems.version, version)))
        .returning({ id: checklistItems.id });
      return rows.length > 0;
    },

    /** The ids of a list in their order. */
    async order(db: Executor, table: Ordered, parentId: string): Promise<string[]> {
      const rows = await db
        .select({ id: table.id })
        .from(table)
        .where(eq(parentOf(table), parentId))
        .orderBy(table.position);
      return rows.map((r) => r.id);
    },

    /** Positions follow the given ids; the caller has checked they are exactly the list's ids. */
    async reorder(db: Executor, table: Ordered, ids: string[]) {
      if (ids.length === 0) return;
      const cases = sql.join(
        ids.map((id, index) => sql`when ${id}::uuid then ${index + 1}::int`),
        sql` `,
      );
      await db
        .update(table as typeof projects)
        .set({ position: sql`case ${table.id} ${cases} end` })
        .where(inArray(table.id, ids));
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
