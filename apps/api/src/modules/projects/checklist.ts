// Checklist items and milestones of a project, and "my tasks": the items an organisation is responsible for.
import {
  JOINT,
  type ChecklistItem,
  type ChecklistItemUpdate,
  type NewChecklistItem,
  type Task,
  type TaskQuery,
} from '@coop/shared';
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { agreements, checklistItems, projects } from '../../db/schema/index.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import { requireActor, type AgreementPermission } from '../access/policy.js';
import { changedFields, updateVersioned, versionConflict } from '../agreements/changes.js';
import { platformDate } from '../agreements/dates.js';
import { csv, trimmed, withoutUndefined } from '../agreements/input.js';
import type { Journal } from '../agreements/journal.js';
import type { AgreementService } from '../agreements/service.js';
import { RUNNING_STATUSES } from '../agreements/status.js';
import type { Page } from '../listings/service.js';
import { itemSnapshot, toItem } from './dto.js';
import { itemStatusIn } from './repository.js';
import { applyOrder, requireOpenProject, requireParty, requireRunning } from './rules.js';
import type { ProjectService } from './service.js';

interface Deps {
  db: Database;
  agreements: AgreementService;
  projects: ProjectService;
  journal: Journal;
}

const valuesOf = (input: Partial<NewChecklistItem>) =>
  withoutUndefined({
    title: input.title?.trim(),
    dueDate: input.dueDate,
    responsibleOrgId:
      input.responsible === undefined ? undefined : input.responsible === JOINT ? null : input.responsible,
    status: input.status,
    evidence: trimmed(input.evidence),
  });

export function createChecklistService({
  db,
  agreements: agreementService,
  projects: projectService,
  journal,
}: Deps) {
  const { repository } = projectService;

  /** A project whose checklist the caller may change now. */
  async function openProject(actor: Actor | null, projectId: string, what?: string) {
    const found = await projectService.authorise(actor, projectId, 'agreement.work', what);
    requireRunning(found.record);
    requireOpenProject(found.view);
    return found;
  }

  async function loadItem(actor: Actor | null, id: string, permission: AgreementPermission) {
    const found = await repository.item(db, id);
    if (!found) throw new NotFoundError('Checklist item');
    const project = await projectService.authorise(actor, found.item.projectId, permission, 'Checklist item');
    return { ...found, ...project };
  }

  const fresh = async (id: string) => {
    const found = (await repository.item(db, id))!;
    return toItem(found.item, found.responsibleOrg, platformDate());
  };

  async function list(
    actor: Actor | null,
    projectId: string,
    query: { page?: number; pageSize?: number },
  ): Promise<Page<ChecklistItem>> {
    await projectService.authorise(actor, projectId, 'agreement.read');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    // A project's checklist is short; it is read whole and paged here.
    const rows = await repository.items(db, eq(checklistItems.projectId, projectId));
    const today = platformDate();
    const items = rows
      .slice((page - 1) * pageSize, page * pageSize)
      .map((r) => toItem(r.item, r.responsibleOrg, today));
    return { items, total: rows.length, page, pageSize };
  }

  return {
    list,

    async create(actor: Actor | null, projectId: string, input: NewChecklistItem): Promise<ChecklistItem> {
      const { view, record, caller } = await openProject(actor, projectId);
      const values = valuesOf(input);
      if (values.responsibleOrgId) requireParty(record, values.responsibleOrgId, 'body.responsible');
      const id = await journal.write(caller, async (tx, recordChange) => {
        const position = await repository.nextPosition(tx, checklistItems, projectId);
        const row = await repository.insertItem(tx, {
          ...values,
          projectId,
          title: values.title!,
          position,
          completedAt: values.status === 'done' ? new Date() : null,
        });
        const agreementId = view.project.agreementId;
        await recordChange({
          entityType: 'checklist_item',
          entityId: row.id,
          agreementId,
          projectId,
          action: 'created',
          after: itemSnapshot(row),
        });
        return row.id;
      });
      return fresh(id);
    },

    async update(actor: Actor | null, id: string, patch: ChecklistItemUpdate): Promise<ChecklistItem> {
      const { item, view, record, caller } = await loadItem(actor, id, 'agreement.work');
      if (patch.version !== item.version) throw versionConflict('checklist item', await fresh(id));
      requireRunning(record);
      requireOpenProject(view);
      const values = valuesOf(patch);
      if (values.responsibleOrgId) requireParty(record, values.responsibleOrgId, 'body.responsible');
      const change = changedFields(item, values);
      if (!change) return fresh(id);
      // Ticking records when; un-ticking clears it.
      const completedAt =
        values.status && (values.status === 'done' ? (item.completedAt ?? new Date()) : null);
      const columns = withoutUndefined({ ...values, completedAt });
      const saved = await journal.write(caller, async (tx, recordChange) => {
        if (!(await updateVersioned(tx, checklistItems, id, patch.version, columns))) return false;
        const agreementId = view.project.agreementId;
        await recordChange({
          entityType: 'checklist_item',
          entityId: id,
          agreementId,
          projectId: item.projectId,
          action: 'updated',
          ...change,
        });
        return true;
      });
      if (!saved) throw versionConflict('checklist item', await fresh(id));
      return fresh(id);
    },

    async remove(actor: Actor | null, id: string, version: number): Promise<void> {
      const { item, view, record, caller } = await loadItem(actor, id, 'agreement.work');
      if (version !== item.version) throw versionConflict('checklist item', await fresh(id));
      requireRunning(record);
      requireOpenProject(view);
      const removed = await journal.write(caller, async (tx, recordChange) => {
        if (!(await repository.deleteItem(tx, id, version))) return false;
        const agreementId = view.project.agreementId;
        await recordChange({
          entityType: 'checklist_item',
          entityId: id,
          agreementId,
          projectId: item.projectId,
          action: 'deleted',
          before: itemSnapshot(item),
        });
        return true;
      });
      if (!removed) throw versionConflict('checklist item', await fresh(id));
    },

    async reorder(actor: Actor | null, projectId: string, ids: string[]): Promise<Page<ChecklistItem>> {
      const { view, caller } = await openProject(actor, projectId);
      const saved = await journal.write(caller, (tx, recordChange) =>
        applyOrder(
          tx,
          recordChange,
          repository,
          { table: checklistItems, parentId: projectId, ids },
          {
            entityType: 'project',
            entityId: projectId,
            agreementId: view.project.agreementId,
            projectId,
            action: 'items_reordered',
          },
        ),
      );
      const current = await list(caller, projectId, {});
      if (!saved) throw versionConflict('checklist', current);
      return current;
    },

    /** Items of running agreements that the caller's organisation owns, alone or jointly as a party. */
    async tasks(actor: Actor | null, query: TaskQuery): Promise<Page<Task>> {
      const caller = requireActor(actor);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const today = platformDate();
      const statuses = csv(query.status);
      const where = and(
        or(
          eq(checklistItems.responsibleOrgId, caller.orgId),
          and(
            isNull(checklistItems.responsibleOrgId),
            agreementService.repository.withParty(db, caller.orgId),
          ),
        ),
        inArray(agreements.status, RUNNING_STATUSES),
        ne(projects.status, 'closed'),
        statuses?.length ? itemStatusIn(statuses, today) : undefined,
      )!;
      const { rows, total } = await repository.tasks(db, where, page, pageSize);
      const items = rows.map(({ item, responsibleOrg, project, agreement }) => ({
        ...toItem(item, responsibleOrg, today),
        project,
        agreement,
      }));
      return { items, total, page, pageSize };
    },
  };
}

export type ChecklistService = ReturnType<typeof createChecklistService>;
