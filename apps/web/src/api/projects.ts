// Project lists of agreements: projects, checklist items, progress notes, "my tasks" and exports.
import type {
  ChecklistItem,
  ChecklistItemUpdate,
  ChecklistStatus,
  ChecklistViewStatus,
  NewChecklistItem,
  NewProject,
  Project,
  ProjectDetail,
  ProjectNote,
  ProjectStatus,
  ProjectUpdate,
  Task,
} from '@coop/shared';
import { CHECKLIST_STATUSES, CHECKLIST_VIEW_STATUSES, JOINT, PROJECT_STATUSES } from '@coop/shared';
import { api, apiRequest } from './client';
import { downloadFile } from './files';
import type { Locale, PageQuery, Paged } from './types';

export type {
  ChecklistItem,
  ChecklistItemUpdate,
  ChecklistStatus,
  ChecklistViewStatus,
  NewChecklistItem,
  NewProject,
  Project,
  ProjectDetail,
  ProjectNote,
  ProjectStatus,
  ProjectUpdate,
  Task,
};
export { CHECKLIST_STATUSES, CHECKLIST_VIEW_STATUSES, JOINT, PROJECT_STATUSES };
export type ExportFormat = 'csv' | 'xlsx';

const agreementPath = (id: string, rest: string) => `/agreements/${encodeURIComponent(id)}${rest}`;
const projectPath = (id: string, rest = '') => `/projects/${encodeURIComponent(id)}${rest}`;
const itemPath = (id: string) => `/items/${encodeURIComponent(id)}`;

/** The largest page the API serves; one agreement's list fits in it. */
export const WHOLE_LIST = { page: 1, pageSize: 100 };

export const projectsApi = {
  ofAgreement: (agreementId: string, query: PageQuery & { status?: string } = WHOLE_LIST) =>
    api.get<Paged<Project>>(agreementPath(agreementId, '/projects'), { ...query }),
  create: (agreementId: string, body: NewProject) =>
    api.post<Project>(agreementPath(agreementId, '/projects'), body),
  reorder: (agreementId: string, ids: string[]) =>
    apiRequest<Paged<Project>>('PUT', agreementPath(agreementId, '/projects/order'), { body: { ids } }),
  list: (query: PageQuery & { org?: 'mine'; status?: string }) =>
    api.get<Paged<Project>>('/projects', { ...query }),
  get: (id: string) => api.get<ProjectDetail>(projectPath(id)),
  update: (id: string, body: ProjectUpdate) => api.patch<Project>(projectPath(id), body),
  addNote: (id: string, body: string) => api.post<ProjectNote>(projectPath(id, '/notes'), { body }),

  addItem: (projectId: string, body: NewChecklistItem) =>
    api.post<ChecklistItem>(projectPath(projectId, '/items'), body),
  reorderItems: (projectId: string, ids: string[]) =>
    apiRequest<Paged<ChecklistItem>>('PUT', projectPath(projectId, '/items/order'), { body: { ids } }),
  updateItem: (id: string, body: ChecklistItemUpdate) => api.patch<ChecklistItem>(itemPath(id), body),
  removeItem: (id: string, version: number) =>
    apiRequest<void>('DELETE', itemPath(id), { query: { version } }),

  tasks: (query: PageQuery & { status?: string }) => api.get<Paged<Task>>('/tasks', { ...query }),

  /** One agreement's project list, or (without an agreement) every list the user may see, as a file. */
  exportFile: (format: ExportFormat, lang: Locale, agreementId?: string) =>
    downloadFile(
      agreementId ? agreementPath(agreementId, '/projects/export') : '/projects/export',
      { format, lang },
      `projects.${format}`,
    ),
};
