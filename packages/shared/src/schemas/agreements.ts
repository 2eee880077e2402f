// Agreements, their project lists and checklists: what the API accepts and answers.
import { Type, type Static, type TSchema } from 'typebox';
import { LOCALES, type Labelled } from '../enums.js';
import { OneOf, PageQuery, StrictObject, Uuid } from './common.js';

export const AGREEMENT_TYPES = [
  'framework',
  'project',
  'technology_transfer',
  'technical_service',
  'training',
  'co_construction',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export const AGREEMENT_STATUSES = ['draft', 'negotiating', 'signed', 'active', 'completed', 'terminated', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** Moves people ask for; `expired` is reached only by the expiry check. */
export const AGREEMENT_ACTIONS = ['negotiate', 'sign', 'activate', 'complete', 'terminate'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];
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

export const AGREEMENT_TYPE_LABELS: Labelled<AgreementType>[] = [
  { value: 'framework', zh: '框架协议', en: 'Framework agreement' },
  { value: 'project', zh: '项目合同', en: 'Project contract' },
  { value: 'technology_transfer', zh: '技术转让 / 许可', en: 'Technology transfer / licence' },
  { value: 'technical_service', zh: '技术服务', en: 'Technical service' },
  { value: 'training', zh: '人才培养 / 培训', en: 'Training' },
  { value: 'co_construction', zh: '共建平台', en: 'Co-built platform' },
];
export const AGREEMENT_STATUS_LABELS: Labelled<AgreementStatus>[] = [
  { value: 'draft', zh: '草稿', en: 'Draft' },
  { value: 'negotiating', zh: '洽谈中', en: 'Negotiating' },
  { value: 'signed', zh: '已签约', en: 'Signed' },
  { value: 'active', zh: '执行中', en: 'Active' },
  { value: 'completed', zh: '已完成', en: 'Completed' },
  { value: 'terminated', zh: '已终止', en: 'Terminated' },
  { value: 'expired', zh: '已到期', en: 'Expired' },
];
export const AGREEMENT_ACTION_LABELS: Labelled<AgreementAction>[] = [
  { value: 'negotiate', zh: '开始洽谈', en: 'Start negotiating' },
  { value: 'sign', zh: '签约', en: 'Sign' },
  { value: 'activate', zh: '开始执行', en: 'Start delivery' },
  { value: 'complete', zh: '完成', en: 'Complete' },
  { value: 'terminate', zh: '终止', en: 'Terminate' },
];
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

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const Version = Type.Integer({ minimum: 1 });
const Title = Type.String({ minLength: 2, maxLength: 200 });
const LongText = Type.String({ maxLength: 20_000 });
const Name = Type.String({ minLength: 1, maxLength: 80 });
const CsvList = Type.String({ maxLength: 500, pattern: '^[A-Za-z0-9_.,-]*$' });
const Responsible = Type.Union([Type.Literal(JOINT), Uuid], { description: `an organisation id, or "${JOINT}"` });
const OrgFilter = Type.Optional(Type.Union([Type.Literal('mine'), Uuid], { description: 'a party organisation; mine = yours' }));

// ---- requests

export const PartyInput = StrictObject({
  orgId: Uuid,
  signatoryName: Type.Optional(Nullable(Name)),
  signatoryTitle: Type.Optional(Nullable(Name)),
});
export type PartyInput = Static<typeof PartyInput>;
const Parties = Type.Array(PartyInput, { minItems: 2, maxItems: 20 });

const agreementTerms = {
  title: Title,
  description: Type.Optional(Nullable(LongText)),
  startDate: Type.Optional(Nullable(IsoDate)),
  endDate: Type.Optional(Nullable(IsoDate)),
  /** Yuan. */
  valueYuan: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000_000 }))),
};

export const NewAgreement = StrictObject({
  type: OneOf(AGREEMENT_TYPES),
  parties: Parties,
  ...agreementTerms,
  /** The match it comes from: that match moves to `agreed`. */
  matchId: Type.Optional(Uuid),
});
export type NewAgreement = Static<typeof NewAgreement>;

/** Names what changes and the version it was based on; type and parties only before signing. */
export const AgreementUpdate = StrictObject(
  {
    type: Type.Optional(OneOf(AGREEMENT_TYPES)),
    parties: Type.Optional(Parties),
    ...agreementTerms,
    title: Type.Optional(Title),
    version: Version,
  },
  { minProperties: 2 },
);
export type AgreementUpdate = Static<typeof AgreementUpdate>;

export const AgreementTransition = StrictObject({
  action: OneOf(AGREEMENT_ACTIONS),
  version: Version,
  /** sign: the signing date (default today). */
  signedOn: Type.Optional(IsoDate),
  /** sign: signatories to record; every party needs one by then. */
  signatories: Type.Optional(
    Type.Array(StrictObject({ orgId: Uuid, signatoryName: Name, signatoryTitle: Type.Optional(Nullable(Name)) }), {
      maxItems: 20,
    }),
  ),
  /** terminate: required. */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
});
export type AgreementTransition = Static<typeof AgreementTransition>;

export const AgreementListQuery = StrictObject({
  ...PageQuery,
  org: OrgFilter,
  status: Type.Optional(CsvList),
  type: Type.Optional(CsvList),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
export type AgreementListQuery = Static<typeof AgreementListQuery>;

export const TimelineQuery = StrictObject({ ...PageQuery, projectId: Type.Optional(Uuid) });
export type TimelineQuery = Static<typeof TimelineQuery>;

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
export const NewOrder = StrictObject({ ids: Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true }) });
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

export const ProjectListQuery = StrictObject({ ...PageQuery, org: OrgFilter, status: Type.Optional(CsvList) });
export type ProjectListQuery = Static<typeof ProjectListQuery>;
export const AgreementProjectsQuery = StrictObject({ ...PageQuery, status: Type.Optional(CsvList) });
export type AgreementProjectsQuery = Static<typeof AgreementProjectsQuery>;
export const TaskQuery = StrictObject({
  ...PageQuery,
  status: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z_,]*$', description: 'e.g. pending,in_progress,overdue' })),
});
export type TaskQuery = Static<typeof TaskQuery>;

const exportFormat = {
  format: Type.Optional(OneOf(['csv', 'xlsx'] as const)),
  lang: Type.Optional(OneOf(LOCALES)),
};
export const AgreementProjectsExportQuery = StrictObject({ status: Type.Optional(CsvList), ...exportFormat });
export type AgreementProjectsExportQuery = Static<typeof AgreementProjectsExportQuery>;
export const ProjectExportQuery = StrictObject({ org: OrgFilter, status: Type.Optional(CsvList), ...exportFormat });
export type ProjectExportQuery = Static<typeof ProjectExportQuery>;

// ---- responses

export const PartyOrg = Type.Object({ id: Uuid, nameZh: Type.String(), nameEn: Type.String(), kind: Type.String() });
export type PartyOrg = Static<typeof PartyOrg>;

export const AgreementParty = Type.Object({
  org: PartyOrg,
  signatoryName: Nullable(Type.String()),
  signatoryTitle: Nullable(Type.String()),
});

export const Attachment = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedBy: Type.Object({ id: Uuid, displayName: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Attachment = Static<typeof Attachment>;

const agreementOutput = {
  id: Uuid,
  type: OneOf(AGREEMENT_TYPES),
  title: Type.String(),
  description: Nullable(Type.String()),
  status: OneOf(AGREEMENT_STATUSES),
  parties: Type.Array(AgreementParty),
  broker: Nullable(PartyOrg),
  matchId: Nullable(Uuid),
  signedOn: Nullable(Type.String()),
  startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  valueYuan: Nullable(Type.Integer()),
  /** Active and ending within 30 days. */
  expiringSoon: Type.Boolean(),
  /** Status moves the caller may make now. */
  allowedActions: Type.Array(OneOf(AGREEMENT_ACTIONS)),
  /** May edit terms and parties. */
  canManage: Type.Boolean(),
  /** May add and change projects, checklist items, notes and attachments. */
  canWork: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
export const Agreement = Type.Object(agreementOutput);
export type Agreement = Static<typeof Agreement>;
export const AgreementDetail = Type.Object({ ...agreementOutput, attachments: Type.Array(Attachment) });
export type AgreementDetail = Static<typeof AgreementDetail>;

export const TimelineEvent = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  entityType: OneOf(['agreement', 'project', 'checklist_item'] as const),
  entityId: Uuid,
  projectId: Nullable(Uuid),
  action: Type.String(),
  actor: Nullable(
    Type.Object({ userId: Uuid, displayName: Type.String(), orgId: Uuid, orgNameZh: Type.String(), orgNameEn: Type.String() }),
  ),
  /** The changed fields before and after (whole records on creation and deletion). */
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type TimelineEvent = Static<typeof TimelineEvent>;

const AgreementRef = Type.Object({ id: Uuid, title: Type.String(), type: OneOf(AGREEMENT_TYPES), status: OneOf(AGREEMENT_STATUSES) });

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
