// How projects and checklist items read: overdue is computed here from the due date, never stored.
import {
  JOINT,
  type ChecklistItem,
  type ChecklistViewStatus,
  type PartyOrg,
  type Project,
  type ProjectNote,
} from '@coop/shared';
import type { checklistItems, projects } from '../../db/schema/index.js';

export type ProjectRow = typeof projects.$inferSelect;
export type ItemRow = typeof checklistItems.$inferSelect;

export interface AgreementRef {
  id: string;
  title: string;
  type: Project['agreement']['type'];
  status: Project['agreement']['status'];
}

export interface Progress {
  done: number;
  total: number;
  overdue: number;
}

export const isLate = (dueDate: string | null, today: string) => dueDate !== null && dueDate < today;

export function viewStatus(row: Pick<ItemRow, 'status' | 'dueDate'>, today: string): ChecklistViewStatus {
  return row.status !== 'done' && isLate(row.dueDate, today) ? 'overdue' : row.status;
}

export function toItem(row: ItemRow, responsibleOrg: PartyOrg | null, today: string): ChecklistItem {
  const status = viewStatus(row, today);
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    dueDate: row.dueDate,
    responsible: row.responsibleOrgId ?? JOINT,
    responsibleOrg,
    status,
    declaredStatus: row.status,
    overdue: status === 'overdue',
    evidence: row.evidence,
    position: row.position,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ProjectView {
  project: ProjectRow;
  owner: PartyOrg;
  agreement: AgreementRef;
  progress: Progress;
}

export function toProject(
  { project, owner, agreement, progress }: ProjectView,
  today: string,
  canWork: boolean,
): Project {
  return {
    id: project.id,
    agreement,
    title: project.title,
    description: project.description,
    ownerOrg: owner,
    leadName: project.leadName,
    startDate: project.startDate,
    dueDate: project.dueDate,
    status: project.status,
    position: project.position,
    deliverables: project.deliverables,
    checklist: progress,
    overdue: !['done', 'closed'].includes(project.status) && isLate(project.dueDate, today),
    canWork,
    version: project.version,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

export interface NoteView {
  id: string;
  body: string;
  authorUserId: string;
  authorOrgId: string;
  authorName: string;
  createdAt: Date;
}

export const toNote = (note: NoteView): ProjectNote => ({
  id: note.id,
  body: note.body,
  author: { userId: note.authorUserId, displayName: note.authorName, orgId: note.authorOrgId },
  createdAt: note.createdAt.toISOString(),
});

/** What the event log keeps of a project or item on creation and deletion. */
export const projectSnapshot = ({
  id: _id,
  version: _v,
  createdAt: _c,
  updatedAt: _u,
  ...rest
}: ProjectRow) => rest;
export const itemSnapshot = ({
  id: _id,
  version: _v,
  createdAt: _c,
  updatedAt: _u,
  completedAt: _d,
  ...rest
}: ItemRow) => rest;
