// The project list of an agreement: projects, checklist items and tasks; what the API accepts and answers.
import { Type, type Static } from 'typebox';
import { LOCALES, type Labelled } from '../enums.js';
import { CsvList, IsoDate, LongText, Name, Nullable, OrgFilter, Title, Version } from './agreement-fields.js';
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, PartyOrg } from './agreements.js';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';

export const PROJECT_STATUSES = ['planned', 'active', 'done', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** What people set on a checklist item. */
export const CHECKLIST_STATUSES = ['pending', 'in_progress', 'done', 'blocked'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];
/** What responses show: the set status, or `overdue` when the due date has passed and it is not done. */
export const CHECKLIST_VIEW_STATUSES = ['pending', 'in_progress', 'done', 'overdue', 'blocked'] as const;
export type ChecklistViewStatus = (typeof CHECKLIST_VIEW_STATUSES)[number];
/** `responsible` of a checklist item shared by the parties. */
export const JOINT = 'joint';

export const PROJECT_STATUS_LABELS: Labelled<ProjectStatus>[] = [
  { value: 'planned', zh: '计划中', en: 'Planned' },
  { value: 'active', zh: '进行中', en: 'Active' },
  { value: 'done', zh: '已完成', en: 'Done' },
  { value: 'closed', zh: '已关闭', en: 'Closed' },
];
export const CHECKLIST_STATUS_LABELS: Labelled<ChecklistViewStatus>[] = [
  { value: 'pending', zh: '待开始', en: 'Pending' },
  { value: 'in_progress', zh: '进行中', en: 'In progress' },
  { value: 'done', zh: '已完成', en: 'Done' },
  { value: 'overdue', zh: '已逾期', en: 'Overdue' },
  { value: 'blocked', zh: '受阻', en: 'Blocked' },
];

const Responsible = Type.Union([Type.Literal(JOINT), Uuid], {
  description: `an organisation id, or "${JOINT}"`,
});

// ---- requests

const projectInput = {
  title: Title,
  description: Type.Optional(Nullable(LongText)),
  ownerOrgId: Uuid,
  leadName: Type.Optional(Nullable(Name)),
  startDate: Type.Optional(Nullable(IsoDate)),
  dueDate: Type.Optional(Nullable(IsoDate)),
  status: Type.Optional(OneOf(PROJECT_STATUSES)),
  deliverables: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 })),
};
export const NewProject = StrictObject(projectInput);
export type NewProject = Static<typeof NewProject>;
export const ProjectUpdate = StrictObject(
  { ...projectInput, title: Type.Optional(Title), ownerOrgId: Type.Optional(Uuid), version: Version },
  { minProperties: 2 },
);
export type ProjectUpdate = Static<typeof ProjectUpdate>;

/** Every id of the list, in the new order. */
export const NewOrder = StrictObject({
  ids: Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true }),
});
export type NewOrder = Static<typeof NewOrder>;

export const NewNote = StrictObject({ body: Type.String({ minLength: 1, maxLength: 4000 }) });
export type NewNote = Static<typeof NewNote>;

const itemInput = {
  title: Title,
  dueDate: Type.Optional(Nullable(IsoDate)),
  responsible: Responsible,
  status: Type.Optional(OneOf(CHECKLIST_STATUSES)),
  evidence: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};
export const NewChecklistItem = StrictObject(itemInput);
export type NewChecklistItem = Static<typeof NewChecklistItem>;
export const ChecklistItemUpdate = StrictObject(
  { ...itemInput, title: Type.Optional(Title), responsible: Type.Optional(Responsible), version: Version },
  { minProperties: 2 },
);
export type ChecklistItemUpdate = Static<typeof ChecklistItemUpdate>;
export const VersionQuery = StrictObject({ version: Version });

export const ProjectListQuery = StrictObject({
  ...PageQuery,
  org: OrgFilter,
  status: Type.Optional(CsvList),
});
export type ProjectListQuery = Static<typeof ProjectListQuery>;
export const AgreementProjectsQuery = StrictObject({ ...PageQuery, status: Type.Optional(CsvList) });
export type AgreementProjectsQuery = Static<typeof AgreementProjectsQuery>;
export const TaskQuery = StrictObject({
  ...PageQuery,
  status: Type.Optional(
    Type.String({ maxLength: 100, pattern: '^[a-z_,]*$', description: 'e.g. pending,in_progress,overdue' }),
  ),
});
export type TaskQuery = Static<typeof TaskQuery>;

const exportFormat = {
  format: Type.Optional(OneOf(['csv', 'xlsx'] as const)),
  lang: Type.Optional(OneOf(LOCALES)),
};
export const AgreementProjectsExportQuery = StrictObject({ status: Type.Optional(CsvList), ...exportFormat });
export type AgreementProjectsExportQuery = Static<typeof AgreementProjectsExportQuery>;
export const ProjectExportQuery = StrictObject({
  org: OrgFilter,
  status: Type.Optional(CsvList),
  ...exportFormat,
});
export type ProjectExportQuery = Static<typeof ProjectExportQuery>;

// ---- responses

const AgreementRef = Type.Object({
  id: Uuid,
  title: Type.String(),
  type: OneOf(AGREEMENT_TYPES),
  status: OneOf(AGREEMENT_STATUSES),
});

export const ChecklistItem = Type.Object({
  id: Uuid,
  projectId: Uuid,
  title: Type.String(),
  dueDate: Nullable(Type.String()),
  responsible: Type.String({ description: `an organisation id, or "${JOINT}"` }),
  responsibleOrg: Nullable(PartyOrg),
  status: OneOf(CHECKLIST_VIEW_STATUSES),
  /** The status as set, for editing (status shows `overdue` instead when late). */
  declaredStatus: OneOf(CHECKLIST_STATUSES),
  overdue: Type.Boolean(),
  evidence: Nullable(Type.String()),
  position: Type.Integer(),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ChecklistItem = Static<typeof ChecklistItem>;

export const Task = Type.Object({
  ...ChecklistItem.properties,
  project: Type.Object({ id: Uuid, title: Type.String() }),
  agreement: AgreementRef,
});
export type Task = Static<typeof Task>;

export const ProjectNote = Type.Object({
  id: Uuid,
  body: Type.String(),
  author: Type.Object({ userId: Uuid, displayName: Type.String(), orgId: Uuid }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ProjectNote = Static<typeof ProjectNote>;

const projectOutput = {
  id: Uuid,
  agreement: AgreementRef,
  title: Type.String(),
  description: Nullable(Type.String()),
  ownerOrg: PartyOrg,
  leadName: Nullable(Type.String()),
  startDate: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  status: OneOf(PROJECT_STATUSES),
  position: Type.Integer(),
  deliverables: Type.Array(Type.String()),
  /** Checklist progress: items done, all items, items overdue. */
  checklist: Type.Object({ done: Type.Integer(), total: Type.Integer(), overdue: Type.Integer() }),
  /** Due date passed and not done or closed. */
  overdue: Type.Boolean(),
  canWork: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
export const Project = Type.Object(projectOutput);
export type Project = Static<typeof Project>;
export const ProjectDetail = Type.Object({
  ...projectOutput,
  items: Type.Array(ChecklistItem),
  notes: Type.Array(ProjectNote),
});
export type ProjectDetail = Static<typeof ProjectDetail>;
