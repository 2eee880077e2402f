// The project list of an agreement: add, edit, re-order and close projects, append progress notes.
// Projects follow their agreement's access rules, and change only while it runs (signed or active).
import type {
  AgreementProjectsQuery,
  NewNote,
  NewProject,
  Project,
  ProjectDetail,
  ProjectListQuery,
  ProjectNote,
  ProjectUpdate,
} from '@coop/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { createTotals } from '../../db/figure-cache.js';
import { checklistItems, projectNotes, projects } from '../../db/schema/index.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../access/actor.js';
import {
  allowsAgreement,
  requireActor,
  type AccessPolicy,
  type AgreementPermission,
} from '../access/policy.js';
import { changedFields, updateVersioned, versionConflict } from '../agreements/changes.js';
import { platformDate } from '../agreements/dates.js';
import { checkPeriod, csv, invalid, trimmed, withoutUndefined } from '../agreements/input.js';
import type { Journal } from '../agreements/journal.js';
import type { AgreementRecord } from '../agreements/repository.js';
import type { AgreementService } from '../agreements/service.js';
import { RUNNING_STATUSES } from '../agreements/status.js';
import type { Page } from '../listings/service.js';
import { projectSnapshot, toItem, toNote, toProject, type ProjectView } from './dto.js';
import { createProjectRepository } from './repository.js';
import { applyOrder, requireParty, requireRunning } from './rules.js';

interface Deps {
  db: Database;
  access: AccessPolicy;
  agreements: AgreementService;
  journal: Journal;
}

const PERIOD = { start: 'startDate', end: 'dueDate' };

const valuesOf = (input: Partial<NewProject>) =>
  withoutUndefined({
    title: input.title?.trim(),
    description: trimmed(input.description),
    ownerOrgId: input.ownerOrgId,
    leadName: trimmed(input.leadName),
    startDate: input.startDate,
    dueDate: input.dueDate,
    status: input.status,
    deliverables: input.deliverables?.map((d) => d.trim()).filter(Boolean),
  });

export function createProjectService({ db, access, agreements, journal }: Deps) {
  const repository = createProjectRepository();
  const totals = createTotals(db);

  const present = (
    view: ProjectView,
    record: AgreementRecord,
    actor: Actor | null,
    today = platformDate(),
  ): Project =>
    toProject(
      view,
      today,
      RUNNING_STATUSES.includes(record.row.status) && allowsAgreement(actor, 'agreement.work', record.facts),
    );

  /** Loads a project and checks the caller may do this with its agreement. */
  async function authorise(
    actor: Actor | null,
    id: string,
    permission: AgreementPermission,
    what = 'Project',
  ) {
    const view = await repository.get(db, id, platformDate());
    if (!view) throw new NotFoundError(what);
    return { view, ...(await agreements.authorise(actor, view.project.agreementId, permission, what)) };
  }

  async function page(
    actor: Actor,
    where: Parameters<typeof repository.list>[1],
    query: { page?: number; pageSize?: number },
    pageSize: number,
  ) {
    const today = platformDate();
    const current = query.page ?? 1;
    const size = query.pageSize ?? pageSize;
    const { views, total } = await repository.list(db, where, today, totals, current, size);
    const records = new Map(
      (await agreements.repository.load(db, [...new Set(views.map((v) => v.agreement.id))])).map((r) => [
        r.row.id,
        r,
      ]),
    );
    const items = views.map((view) => present(view, records.get(view.agreement.id)!, actor, today));
    return { items, total, page: current, pageSize: size };
  }

  return {
    repository,
    authorise,

    /** An agreement's project list, in its order. */
    async listOfAgreement(
      actor: Actor | null,
      agreementId: string,
      query: AgreementProjectsQuery,
    ): Promise<Page<Project>> {
      const { caller } = await agreements.authorise(actor, agreementId, 'agreement.read');
      const statuses = csv(query.status) as Project['status'][] | undefined;
      const where = and(
        eq(projects.agreementId, agreementId),
        statuses?.length ? inArray(projects.status, statuses) : undefined,
      );
      return page(caller, where, query, 100);
    },

    /** Projects of every agreement the caller may see; `org=mine` keeps those where the caller's organisation is a party. */
    async list(actor: Actor | null, query: ProjectListQuery): Promise<Page<Project>> {
      const caller = requireActor(actor);
      const partyOrgId = query.org === 'mine' ? caller.orgId : query.org;
      const statuses = csv(query.status) as Project['status'][] | undefined;
      const where = and(
        agreements.repository.visibleTo(db, access.agreementScope(caller)),
        partyOrgId ? agreements.repository.withParty(db, partyOrgId) : undefined,
        statuses?.length ? inArray(projects.status, statuses) : undefined,
      );
      return page(caller, where, query, 20);
    },

    async get(actor: Actor | null, id: string): Promise<ProjectDetail> {
      const { view, record, caller } = await authorise(actor, id, 'agreement.read');
      const today = platformDate();
      const [rows, notes] = await Promise.all([
        repository.items(db, eq(checklistItems.projectId, id)),
        repository.notes(db, eq(projectNotes.projectId, id)),
      ]);
      return {
        ...present(view, record, caller, today),
        items: rows.map((row) => toItem(row.item, row.responsibleOrg, today)),
        notes: notes.map(toNote),
      };
    },

    async create(actor: Actor | null, agreementId: string, input: NewProject): Promise<Project> {
      const { record, caller } = await agreements.authorise(actor, agreementId, 'agreement.work');
      requireRunning(record);
      requireParty(record, input.ownerOrgId, 'body.ownerOrgId');
      const values = valuesOf(input);
      checkPeriod(values.startDate, values.dueDate, PERIOD);
      const id = await journal.write(caller, async (tx, recordChange) => {
        const position = await repository.nextPosition(tx, projects, agreementId);
        const row = await repository.insertProject(tx, {
          ...values,
          agreementId,
          ownerOrgId: input.ownerOrgId,
          title: values.title!,
          position,
        });
        await recordChange({
          entityType: 'project',
          entityId: row.id,
          agreementId,
          projectId: row.id,
          action: 'created',
          after: projectSnapshot(row),
        });
        return row.id;
      });
      return present((await repository.get(db, id, platformDate()))!, record, caller);
    },

    async update(actor: Actor | null, id: string, patch: ProjectUpdate): Promise<Project> {
      const { view, record, caller } = await authorise(actor, id, 'agreement.work');
      const conflict = async () =>
        versionConflict('project', present((await repository.get(db, id, platformDate()))!, record, caller));
      if (patch.version !== view.project.version) throw await conflict();
      requireRunning(record);
      if (patch.ownerOrgId) requireParty(record, patch.ownerOrgId, 'body.ownerOrgId');
      const values = valuesOf(patch);
      checkPeriod(
        'startDate' in values ? values.startDate : view.project.startDate,
        'dueDate' in values ? values.dueDate : view.project.dueDate,
        PERIOD,
      );
      const change = changedFields(view.project, values);
      if (!change) return present(view, record, caller);
      const agreementId = view.project.agreementId;
      const saved = await journal.write(caller, async (tx, recordChange) => {
        if (!(await updateVersioned(tx, projects, id, patch.version, values))) return false;
        await recordChange({
          entityType: 'project',
          entityId: id,
          agreementId,
          projectId: id,
          action: 'updated',
          ...change,
        });
        return true;
      });
      if (!saved) throw await conflict();
      return present((await repository.get(db, id, platformDate()))!, record, caller);
    },

    /** Re-orders the whole list; a list that changed meanwhile answers 409 with its current state. */
    async reorder(actor: Actor | null, agreementId: string, ids: string[]): Promise<Page<Project>> {
      const { record, caller } = await agreements.authorise(actor, agreementId, 'agreement.work');
      requireRunning(record);
      const saved = await journal.write(caller, (tx, recordChange) =>
        applyOrder(
          tx,
          recordChange,
          repository,
          { table: projects, parentId: agreementId, ids },
          { entityType: 'agreement', entityId: agreementId, agreementId, action: 'projects_reordered' },
        ),
      );
      const list = await page(caller, eq(projects.agreementId, agreementId), {}, 100);
      if (!saved) throw versionConflict('project list', list);
      return list;
    },

    async addNote(actor: Actor | null, id: string, input: NewNote): Promise<ProjectNote> {
      const { view, record, caller } = await authorise(actor, id, 'agreement.work');
      requireRunning(record);
      const body = input.body.trim();
      if (!body) throw invalid('body.body', 'must not be blank');
      const note = await journal.write(caller, async (tx, recordChange) => {
        const row = await repository.insertNote(tx, {
          projectId: id,
          authorUserId: caller.userId,
          authorOrgId: caller.orgId,
          body,
        });
        await recordChange({
          entityType: 'project',
          entityId: id,
          agreementId: view.project.agreementId,
          projectId: id,
          action: 'note_added',
          after: { noteId: row.id, body },
        });
        return row;
      });
      const [saved] = await repository.notes(db, eq(projectNotes.id, note.id));
      return toNote(saved!);
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
